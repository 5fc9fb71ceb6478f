package dev.stagedesk.audit;

import java.time.Instant;

/**
 * A copy of the chain's head kept outside the store (a line of DATA/audit-anchors, a backup's manifest): entry
 * {@code seq} had hash {@code hash} at {@code recordedAt}. {@code source} says where it was read, for the report.
 */
public record AuditAnchor(long seq, String hash, Instant recordedAt, String source) {
}
