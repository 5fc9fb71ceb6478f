package dev.stagedesk.settings;

import dev.stagedesk.command.StoredRecord;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person who signs in. The password hash never leaves the repository. */
public record User(UUID id, String username, String displayName, String email, Set<Role> roles, boolean active,
                   UUID performerId, int failedAttempts, Instant lockedUntil, Instant lastSignInAt, int version,
                   Instant deletedAt) implements StoredRecord {

    public Actor toActor() {
        return new Actor(id, username, roles, performerId);
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("displayName", displayName);
        m.put("email", email);
        m.put("roles", roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        m.put("active", active);
        m.put("performerId", performerId);
        return m;
    }
}
