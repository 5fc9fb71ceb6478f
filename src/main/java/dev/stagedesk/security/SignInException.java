package dev.stagedesk.security;

import dev.stagedesk.common.UserFacingException;

/** Sign-in refused: wrong name or password, locked, or deactivated. */
public class SignInException extends UserFacingException {
    public SignInException(String message) {
        super(message);
    }
}
