package dev.stagedesk.testing;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Two applications on one store, as two people at two desks: each its own {@link AppContext} (own connection pool,
 * command bus, services and queries) opened on the same H2 file in this JVM (H2 shares the open database between
 * the two pools), on one clock the test moves. Cora works in the first, Maria Schulz in the second.
 */
public final class TwoContexts implements AutoCloseable {
    public final MovableClock clock;
    public final AppContext first;
    public final AppContext second;
    public final Actor cora;
    public final Actor maria;

    private TwoContexts(MovableClock clock, AppContext first, AppContext second, Actor cora, Actor maria) {
        this.clock = clock;
        this.first = first;
        this.second = second;
        this.cora = cora;
        this.maria = maria;
    }

    public static TwoContexts open(Path dir) {
        MovableClock clock = new MovableClock(TestStore.NOW);
        AppContext first = TestStore.open(dir, clock);
        first.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                "cora-pass-1".toCharArray());
        first.users.create(Actor.owner(), "maria", "Maria Schulz", null, EnumSet.of(Role.COORDINATOR), null,
                "maria-pass-1".toCharArray());
        AppContext second = new AppContext(first.folder,
                TestPostgres.wanted() ? TestPostgres.reopen(first.database) : Database.open(first.folder), clock, Ids.timeOrdered(),
                d -> { });
        Actor cora = first.users.signIn("cora", "cora-pass-1".toCharArray());
        Actor maria = second.users.signIn("maria", "maria-pass-1".toCharArray());
        return new TwoContexts(clock, first, second, cora, maria);
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }
}
