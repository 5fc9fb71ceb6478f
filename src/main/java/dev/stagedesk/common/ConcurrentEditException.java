package dev.stagedesk.common;

/** The record changed since it was read (optimistic locking): reload and apply the change again. */
public class ConcurrentEditException extends UserFacingException {
    public ConcurrentEditException(String message) {
        super(message);
    }
}
