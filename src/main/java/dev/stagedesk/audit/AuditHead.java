package dev.stagedesk.audit;

/** The newest entry of the chain: its number and hash. */
public record AuditHead(long seq, String hash) {
}
