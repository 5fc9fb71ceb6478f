package dev.stagedesk.sync.sim;

import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static dev.stagedesk.db.jooq.Tables.SYNC_MUTATION;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.ServerStores;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.SyncResult;
import dev.stagedesk.sync.SyncServer;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * One deterministic run: an endpoint and {@code desktops} desktops of one agency in this JVM, each desktop behind
 * its own {@link FaultyTransport}, driven by a {@link Workload} from one seed; then healing (faults off, every
 * desktop syncs round-robin until all are in step twice in a row) and the {@link Checker}. The seed decides every
 * choice of the workload and the network; ids are the engine's own (random), so the same seed makes the same
 * sequence of actions and faults, not byte-identical stores.
 */
public final class Simulation implements AutoCloseable {
    /** What a run is made of. */
    public record Config(long seed, int desktops, int steps, int performers, int hotBookings, int pullLimit,
                         int skewSeconds, FaultyTransport.Rates rates) {
        public static Config of(long seed, int steps) {
            return new Config(seed, 3, steps, 3, 4, 40, 300, FaultyTransport.Rates.DEFAULT);
        }

        public Config withPullLimit(int limit) {
            return new Config(seed, desktops, steps, performers, hotBookings, limit, skewSeconds, rates);
        }
    }

    /** A desktop: its folder, its store and services (reopened after a crash), its network, whether it is offline. */
    public final class Desktop {
        final String name;
        final Path dir;
        final Clock clock;
        final FaultyTransport transport;
        AppContext app;
        int offlineFor;
        int crashes;

        Desktop(String name, Path dir, Clock clock, FaultyTransport transport, AppContext app) {
            this.name = name;
            this.dir = dir;
            this.clock = clock;
            this.transport = transport;
            this.app = app;
            app.sync.transport(url -> transport);
        }

        public String name() {
            return name;
        }

        public AppContext app() {
            return app;
        }

        /** The process died: the store is closed as it was on disk and opened again by a new process. */
        void restart() {
            crashes++;
            app.close();
            app = openStore(dir, clock);
            app.sync.transport(url -> transport);
        }

        /** One sync round through the network; a crash restarts the desktop. */
        SyncResult sync() {
            try {
                return app.sync.sync();
            } catch (FaultyTransport.Crash crash) {
                log.accept(name + " crashed during sync; restarting");
                restart();
                return new SyncResult(false, 0, 0, 0, 0, "crashed");
            }
        }
    }

    private final Config config;
    private final Path dir;
    private final MovableClock clock = new MovableClock(TestStore.NOW);
    private final Random random;
    private final SyncServer server;
    private final List<Desktop> desktops = new ArrayList<>();
    private final FaultyTransport.Counts network = new FaultyTransport.Counts();
    private final Consumer<String> log;
    private final Workload workload;
    private UUID agencyId;

    public Simulation(Config config, Path dir, Consumer<String> log) {
        this.config = config;
        this.dir = dir;
        this.log = log;
        this.random = new Random(config.seed());
        this.server = new SyncServer(ServerStores.h2(dir.resolve("server"), clock), clock);
        this.workload = new Workload(config, random, clock);
    }

    public SyncServer server() {
        return server;
    }

    public UUID agencyId() {
        return agencyId;
    }

    public List<Desktop> desktops() {
        return desktops;
    }

    public Workload workload() {
        return workload;
    }

    public FaultyTransport.Counts network() {
        return network;
    }

    public MovableClock clock() {
        return clock;
    }

    private static AppContext openStore(Path folder, Clock clock) {
        DataFolder data = new DataFolder(folder);
        return new AppContext(data, Database.open(data), clock, Ids.timeOrdered(), d -> { });
    }

    /** A desktop's own clock: up to {@code config.skewSeconds()} off the world's, either way. */
    private Clock desktopClock() {
        int skew = config.skewSeconds();
        return skew == 0 ? clock : new SkewedClock(clock, Duration.ofSeconds(random.nextInt(2 * skew + 1) - skew));
    }

    private FaultyTransport transport() {
        return new FaultyTransport(server, new Random(random.nextLong()), config.rates(), config.pullLimit(), network);
    }

    /**
     * The first desktop sets up the agency and its master data and the hot bookings, joins (uploading them), and
     * invites the others, which join with empty stores (downloading). Then the network turns unreliable.
     */
    public void setUp() {
        Path first = dir.resolve("desktop1");
        Clock firstClock = desktopClock();
        AppContext app = openStore(first, firstClock);
        app.settings.setUp(Actor.owner(), AgencyDraft.initial("Simulated Agency", "EUR", "Europe/Berlin"));
        workload.seed(app);
        Desktop d1 = new Desktop("desktop1", first, firstClock, transport(), app);
        desktops.add(d1);
        requireInStep(d1, d1.app.sync.connect("mem:server", server.agencyAdd("Simulated Agency"), "desktop1"));
        agencyId = d1.app.database.dsl().fetchValue(SYNC_STATE.AGENCY_ID);
        for (int i = 2; i <= config.desktops(); i++) {
            String name = "desktop" + i;
            SyncEndpoint.DeviceCode code = d1.app.sync.invite(name);
            Path folder = dir.resolve(name);
            Clock own = desktopClock();
            Desktop d = new Desktop(name, folder, own, transport(), openStore(folder, own));
            desktops.add(d);
            requireInStep(d, d.app.sync.connect("mem:server", code.code(), name));
        }
        for (Desktop d : desktops) {
            d.transport.faults(true);
        }
    }

    private static void requireInStep(Desktop d, SyncResult r) {
        if (!r.inStep()) {
            throw new IllegalStateException(d.name + " did not join in step: " + r.reason());
        }
    }

    /** The workload's steps: each picks a desktop that acts, syncs, or goes offline for a while. */
    public void run() {
        for (int step = 0; step < config.steps(); step++) {
            clock.advance(Duration.ofSeconds(5 + random.nextInt(120)));
            Desktop d = desktops.get(random.nextInt(desktops.size()));
            double r = random.nextDouble();
            if (d.offlineFor > 0) {
                d.offlineFor--;
            }
            if (r < 0.25) {
                if (d.offlineFor == 0) {
                    SyncResult res = d.sync();
                    log.accept("step " + step + " " + d.name + " sync: " + (res.inStep() ? "in step"
                            : res.reason()) + " pushed=" + res.pushed() + " applied=" + res.applied()
                            + " conflicts=" + res.conflicts() + " rejected=" + res.rejected());
                }
            } else if (r < 0.28) {
                d.offlineFor = 3 + random.nextInt(15);
                log.accept("step " + step + " " + d.name + " goes offline for " + d.offlineFor + " steps");
            } else {
                String did = workload.act(d, step);
                log.accept("step " + step + " " + d.name + " " + did);
            }
        }
    }

    /**
     * Faults off, everything held back delivered, every desktop online; then rounds in which every desktop syncs,
     * until two rounds in a row find every desktop in step. Returns the rounds it took.
     */
    public int heal() {
        for (Desktop d : desktops) {
            d.transport.deliverHeld();
            d.transport.faults(false);
            d.offlineFor = 0;
        }
        int calm = 0;
        for (int round = 1; round <= 12; round++) {
            boolean all = true;
            for (Desktop d : desktops) {
                SyncResult r = d.sync();
                if (!r.inStep()) {
                    all = false;
                    log.accept("heal round " + round + " " + d.name + ": " + r.reason());
                }
            }
            calm = all ? calm + 1 : 0;
            if (calm == 2) {
                return round;
            }
        }
        throw new AssertionError("seed " + config.seed() + ": the desktops did not come into step in 12 rounds "
                + "once the network healed");
    }

    /** What the endpoint holds after the run: answers by outcome and conflicts by kind. */
    public String outcomes() {
        DSLContext s = server.agencyStore(agencyId);
        return "answers " + s.select(SYNC_MUTATION.OUTCOME, DSL.count()).from(SYNC_MUTATION)
                .groupBy(SYNC_MUTATION.OUTCOME).orderBy(SYNC_MUTATION.OUTCOME).fetchMap(SYNC_MUTATION.OUTCOME,
                        DSL.count())
                + ", conflicts " + s.select(SYNC_CONFLICT.KIND, DSL.count()).from(SYNC_CONFLICT)
                .groupBy(SYNC_CONFLICT.KIND).orderBy(SYNC_CONFLICT.KIND).fetchMap(SYNC_CONFLICT.KIND, DSL.count());
    }

    public List<String> check() {
        return new Checker(server.agencyStore(agencyId), desktops.stream().map(d -> new Checker.Store(d.name,
                d.app.database.dsl())).toList()).check();
    }

    @Override
    public void close() {
        for (Desktop d : desktops) {
            try {
                d.app.close();
            } catch (RuntimeException e) {
                log.accept("closing " + d.name + " failed: " + e);
            }
        }
        server.close();
    }
}
