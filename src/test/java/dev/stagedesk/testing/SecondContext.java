package dev.stagedesk.testing;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Ids;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import java.time.Clock;
import java.util.Set;

/**
 * A second app context on the store of a first: its own service graph and command bus (what another console running
 * at the same time has), over the same {@code Database} (one H2 store, one DSLContext), on its own clock. Only the
 * first is closed (it closes the store).
 */
public final class SecondContext {
    private SecondContext() {
    }

    public static AppContext on(AppContext first, Clock clock) {
        return new AppContext(first.folder, first.database, clock, Ids.timeOrdered(), d -> { });
    }

    /** A signed-in user of the store with a display name (what a refusal names), acting with {@code roles}. */
    public static Actor user(AppContext app, String username, String displayName, Set<Role> roles) {
        var u = app.users.create(Actor.owner(), username, displayName, null, roles, null,
                "correct horse battery staple".toCharArray());
        return new Actor(u.id(), username, roles);
    }
}
