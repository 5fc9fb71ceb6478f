package dev.stagedesk.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: every command and every read runs on behalf of one. {@code performerId} is the performer
 * record a performer user is linked to (null otherwise): reads without a "view all" permission are narrowed
 * to it (see docs/ROLES.md).
 */
public record Actor(UUID userId, String username, Set<Role> roles, UUID performerId) {
    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Actor(UUID userId, String username, Set<Role> roles) {
        this(userId, username, roles, null);
    }

    /** The agency owner acting from the command line before any user exists (init) and in tests. */
    public static Actor owner() {
        return new Actor(null, "owner", EnumSet.of(Role.ADMIN));
    }

    /** Stagedesk itself, for work no person started (expiring holds on the console's timer). */
    public static Actor system() {
        return new Actor(null, "system", EnumSet.of(Role.ADMIN));
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(permission.roles()::contains);
    }

    /** Throws "You do not have permission to ..." unless this actor may. Reads call it before they query. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new PermissionDeniedException(permission);
        }
    }
}
