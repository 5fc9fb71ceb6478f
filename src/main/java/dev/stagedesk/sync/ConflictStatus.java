package dev.stagedesk.sync;

/** Whether a conflict the endpoint recorded still waits for a person (stored in sync_conflict.status). */
public enum ConflictStatus {
    OPEN, RESOLVED
}
