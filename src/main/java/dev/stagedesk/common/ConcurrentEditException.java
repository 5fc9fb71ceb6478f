package dev.stagedesk.common;

import java.time.Instant;

/**
 * The record changed since it was read (optimistic locking): the edit is refused, never written over the other
 * change. Carries who made that change and when (from the audit log) when known, so a screen can say so and offer
 * to reload.
 */
public class ConcurrentEditException extends UserFacingException {
    private final String changedBy;
    private final Instant changedAt;

    public ConcurrentEditException(String message) {
        this(message, null, null);
    }

    public ConcurrentEditException(String message, String changedBy, Instant changedAt) {
        super(message);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** The display name of whoever saved the change that now holds, or null when unknown. */
    public String changedBy() {
        return changedBy;
    }

    /** When that change was saved, or null when unknown. */
    public Instant changedAt() {
        return changedAt;
    }
}
