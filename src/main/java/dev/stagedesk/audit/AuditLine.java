package dev.stagedesk.audit;

/**
 * An audit entry as people read it: when (in the agency's time zone, the screen's date style), who (the user name), which record ("Booking BK-2026-0042 Gala"), and what
 * happened as a sentence ("Assigned The Electric Orchestra as Lead, fee 800.00 EUR").
 */
public record AuditLine(AuditEntry entry, String when, String who, String record, String sentence) {
}
