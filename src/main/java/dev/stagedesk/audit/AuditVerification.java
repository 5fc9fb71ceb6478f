package dev.stagedesk.audit;

import dev.stagedesk.common.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code audit verify} found. The hash chain shows an entry changed or removed in the middle (without
 * recomputing the hashes after it); the anchors show what the chain alone cannot: newest entries removed
 * together with their counter (an anchored entry is missing) and a log rewritten with recomputed hashes (an
 * anchored entry's hash differs). Entries after the newest anchor are covered by the chain only.
 */
public record AuditVerification(long entries, long lastSeq, Optional<Long> firstBroken, int anchorsMatched,
                                long newestAnchored, List<Finding> findings, AnchorSet anchorSet) {
    private static final int SHOWN = 5;

    public enum Kind { TRUNCATED, REWRITTEN }

    /** An anchor the store contradicts. */
    public record Finding(Kind kind, AuditAnchor anchor) {
    }

    public AuditVerification {
        findings = List.copyOf(findings);
    }

    /** The chain is intact and every anchor matches. */
    public boolean ok() {
        return firstBroken.isEmpty() && findings.isEmpty();
    }

    /** The last entry up to which the chain itself checks out. */
    public long intactUpTo() {
        return firstBroken.map(n -> n - 1).orElse(lastSeq);
    }

    public boolean truncationFound() {
        return findings.stream().anyMatch(f -> f.kind() == Kind.TRUNCATED);
    }

    public boolean rewriteFound() {
        return findings.stream().anyMatch(f -> f.kind() == Kind.REWRITTEN);
    }

    /** The report, one sentence a line, for the CLI and Settings. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (firstBroken.isPresent()) {
            lines.add(I18n.tr("audit.broken", firstBroken.get()));
            lines.add(I18n.tr("audit.verify.intactUpTo", intactUpTo()));
        } else {
            lines.add(I18n.tr("audit.intact", entries));
        }
        AnchorSet set = anchorSet;
        int checked = set.fromFile() + set.fromBackups();
        if (checked == 0) {
            lines.add(I18n.tr("audit.verify.noAnchors", set.fileName(), set.backupsFolder()));
        } else {
            lines.add(I18n.tr("audit.verify.anchors", checked, set.fromFile(), set.fileName(), set.fromBackups(),
                    set.backupsFolder(), newestAnchored));
        }
        for (Finding f : findings.subList(0, Math.min(SHOWN, findings.size()))) {
            AuditAnchor a = f.anchor();
            lines.add(f.kind() == Kind.TRUNCATED
                    ? I18n.tr("audit.verify.truncated", a.seq(), a.source(), a.recordedAt(), lastSeq)
                    : I18n.tr("audit.verify.rewritten", a.seq(), a.source(), a.recordedAt()));
        }
        if (findings.size() > SHOWN) {
            lines.add(I18n.tr("audit.verify.moreFindings", findings.size() - SHOWN));
        }
        if (set.superseded() > 0) {
            lines.add(I18n.tr("audit.verify.superseded", set.superseded(), set.restoredAt()));
        }
        if (!set.unreadableLines().isEmpty()) {
            lines.add(I18n.tr("audit.verify.unreadable", set.fileName(), set.unreadableLines()));
        }
        if (ok() && lastSeq > newestAnchored) {
            lines.add(I18n.tr("audit.verify.unanchored", newestAnchored + 1, lastSeq));
        }
        return lines;
    }
}
