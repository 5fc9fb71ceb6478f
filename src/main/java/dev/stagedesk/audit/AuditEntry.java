package dev.stagedesk.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit log. */
public record AuditEntry(long seq, UUID id, Instant occurredAt, String actor, String action, String entityType,
                         UUID entityId, String changes, String prevHash, String hash) {
}
