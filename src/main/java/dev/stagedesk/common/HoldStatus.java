package dev.stagedesk.common;

/** A hold's state (column {@code hold.status}): only ACTIVE holds rank and block; the rest say how it ended. */
public enum HoldStatus {
    ACTIVE, RELEASED, EXPIRED, LAPSED, CONFIRMED, CANCELLED
}
