package dev.stagedesk.cli;

import dev.stagedesk.booking.BookingFilter;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.ConflictCheck;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientFilter;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.csv.Period;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoPlan;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.inquiry.InquiryQuery;
import dev.stagedesk.inquiry.InquiryStatus;
import dev.stagedesk.map.MapBench;
import dev.stagedesk.notification.NotificationService;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.payment.ReceivablesQuery;
import dev.stagedesk.report.FinancialReport;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures what users feel, on throw-away stores in a temporary folder. Figures go to docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the benchmarks on temporary stores and prints a table (see docs/BENCHMARKS.md).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--clients", defaultValue = "100000", description = "Clients in the list benchmark. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--rounds", defaultValue = "30", description = "Measured rounds per query. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--writes", defaultValue = "2000", description = "Commands in the durability cost benchmark. Default: ${DEFAULT-VALUE}.")
    int writes;

    @Option(names = "--demo", paramLabel = "SIZE", description = "Also time `demo --size SIZE` (e.g. large).")
    String demoSize;

    @Option(names = "--startup", description = "Also time JVM start to first window (needs a display, e.g. Xvfb; runs target/stagedesk.jar).")
    boolean startup;

    @Option(names = "--bookings-store", paramLabel = "DIR",
            description = "Also time the bookings list on an existing store (e.g. one filled by `demo --size xl`); "
                    + "only reads, but opening migrates it to this version.")
    Path bookingsStore;

    @Option(names = "--only-store", description = "With --bookings-store: time only that store (skip the temporary "
            + "stores of the other rows).")
    boolean onlyStore;

    @Option(names = "--skip-money", description = "With --bookings-store: leave out the reports, PDFs and full exports "
            + "(minutes at the xl store).")
    boolean skipMoney;

    @Option(names = "--map", description = "Also time the map: route planning, and offline map frames with "
            + "--map-markers markers (frames need a display, e.g. Xvfb).")
    boolean map;

    @Option(names = "--map-markers", defaultValue = "10000")
    int mapMarkers;

    @Option(names = "--sync", description = "Only the sync engine's figures (docs/BENCHMARKS.md).")
    boolean sync;

    @Option(names = "--sync-db", paramLabel = "JDBC-URL", description = "With --sync: the endpoint on this database "
            + "(e.g. PostgreSQL) instead of H2 files.")
    String syncDb;

    @Option(names = "--sync-mutations", defaultValue = "2000")
    int syncMutations;

    @Option(names = "--sync-bookings", defaultValue = "100000")
    int syncBookings;

    @Option(names = "--only-map", description = "Only the map benchmarks.")
    boolean onlyMap;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        out.printf("Stagedesk bench — %d cores, Java %s, %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));
        out.println("| measure | data | median ms | p95 ms |");
        out.println("|---|---|---|---|");
        Path tmp = Files.createTempDirectory("stagedesk-bench");
        try {
            if (sync) {
                for (CliStore.SyncFigure f : stores().syncBench(tmp.resolve("sync"), syncDb, true, syncMutations,
                        syncBookings, rounds)) {
                    double[] ms = f.samplesNanos().stream().mapToDouble(n -> n / 1e6).toArray();
                    row(Double.isNaN(f.perSecond()) ? f.what() : f.what() + String.format(" (%.0f/s)", f.perSecond()),
                            f.data(), ms);
                }
                return 0;
            }
            if (map || onlyMap) {
                for (var r : MapBench.planning(rounds)) {
                    row(r.what(), r.data(), r.samples());
                }
                for (var r : MapBench.offlineLookUps(rounds)) {
                    row(r.what(), r.data(), r.samples());
                }
                try {
                    for (var r : MapBench.frames(mapMarkers, rounds)) {
                        row(r.what(), r.data(), r.samples());
                    }
                } catch (Exception | Error e) {
                    out.println("| offline map frames | skipped: " + e.getClass().getSimpleName() + " (needs a display) | | |");
                }
                if (onlyMap) {
                    out.flush();
                    return 0;
                }
            }
            if (!onlyStore || bookingsStore == null) {
                clientList(tmp.resolve("clients"));
                writeCost(tmp);
            }
            if (demoSize != null) {
                demo(tmp.resolve("demo"), DemoSize.valueOf(demoSize.toUpperCase(Locale.ROOT)));
            }
            if (startup) {
                startup(tmp.resolve("startup"));
            }
            if (bookingsStore != null) {
                bookingList(bookingsStore);
            }
        } finally {
            deleteTree(tmp);
        }
        out.flush();
        return 0;
    }

    /** The store opener the command line was given. */
    private CliStore.Opener stores() {
        return ((StagedeskCommand) spec.root().userObject()).stores;
    }

    private void clientList(Path dir) {
        try (CliStore store = stores().open(new DataFolder(dir), null)) {
            CliStore.Bench app = store.bench();
            app.settings().setUp(Actor.owner(), AgencyDraft.initial("Bench", "EUR", "Europe/Berlin"));
            long t0 = System.nanoTime();
            app.demo().generate(Actor.owner(), new DemoPlan(2000, clients, 200, 12, 500), 7, false,
                    DemoDataService.Progress.NONE);
            row("generate " + clients + " clients + 2k bookings (one transaction)", clients + " clients",
                    new double[] {ms(t0)});
            PageRequest first = new PageRequest("", "name", true, 0, 50);
            List<Object[]> cases = List.of(
                    new Object[] {"client list: first page, by name", first},
                    new Object[] {"client list: search \"mül\"", first.withSearch("mül")},
                    new Object[] {"client list: search \"northwind events\"", first.withSearch("northwind events")},
                    new Object[] {"client list: search with no hit", first.withSearch("zzzzqq")},
                    new Object[] {"client list: sort by city, descending", first.withSort("city", false)},
                    new Object[] {"client list: page 1000 (offset 50k)", first.withOffset(50_000)});
            for (Object[] c : cases) {
                PageRequest r = (PageRequest) c[1];
                row((String) c[0], clients + " clients", time(() -> app.clientQuery().page(Actor.owner(), r, ClientFilter.NONE)));
            }
        }
    }

    private void bookingList(Path dir) {
        long opening = System.nanoTime();
        try (CliStore store = stores().open(new DataFolder(dir), null)) {
            CliStore.Bench app = store.bench();
            int n = app.database().dsl().fetchCount(Tables.BOOKING);
            String data = String.format("%,d bookings", n);
            row("open the store (a first open after an upgrade also fills missing search words)", data,
                    new double[] {ms(opening)});
            var B = Tables.BOOKING;
            var C = Tables.CLIENT;
            String client = app.database().dsl().select(C.NAME).from(B).join(C).on(C.ID.eq(B.CLIENT_ID))
                    .orderBy(B.ID).offset(n / 3).limit(1).fetchOne(C.NAME);
            String someNumber = app.database().dsl().select(Tables.BOOKING.NUMBER)
                    .from(Tables.BOOKING).orderBy(Tables.BOOKING.ID)
                    .offset(n / 2).limit(1).fetchOne(Tables.BOOKING.NUMBER);
            PageRequest first = new PageRequest("", "date", false, 0, 100);
            Instant now = Instant.now();
            List<Object[]> cases = List.of(
                    new Object[] {"bookings list: first page, latest first", first, null, null},
                    new Object[] {"bookings list: filter status = HOLD", first, BookingStatus.HOLD, null},
                    new Object[] {"bookings list: next 30 days", first.withSort("date", true), null, now},
                    new Object[] {"bookings list: search a number (" + someNumber + ")", first.withSearch(someNumber), null, null},
                    new Object[] {"bookings list: search \"wedding\"", first.withSearch("wedding"), null, null},
                    new Object[] {"bookings list: search \"wedding berlin\"", first.withSearch("wedding berlin"), null, null},
                    new Object[] {"bookings list: search a client (\"" + client + "\")", first.withSearch(client), null, null},
                    new Object[] {"bookings list: search with no hit", first.withSearch("zzzzqq"), null, null});
            for (Object[] c : cases) {
                PageRequest r = (PageRequest) c[1];
                Instant from = (Instant) c[3];
                Instant to = from == null ? null : from.plus(Duration.ofDays(30));
                row((String) c[0], data, time(() -> app.bookingQuery().page(Actor.owner(), r, (BookingStatus) c[2], from, to)));
            }
            UUID clientId = app.database().dsl().select(B.CLIENT_ID).from(B).orderBy(B.ID).offset(n / 3).limit(1)
                    .fetchOne(B.CLIENT_ID);
            UUID performerId = app.database().dsl().select(Tables.ASSIGNMENT.PERFORMER_ID)
                    .from(Tables.ASSIGNMENT).limit(1)
                    .fetchOne(Tables.ASSIGNMENT.PERFORMER_ID);
            List<Object[]> filters = List.of(
                    new Object[] {"bookings list: payment = PARTLY_PAID", new BookingFilter(null,
                            null, null, null, null, null, PaymentState.PARTLY_PAID, null)},
                    new Object[] {"bookings list: payment = PAID", new BookingFilter(null,
                            null, null, null, null, null, PaymentState.PAID, null)},

                    new Object[] {"bookings list: one client", new BookingFilter(null, null, null,
                            clientId, null, null, null, null)},
                    new Object[] {"bookings list: one performer", new BookingFilter(null, null,
                            null, null, null, performerId, null, null)});
            for (Object[] c : filters) {
                var f = (BookingFilter) c[1];
                row((String) c[0], data, time(() -> app.bookingQuery().page(Actor.owner(), first, f)));
            }
            // a conflict check and "who is available" for a booking of the store, as an assignment runs them
            var someBooking = app.database().dsl().select(B.ID, B.STARTS_AT, B.ENDS_AT, B.VENUE_ID, B.TIME_ZONE).from(B)
                    .orderBy(B.ID).offset(n / 4).limit(1).fetchOne();
            var window = new ConflictCheck.Window(someBooking.value1(), someBooking.value2(),
                    someBooking.value3(), someBooking.value4(), ZoneId.of(someBooking.value5()));
            row("conflict check: one performer, one booking", data, time(() -> ConflictCheck.find(
                    app.database().dsl(), performerId, window, true)));
            int performers = app.database().dsl().fetchCount(Tables.PERFORMER);
            row("who is available: every performer (" + performers + ") for one booking, any act", data,
                    time(() -> app.availableQuery().available(Actor.owner(), someBooking.value1(), null)));
            searchCalendarNotices(app, data, client, someNumber);
            if (!skipMoney) {
                money(app, data);
            }
            PageRequest inquiries = new PageRequest("", "created", false, 0, 100);
            row("inquiries list: first page", data, time(() -> app.inquiryQuery().page(Actor.owner(), inquiries,
                    InquiryQuery.Filter.NONE)));
            row("inquiries list: status = NEW", data, time(() -> app.inquiryQuery().page(Actor.owner(), inquiries,
                    new InquiryQuery.Filter(InquiryStatus.NEW, null, null, null, null))));
            row("inquiries list: search \"" + client + "\"", data, time(() -> app.inquiryQuery().page(Actor.owner(),
                    inquiries.withSearch(client), InquiryQuery.Filter.NONE)));
        }
    }

    /**
     * Issue 7: the global search per keystroke (a client's name typed letter by letter; numbers, references,
     * common words), the calendar's reads of a week and a month, a performer's year as .ics, the timer's
     * notification rules.
     */
    private void searchCalendarNotices(CliStore.Bench app, String data, String client, String bookingNumber) {
        var dsl = app.database().dsl();
        String name = client.length() > 12 ? client.substring(0, 12) : client;
        List<Double> keystrokes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int k = 1; k <= name.length(); k++) {
                String typed = name.substring(0, k);
                long t = System.nanoTime();
                app.globalSearch().search(Actor.owner(), typed, 5);
                if (i > 0) {
                    keystrokes.add(ms(t)); // the first pass warms up
                }
            }
        }
        row("global search: typing \"" + name + "\", each keystroke (" + keystrokes.size() + " searches)", data,
                keystrokes.stream().mapToDouble(Double::doubleValue).toArray());
        String invoice = dsl.select(Tables.INVOICE.NUMBER).from(Tables.INVOICE)
                .where(Tables.INVOICE.NUMBER.isNotNull()).orderBy(Tables.INVOICE.ID)
                .limit(1).fetchOne(Tables.INVOICE.NUMBER);
        String reference = dsl.select(Tables.PAYMENT.REFERENCE).from(Tables.PAYMENT)
                .where(Tables.PAYMENT.REFERENCE.isNotNull()).orderBy(Tables.PAYMENT.ID)
                .limit(1).fetchOne(Tables.PAYMENT.REFERENCE);
        List<String> typed = new ArrayList<>(List.of("a", "wedding", "wedding berlin", "zzzzqq",
                bookingNumber == null ? "BK-" : bookingNumber));
        if (invoice != null) {
            typed.add(invoice.substring(0, Math.max(1, invoice.length() - 2)).toLowerCase(Locale.ROOT));
        }
        if (reference != null) {
            typed.add(reference.substring(0, Math.min(reference.length(), 6)).toLowerCase(Locale.ROOT));
        }
        for (String t : typed) {
            row("global search: \"" + t + "\"", data, time(() -> app.globalSearch().search(Actor.owner(), t, 5)));
        }
        ZoneId zone = app.settings().requireAgency().timeZone();
        LocalDate today = app.agencyToday();
        PageRequest range = new PageRequest("", "date", true, 0, 3_000); // CalendarScreen.RANGE_MAX
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        row("calendar: this week (up to 3,000)", data, time(() -> app.bookingQuery().page(Actor.owner(), range,
                new BookingFilter(null, monday.atStartOfDay(zone).toInstant(),
                        monday.plusDays(7).atStartOfDay(zone).toInstant(), null, null, null, null, null))));
        LocalDate first = today.withDayOfMonth(1).with(DayOfWeek.MONDAY);
        row("calendar: this month's page (6 weeks, up to 3,000)", data, time(() -> app.bookingQuery().page(Actor.owner(),
                range, new BookingFilter(null, first.atStartOfDay(zone).toInstant(),
                        first.plusWeeks(6).atStartOfDay(zone).toInstant(), null, null, null, null, null))));
        UUID performer = dsl.select(Tables.ASSIGNMENT.PERFORMER_ID)
                .from(Tables.ASSIGNMENT).limit(1).fetchOne(Tables.ASSIGNMENT.PERFORMER_ID);
        row("calendar: one performer's month page", data, time(() -> app.bookingQuery().page(Actor.owner(), range,
                new BookingFilter(null, first.atStartOfDay(zone).toInstant(),
                        first.plusWeeks(6).atStartOfDay(zone).toInstant(), null, null, performer, null, null))));
        int[] events = new int[1];
        row("ics: one performer, a year ahead", data, time(() -> events[0] = app.ics().write(Actor.owner(), performer,
                today.atStartOfDay(zone).toInstant(), today.plusYears(1).atStartOfDay(zone).toInstant(),
                Writer.nullWriter())));
        long start = System.nanoTime();
        int all = app.ics().write(Actor.owner(), null, today.atStartOfDay(zone).toInstant(),
                today.plusDays(30).atStartOfDay(zone).toInstant(), Writer.nullWriter());
        row(String.format("ics: the agency, 30 days ahead (%,d events, total)", all), data, new double[] {ms(start)});
        row("notification rules: what the minute timer reads (nothing new to say)", data, time(() ->
                NotificationService.dueCount(dsl, Instant.now())));
    }

    /** Issue 6: a year's reports, the receivables, 1,000 invoice PDFs and the full money exports. */
    private void money(CliStore.Bench app, String data) {
        LocalDate today = app.agencyToday();
        LocalDate yearAgo = today.minusYears(1).plusDays(1);
        var cash = new Period(yearAgo, today, "cash");
        var accrual = new Period(yearAgo, today, "accrual");
        row("financial report: a year, accrual basis", data, time(() -> app.financialReport().financials(Actor.owner(), accrual)));
        row("financial report: a year, cash basis", data, time(() -> app.financialReport().financials(Actor.owner(), cash)));
        row("performer earnings: a year, all performers", data,
                time(() -> app.financialReport().performerEarnings(Actor.owner(), accrual)));
        row("revenue by client: a year", data, time(() -> app.financialReport().revenueBy(Actor.owner(), accrual,
                FinancialReport.By.CLIENT)));
        row("revenue by performer: a year", data, time(() -> app.financialReport().revenueBy(Actor.owner(), accrual,
                FinancialReport.By.PERFORMER)));
        var receivables = new ReceivablesQuery(app.database().dsl());
        row("receivables: overdue, first page", data, time(() -> receivables.page(Actor.owner(),
                new PageRequest("", null, true, 0, 100), true, today)));
        row("dashboard: all tiles and 12 months", data, time(() -> app.dashboardQuery().summary(Actor.owner(),
                Instant.now(), ZoneId.of("Europe/Berlin"))));
        var I = Tables.INVOICE;
        List<UUID> ids = app.database().dsl().select(I.ID).from(I).where(I.NUMBER.isNotNull())
                .orderBy(I.ISSUE_DATE.desc(), I.ID).limit(1000).fetch(I.ID);
        if (!ids.isEmpty()) {
            long start = System.nanoTime();
            for (UUID id : ids) {
                app.invoiceDocuments().write(Actor.owner(), id, OutputStream.nullOutputStream());
            }
            row(String.format("%,d invoice PDFs rendered (total)", ids.size()), data, new double[] {ms(start)});
        }
        for (String kind : List.of("payments", "invoices", "payouts", "journal")) {
            long start = System.nanoTime();
            int rows = app.csv().export(app.csvSchemas().get(kind), Writer.nullWriter());
            row(String.format("full export: %s (%,d rows, total)", kind, rows), data, new double[] {ms(start)});
        }
        long start = System.nanoTime();
        int rows = app.csv().export(app.csvSchemas().get("journal"), accrual, Writer.nullWriter());
        row(String.format("journal export: a year (%,d lines, total)", rows), data, new double[] {ms(start)});
    }

    private void writeCost(Path tmp) {
        for (String[] variant : new String[][] {{"WRITE_DELAY=0 (shipped)", ";WRITE_DELAY=0"}, {"H2 default write delay", ""}}) {
            Path dir = tmp.resolve("writes" + variant[1].length());
            Database db = Database.openUrl("jdbc:h2:file:" + dir.resolve("stagedesk").toAbsolutePath() + variant[1]);
            try (CliStore store = stores().open(new DataFolder(dir), db, Clock.systemUTC())) {
                CliStore.Bench app = store.bench();
                double[] each = new double[writes];
                long all = System.nanoTime();
                for (int i = 0; i < writes; i++) {
                    long t = System.nanoTime();
                    app.clients().create(Actor.owner(), new ClientDraft(ClientKind.PERSON, "Bench Client " + i, null,
                            null, null, null, null, null, "Berlin", null, "DE", null, null));
                    each[i] = ms(t);
                }
                row("create client (command + audit, own transaction), " + variant[0], writes + " commands",
                        each);
                out.printf("|   total for %d commands | | %.0f | |%n", writes, ms(all));
            }
        }
    }

    private void demo(Path dir, DemoSize size) {
        try (CliStore store = stores().open(new DataFolder(dir), null)) {
            CliStore.Bench app = store.bench();
            app.settings().setUp(Actor.owner(), AgencyDraft.initial("Bench", "EUR", "Europe/Berlin"));
            long t0 = System.nanoTime();
            var summary = app.demo().generate(Actor.owner(), size.plan(), 42, false, DemoDataService.Progress.NONE);
            row("demo --size " + size.name().toLowerCase(Locale.ROOT), summary.count("bookings")
                    + " bookings", new double[] {ms(t0)});
        }
    }

    private void startup(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of("target", "stagedesk.jar");
        if (!Files.exists(jar)) {
            out.println("| startup | skipped: build target/stagedesk.jar first (mvn -DskipTests package) | | |");
            return;
        }
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dstagedesk.exitAfterStartup=true", "-jar", jar.toString(), "--data", dir.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("startup-ms=")) {
                        runs.add(Double.parseDouble(line.substring("startup-ms=".length())));
                    }
                }
            }
            p.waitFor(60, TimeUnit.SECONDS);
        }
        if (runs.isEmpty()) {
            out.println("| JVM start to first window | failed: no display? | | |");
            return;
        }
        row("JVM start to first window (welcome, empty store)", runs.size() + " runs",
                runs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double[] time(Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        double[] samples = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.get();
            samples[i] = ms(t);
        }
        return samples;
    }

    private void row(String what, String data, double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        double p95 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
        out.printf("| %s | %s | %.2f | %.2f |%n", what, data, median, p95);
        out.flush();
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
