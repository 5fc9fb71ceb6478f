package dev.stagedesk.sync;

import dev.stagedesk.common.UserFacingException;

/**
 * The endpoint refused a request as a whole: a token that is unknown or revoked, a code used or expired, a message
 * it cannot read. {@code status} is the HTTP status the endpoint answers with; the message is for people.
 */
public class SyncRefused extends UserFacingException {
    private final int status;

    public SyncRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
