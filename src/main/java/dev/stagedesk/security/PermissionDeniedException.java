package dev.stagedesk.security;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;

public class PermissionDeniedException extends UserFacingException {
    public PermissionDeniedException(Permission permission) {
        super(I18n.tr("permission.denied", permission.describe()));
    }
}
