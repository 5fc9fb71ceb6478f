package dev.stagedesk.common;

/**
 * A refusal the user can act on (bad input, missing record, permission, a concurrent edit). The GUI shows
 * the message; the CLI prints it and exits with status 2. Anything else is an internal error.
 */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }
}
