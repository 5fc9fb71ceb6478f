package dev.stagedesk.app;

import dev.stagedesk.common.Ids;
import dev.stagedesk.sync.AgencyRuntime;
import dev.stagedesk.sync.ServerStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The sync endpoint's stores with each agency's whole service graph ({@link AppContext}) on its own store: the one
 * place that wires an agency on the endpoint, as {@link CliStores} does for the command line.
 */
public final class ServerStores {
    private ServerStores() {
    }

    /** The endpoint's data in H2 files under {@code dir}: nothing to install. */
    public static ServerStore h2(Path dir, Clock clock) {
        return ServerStore.h2(dir, opener(clock));
    }

    /** The endpoint's data on PostgreSQL (a schema per agency); {@code dir} keeps the agencies' files. */
    public static ServerStore jdbc(String url, String user, String password, Path dir, Clock clock) {
        return ServerStore.jdbc(url, user, password, dir, opener(clock));
    }

    private static ServerStore.AgencyOpener opener(Clock clock) {
        return (store, files) -> {
            AppContext app = new AppContext(files, store, clock, Ids.timeOrdered());
            return AgencyRuntime.of(store, app.bus, () -> app.dueRules.runDue().total(), app::close);
        };
    }
}
