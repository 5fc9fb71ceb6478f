package dev.stagedesk.audit;

import java.time.Instant;
import java.util.List;

/**
 * The anchors {@code verify} could reach: those in the anchor file and in backup manifests since the last
 * restore ({@code anchors}), how many older ones a restore superseded, and the file's unreadable line numbers.
 */
public record AnchorSet(List<AuditAnchor> anchors, String fileName, int fromFile, String backupsFolder,
                        int fromBackups, int superseded, Instant restoredAt, List<Integer> unreadableLines) {
    public AnchorSet {
        anchors = List.copyOf(anchors);
        unreadableLines = List.copyOf(unreadableLines);
    }

    public static AnchorSet none() {
        return new AnchorSet(List.of(), "audit-anchors", 0, "backups", 0, 0, null, List.of());
    }
}
