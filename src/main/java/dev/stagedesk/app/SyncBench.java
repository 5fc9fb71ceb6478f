package dev.stagedesk.app;

import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoPlan;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.sync.Answer;
import dev.stagedesk.sync.ForwardingEndpoint;
import dev.stagedesk.sync.Mutation;
import dev.stagedesk.sync.ServerStore;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.SyncServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code bench --sync}: the engine's figures on a real endpoint store (H2 files, or PostgreSQL by JDBC URL), in one
 * process: mutations applied per second for one agency and across agencies, pulling 10k changes, a first sync of a
 * large store (upload, then a fresh desktop's download), and a save on one desktop until it is visible on another.
 * {@code transport} wraps the endpoint the way desktops reach it (the endpoint itself, or HTTP on loopback).
 */
public final class SyncBench {
    /** One measured figure. */
    public record Row(String what, String data, List<Long> samplesNanos, double perSecond) {
        Row(String what, String data, List<Long> samplesNanos) {
            this(what, data, samplesNanos, Double.NaN);
        }
    }

    private final Path dir;
    private final Function<Clock, ServerStore> stores;
    private final UnaryOperator<SyncEndpoint> transport;
    private final List<Row> rows = new ArrayList<>();

    public SyncBench(Path dir, Function<Clock, ServerStore> stores, UnaryOperator<SyncEndpoint> transport) {
        this.dir = dir;
        this.stores = stores;
        this.transport = transport;
    }

    /** Runs every measure; {@code mutations} per agency, {@code bookings} in the first-sync store. */
    public List<Row> run(int mutations, int bookings, int rounds) throws Exception {
        Clock clock = Clock.systemUTC();
        try (SyncServer server = new SyncServer(stores.apply(clock), clock)) {
            SyncEndpoint endpoint = transport.apply(server);
            oneAgency(server, endpoint, mutations);
            acrossAgencies(server, endpoint, mutations);
            saveToVisible(server, endpoint, rounds);
            firstSync(server, endpoint, bookings);
        }
        return rows;
    }

    private AppContext desktop(String name, boolean setUp) {
        DataFolder folder = new DataFolder(dir.resolve(name));
        AppContext app = new AppContext(folder, Database.open(folder), Clock.systemUTC(), Ids.timeOrdered());
        if (setUp) {
            app.settings.setUp(Actor.owner(), AgencyDraft.initial("Bench Agency " + name, "EUR", "Europe/Berlin"));
        }
        return app;
    }

    /** Times the endpoint's side of each push (what the desktop waits for). */
    private static final class Timed extends ForwardingEndpoint {
        final AtomicLong pushNanos = new AtomicLong();
        final AtomicLong pushed = new AtomicLong();

        Timed(SyncEndpoint to) {
            super(to);
        }

        @Override
        public List<Answer> push(String token, List<Mutation> mutations) {
            long t0 = System.nanoTime();
            List<Answer> a = super.push(token, mutations);
            pushNanos.addAndGet(System.nanoTime() - t0);
            pushed.addAndGet(a.size());
            return a;
        }
    }

    private void oneAgency(SyncServer server, SyncEndpoint endpoint, int mutations) {
        Timed timed = new Timed(endpoint);
        try (AppContext office = desktop("one-office", true)) {
            office.sync.transport(url -> timed);
            office.sync.connect("bench", server.agencyAdd("One"), "Office");
            String code = office.sync.invite("Laptop").code();
            try (AppContext laptop = desktop("one-laptop", false)) {
                laptop.sync.transport(url -> timed);
                laptop.sync.connect("bench", code, "Laptop");
                for (int i = 0; i < mutations; i++) {
                    office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Client " + i));
                }
                timed.pushNanos.set(0);
                timed.pushed.set(0);
                long t0 = System.nanoTime();
                office.sync.sync();
                long whole = System.nanoTime() - t0;
                rows.add(new Row("mutations applied per second, one agency (endpoint's side of the pushes)",
                        mutations + " CreateClient, 1 desktop", List.of(timed.pushNanos.get()),
                        perSecond(timed.pushed.get(), timed.pushNanos.get())));
                rows.add(new Row("push and settle " + mutations + " mutations (desktop's whole round)", mutations
                        + " mutations", List.of(whole)));
                long t1 = System.nanoTime();
                laptop.sync.sync();
                rows.add(new Row("pull and apply the changes of " + mutations + " mutations on another desktop",
                        mutations + " changes", List.of(System.nanoTime() - t1)));
            }
        }
    }

    private void acrossAgencies(SyncServer server, SyncEndpoint endpoint, int mutations) throws Exception {
        int agencies = 4;
        List<AppContext> desks = new ArrayList<>();
        Timed timed = new Timed(endpoint);
        try {
            for (int a = 0; a < agencies; a++) {
                AppContext d = desktop("many-" + a, true);
                desks.add(d);
                d.sync.transport(url -> timed);
                d.sync.connect("bench", server.agencyAdd("Agency " + a), "Office " + a);
                for (int i = 0; i < mutations / agencies; i++) {
                    d.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Client " + a + "-" + i));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(agencies);
            try {
                long t0 = System.nanoTime();
                List<Future<?>> all = new ArrayList<>();
                for (AppContext d : desks) {
                    all.add(pool.submit(() -> d.sync.sync()));
                }
                for (Future<?> f : all) {
                    f.get();
                }
                long wall = System.nanoTime() - t0;
                rows.add(new Row("mutations applied per second, " + agencies + " agencies at once (whole rounds)",
                        (mutations / agencies * agencies) + " CreateClient", List.of(wall), perSecond(timed.pushed.get(), wall)));
            } finally {
                pool.shutdown();
            }
        } finally {
            desks.forEach(AppContext::close);
        }
    }

    private void saveToVisible(SyncServer server, SyncEndpoint endpoint, int rounds) {
        try (AppContext office = desktop("latency-office", true)) {
            office.sync.transport(url -> endpoint);
            office.sync.connect("bench", server.agencyAdd("Latency"), "Office");
            String code = office.sync.invite("Laptop").code();
            try (AppContext laptop = desktop("latency-laptop", false)) {
                laptop.sync.transport(url -> endpoint);
                laptop.sync.connect("bench", code, "Laptop");
                List<Long> samples = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    UUID id = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Seen " + i)).id();
                    office.sync.sync();
                    laptop.sync.sync();
                    if (laptop.clients.find(id).isEmpty()) {
                        throw new IllegalStateException("a client saved on one desktop was not visible on the other");
                    }
                    samples.add(System.nanoTime() - t0);
                }
                rows.add(new Row("save on one desktop to visible on another (engine: save, sync, sync)",
                        "1 client per round", samples));
            }
        }
    }

    private void firstSync(SyncServer server, SyncEndpoint endpoint, int bookings) {
        try (AppContext office = desktop("first-office", true)) {
            DemoPlan plan = new DemoPlan(bookings, Math.max(25, bookings / 2), Math.max(20, Math.min(20_000,
                    bookings / 20)), Math.max(12, Math.min(2_000, bookings / 200)), Math.max(15, bookings / 4));
            office.demo.generate(Actor.owner(), plan, 7, false, DemoDataService.Progress.NONE);
            office.sync.transport(url -> endpoint);
            long t0 = System.nanoTime();
            office.sync.connect("bench", server.agencyAdd("Large"), "Office");
            rows.add(new Row("first sync: upload a store", bookings + " bookings", List.of(System.nanoTime() - t0)));
            String code = office.sync.invite("Laptop").code();
            try (AppContext laptop = desktop("first-laptop", false)) {
                laptop.sync.transport(url -> endpoint);
                long t1 = System.nanoTime();
                laptop.sync.connect("bench", code, "Laptop");
                rows.add(new Row("first sync: an empty desktop downloads the agency", bookings + " bookings",
                        List.of(System.nanoTime() - t1)));
            }
        }
    }

    private static double perSecond(long items, long nanos) {
        return nanos == 0 ? 0 : items * 1e9 / nanos;
    }
}
