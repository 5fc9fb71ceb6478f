package dev.stagedesk.audit;

import java.time.LocalDate;

/** Audit screen filters; null or blank means "any". Dates are inclusive, in UTC. */
public record AuditFilter(String actor, String entityType, String action, LocalDate from, LocalDate to) {
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
