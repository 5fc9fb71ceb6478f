package dev.stagedesk.demo;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.settings.UserService;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** One user per role for a demo store: admin, coordinator, accountant, and a performer linked to a performer. */
public final class DemoUsers {
    public static final List<String> NAMES = List.of("admin", "coordinator", "accountant", "performer");

    private DemoUsers() {
    }

    /** {@code performerId}: the performer record the performer user sees (null if the store has none). */
    public static List<String> create(UserService users, Actor owner, UUID performerId, char[] password) {
        users.createFirstAdmin(owner, "admin", "Ada Admin", password);
        Actor admin = users.signIn("admin", password);
        users.create(admin, "coordinator", "Cole Coordinator", null, EnumSet.of(Role.COORDINATOR), null, password);
        users.create(admin, "accountant", "Alma Accountant", null, EnumSet.of(Role.ACCOUNTANT), null, password);
        users.create(admin, "performer", "Pat Performer", null, EnumSet.of(Role.PERFORMER), performerId, password);
        return NAMES;
    }
}
