package dev.stagedesk.common;

public class NotFoundException extends UserFacingException {
    public NotFoundException(String message) {
        super(message);
    }
}
