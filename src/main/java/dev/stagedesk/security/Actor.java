package dev.stagedesk.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Who is acting: every command runs on behalf of one. */
public record Actor(UUID userId, String username, Set<Role> roles) {
    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /**
     * The agency owner on this desktop. Until sign-in exists (issue 3) the console and the command line act
     * as this administrator.
     */
    public static Actor owner() {
        return new Actor(null, "owner", EnumSet.of(Role.ADMIN));
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(permission.roles()::contains);
    }
}
