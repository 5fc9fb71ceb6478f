package dev.stagedesk.db;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDetail;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingFilter;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.catalogue.PackageDraft;
import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientFilter;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.Ids;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.expense.ExpenseRow;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.inquiry.Inquiry;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.inquiry.InquiryRow;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.inquiry.InquiryStatus;
import dev.stagedesk.inquiry.Quote;
import dev.stagedesk.inquiry.QuoteDraft;
import dev.stagedesk.inquiry.QuoteLine;
import dev.stagedesk.inquiry.QuoteStatus;
import dev.stagedesk.invoice.InvoiceRow;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.notification.NotificationQuery;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.payment.PaymentRow;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.payout.PayoutRow;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.schedule.DueRulesService;
import dev.stagedesk.search.GlobalSearchQuery;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.settings.User;
import dev.stagedesk.venue.VenueDraft;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real PostgreSQL (embedded binaries, started once for the class): two agencies' schemas on one
 * server, each under its own AppContext, running the same services and queries as the desktop.
 */
class PostgresStoreTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    static final Instant GIG = Instant.parse("2027-02-06T18:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static String url;
    static AppContext north;
    static AppContext south;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        north = agency("agency_north", "North Stage");
        south = agency("agency_south", "South Stage");
    }

    static AppContext agency(String schema, String name) {
        Database db = Database.open(new JdbcTarget(url, "postgres", "postgres", schema, 4));
        AppContext app = new AppContext(new DataFolder(dir.resolve(schema)), db, Clock.fixed(NOW, ZoneOffset.UTC),
                Ids.timeOrdered(), d -> { });
        app.settings.setUp(Actor.owner(), AgencyDraft.initial(name, "EUR", "Europe/Berlin"));
        return app;
    }

    @AfterAll
    static void stop() throws IOException {
        for (AppContext app : new AppContext[] {north, south}) {
            if (app != null) {
                app.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachSchemaIsMigratedAndItsConnectionsUseIt() {
        assertThat(north.database.vendor()).isEqualTo(Vendor.POSTGRES);
        assertThat(north.database.schemaVersion()).isEqualTo(Database.latestSchemaVersion());
        assertThat(north.database.dsl().fetchValue("SELECT current_schema()")).isEqualTo("agency_north");
        assertThat(south.database.dsl().fetchValue("SELECT current_schema()")).isEqualTo("agency_south");
        assertThat(north.database.dsl().fetchValue(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'agency_south'"))
                .isEqualTo(north.database.dsl().fetchValue(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'agency_north'"));
        // opening again finds the schema migrated and changes nothing
        try (Database again = Database.open(new JdbcTarget(url, "postgres", "postgres", "agency_north", 1))) {
            assertThat(again.schemaVersion()).isEqualTo(Database.latestSchemaVersion());
            assertThat(again.dsl().fetchCount(AUDIT_LOG)).isEqualTo(north.database.dsl().fetchCount(AUDIT_LOG));
        }
    }

    /**
     * The translation is complete: every table, column (type, length, nullability, generated or not), named index
     * and named check of the H2 schema is in the PostgreSQL one, and nothing else but the backstop's
     * {@code assignment.booking_confirmed}.
     */
    @Test
    void thePostgresSchemaIsTheH2SchemaTranslated() {
        Set<String> postgresShape;
        Set<String> h2Shape;
        try (Database h2 = Database.openUrl("jdbc:h2:mem:shape-" + UUID.randomUUID())) {
            h2Shape = shape(h2.dsl(), "PUBLIC");
        }
        postgresShape = shape(north.database.dsl(), "agency_north");
        postgresShape.remove("column assignment.booking_confirmed boolean NO NEVER");
        assertThat(h2Shape).hasSizeGreaterThan(400);
        assertThat(postgresShape).containsExactlyInAnyOrderElementsOf(h2Shape);
    }

    private static Set<String> shape(DSLContext dsl, String schema) {
        Set<String> out = new TreeSet<>();
        for (var r : dsl.fetch("SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, "
                + "is_generated FROM information_schema.columns WHERE table_schema = ?", schema)) {
            String table = r.get(0, String.class).toLowerCase(Locale.ROOT);
            if (table.equals("flyway_schema_history")) {
                continue;
            }
            String type = r.get(2, String.class).toLowerCase(Locale.ROOT);
            type = switch (type) {
                case "character large object" -> "text";
                case "binary large object" -> "bytea";
                case "time" -> "time without time zone";
                default -> type;
            };
            Object length = r.get(3);
            out.add("column " + table + "." + r.get(1, String.class).toLowerCase(Locale.ROOT) + " " + type
                    + (length == null || type.equals("text") || type.equals("bytea") ? "" : "(" + length + ")")
                    + " " + r.get(4) + " " + r.get(5));
        }
        boolean h2 = dsl.dialect() == org.jooq.SQLDialect.H2;
        var indexes = h2
                ? dsl.fetch("SELECT table_name, index_name FROM information_schema.indexes WHERE table_schema = ?",
                        schema)
                : dsl.fetch("SELECT tablename, indexname FROM pg_indexes WHERE schemaname = ?", schema);
        for (var r : indexes) {
            String name = r.get(1, String.class).toLowerCase(Locale.ROOT);
            if (name.endsWith("_ix") || name.endsWith("_ux")) {
                out.add("index " + r.get(0, String.class).toLowerCase(Locale.ROOT) + "." + name);
            }
        }
        for (var r : dsl.fetch("SELECT table_name, constraint_name FROM information_schema.table_constraints "
                + "WHERE table_schema = ? AND constraint_type = 'CHECK'", schema)) {
            String name = r.get(1, String.class).toLowerCase(Locale.ROOT);
            if (name.endsWith("_ck")) {
                out.add("check " + r.get(0, String.class).toLowerCase(Locale.ROOT) + "." + name);
            }
        }
        return out;
    }

    @Test
    void aBookingFromInquiryToPayoutRunsThroughTheRealServices() throws IOException {
        AppContext app = north;
        Actor owner = Actor.owner();
        User coraUser = app.users.create(owner, "cora", "Cora", "cora@north.example", EnumSet.of(Role.COORDINATOR),
                null, "cora-pass-1".toCharArray());
        app.users.create(owner, "acc", "Anna Count", null, EnumSet.of(Role.ACCOUNTANT), null,
                "acc-pass-123".toCharArray());
        app.users.create(owner, "ada", "Ada Admin", null, EnumSet.of(Role.ADMIN), null, "ada-pass-123".toCharArray());
        Actor cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        Actor ada = app.users.signIn("ada", "ada-pass-123".toCharArray());
        Actor acc = app.users.signIn("acc", "acc-pass-123".toCharArray());
        assertThat(cora.userId()).isEqualTo(coraUser.id());
        assertThatThrownBy(() -> app.users.signIn("cora", "wrong-password".toCharArray()))
                .isInstanceOf(UserFacingException.class);
        assertThat(app.users.all()).extracting(User::username).contains("cora", "acc");

        UUID client = app.clients.create(cora, ClientDraft.of(ClientKind.PERSON, "Zoë Müller Events")).id();
        UUID hall = app.venues.create(cora, new VenueDraft("Harbour Hall", "Kai 7", null, "20457", "Hamburg", null,
                "DE", 53.5413, 9.9840, 800, null, null, null)).id();
        UUID nova = app.performers.create(owner, new PerformerDraft("DJ Nova", "Nora Vogt", null, null,
                List.of("DJ"), List.of("House"), 60_000, "EUR", 1500, 0, "Berlin", 52.52, 13.405, true, null)).id();
        UUID rex = app.performers.create(owner, new PerformerDraft("Rex Brass", null, null, null,
                List.of("Brass band"), List.of(), 90_000, "EUR", 1000, 0, "Hamburg", 53.55, 10.0, true, null)).id();
        ServicePackage band = app.packages.create(owner, new PackageDraft("Brass band, 3 sets", "Six players", 240,
                250_000L, "EUR", 1, "Brass band", true));

        Inquiry inquiry = app.inquiries.create(cora, new InquiryDraft(client, "Summer party", GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", false, hall, null, 120, 800_000L, "EUR", "PHONE",
                null, TODAY.plusDays(3)));
        Quote quote = app.quotes.save(cora, inquiry.id(), 0, new QuoteDraft(band.id(),
                List.of(QuoteLine.of("Brass band, 3 sets", 1, 250_000), QuoteLine.of("Travel", 2, 4_950)), 10_000,
                1900, TODAY.plusDays(14), "Deposit 30 %"));
        assertThat(quote.totalMinor()).isEqualTo(297_381);
        assertThat(quote.number()).isEqualTo("Q-2026-0001");
        app.quotes.markSent(cora, quote.id());
        Inquiry quoted = app.inquiries.find(inquiry.id());
        assertThat(quoted.status()).isEqualTo(InquiryStatus.QUOTED);
        Booking gala = app.bus.execute(cora, new InquiryService.ConvertInquiry(quoted.id(), quoted.version(),
                app.inquiries.bookingFrom(quoted, "Zoë Müller Events", app.quotes.latest(cora, inquiry.id())
                        .orElseThrow()), BookingStatus.CONFIRMED, List.of()));
        // the next number of the agency's own series (other tests of this class may have booked before)
        assertThat(gala.number()).isEqualTo("BK-2026-%06d".formatted(app.database.dsl().fetchCount(BOOKING)));
        assertThat(app.quotes.latest(cora, inquiry.id()).orElseThrow().status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(app.inquiryQuery.page(cora, PageRequest.first(10), InquiryStatus.WON).rows())
                .extracting(InquiryRow::id).containsExactly(inquiry.id());

        // the performer is placed; a second confirmed gig at the same time is refused by the conflict check
        UUID gig = app.assignments.assign(cora, gala.id(), rex, "Band", 90_000L, null, null);
        Booking clash = app.bookings.create(cora, new BookingDraft("Late show", client, hall, null,
                GIG.plus(Duration.ofHours(3)), GIG.plus(Duration.ofHours(6)), "Europe/Berlin", "EUR", 50_000, 1900, 1,
                null, null), BookingStatus.CONFIRMED, List.of());
        assertThatThrownBy(() -> app.assignments.assign(cora, clash.id(), rex, null, null, null, null))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("Rex Brass is already on " + gala.number());
        assertThat(app.availableQuery.available(cora, clash.id(), null)).extracting(c -> c.stageName())
                .contains("DJ Nova").doesNotContain("Rex Brass");
        // a hold on DJ Nova for the same evening, then confirmed: the hold's notice and ranking run too
        Booking held = app.bookings.create(cora, new BookingDraft("After party", client, null, null,
                GIG.plus(Duration.ofHours(4)), GIG.plus(Duration.ofHours(7)), "Europe/Berlin", "EUR", 40_000, 1900, 1,
                null, null), BookingStatus.HOLD, List.of(nova));
        assertThat(app.bookings.holds(held.id())).singleElement()
                .satisfies(h -> assertThat(h.rank()).isEqualTo(1));

        // money: a deposit invoice, the payment, the final invoice, a credit note, the payout
        UUID deposit = app.invoices.issue(acc, gala.id(), InvoiceKind.DEPOSIT, null);
        long depositTotal = invoice(app, acc, deposit).totalMinor();
        app.payments.record(acc, new PaymentService.RecordPayment(gala.id(), "DEPOSIT", depositTotal,
                "BANK_TRANSFER", TODAY, "DEP-4711", null, null));
        assertThat(invoice(app, acc, deposit).status()).isEqualTo(InvoiceStatus.PAID);
        UUID fin = app.invoices.issue(acc, gala.id(), InvoiceKind.FINAL, "Thank you!");
        UUID credit = app.invoices.credit(acc, fin, "Wrong address");
        assertThat(invoice(app, acc, fin).status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(invoice(app, acc, credit).number()).isEqualTo("CN-2026-0001");
        assertThat(invoice(app, acc, credit).totalMinor()).isEqualTo(-invoice(app, acc, fin).totalMinor());
        assertThat(invoice(app, acc, deposit).number()).isEqualTo("INV-2026-0001");
        assertThat(app.paymentQuery.page(acc, PageRequest.first(10)).rows()).extracting(PaymentRow::reference)
                .containsExactly("DEP-4711");
        BookingRow row = app.bookingQuery.page(cora, PageRequest.first(10), BookingFilter.NONE).rows().stream()
                .filter(r -> r.id().equals(gala.id())).findFirst().orElseThrow();
        assertThat(row.paymentState()).isEqualTo(PaymentState.PARTLY_PAID);
        assertThat(app.receivables.page(acc, PageRequest.first(10), false, TODAY).rows())
                .filteredOn(r -> r.bookingId().equals(gala.id())).singleElement()
                .satisfies(r -> assertThat(r.paidMinor()).isEqualTo(depositTotal));

        Path receipt = Files.writeString(dir.resolve("taxi.txt"), "Taxi 23.50");
        app.expenses.log(owner, new ExpenseService.PerformerExpenseDraft(rex, gala.id(), "Travel", "Taxi",
                2_350, "EUR", TODAY), receipt);
        app.expenses.recordOverhead(owner, new ExpenseService.OverheadDraft("Rent", "Office GmbH", "December",
                120_000, "EUR", "BANK_TRANSFER", TODAY), null);
        assertThat(app.expenseQuery.performerExpenses(owner, PageRequest.first(10)).rows())
                .extracting(ExpenseRow::amountMinor).containsExactly(2_350L);
        assertThat(app.expenseQuery.overheadExpenses(owner, PageRequest.first(10)).rows())
                .extracting(ExpenseRow::amountMinor).containsExactly(120_000L);

        assertThat(app.assignments.markPaid(acc, List.of(gig), TODAY, "BANK_TRANSFER", "Batch 1")).isEqualTo(1);
        assertThat(app.payoutQuery.page(acc, PageRequest.first(10), PayoutStatus.PAID).rows())
                .extracting(PayoutRow::id, PayoutRow::paidOn).containsExactly(tuple(gig, TODAY));

        // the day's route, then the lists, the detail and the search read it all back
        UUID stop = app.routes.add(cora, new RouteService.AddRouteStop(rex, LocalDate.of(2027, 2, 6), "Jungfernstieg",
                53.5530, 9.9930, LocalTime.of(14, 0), LocalTime.of(15, 0), 30));
        RouteQuery.Day day = app.routeQuery.day(cora, rex, LocalDate.of(2027, 2, 6));
        assertThat(day.stops()).hasSize(2);
        app.routes.save(cora, rex, LocalDate.of(2027, 2, 6), day.stops().stream().map(s -> s.key()).toList());
        assertThat(app.routeQuery.day(cora, rex, LocalDate.of(2027, 2, 6)).saved()).isTrue();
        app.routes.remove(cora, stop);

        BookingDetail detail = app.bookingDetails.load(cora, gala.id());
        assertThat(detail.assignments()).extracting(BookingDetail.AssignmentView::performer)
                .containsExactly("Rex Brass");
        assertThat(detail.venueName()).isEqualTo("Harbour Hall");
        assertThat(app.clientQuery.page(cora, PageRequest.first(10).withSearch("müll"),
                new ClientFilter(null, null, false)).rows()).extracting(ClientRow::id).containsExactly(client);
        GlobalSearchQuery.Results found = app.globalSearch.search(acc, "inv-2026", 5);
        assertThat(found.groups().get(GlobalSearchQuery.Kind.INVOICE)).extracting(GlobalSearchQuery.Hit::title)
                .anyMatch(t -> t.contains("INV-2026-0001"));
        assertThat(app.globalSearch.search(cora, "zoe", 5).groups().get(GlobalSearchQuery.Kind.CLIENT))
                .extracting(GlobalSearchQuery.Hit::id).containsExactly(client);
        // two words: the rarest one's records are checked for the other through the word index (UNNEST of an array)
        assertThat(app.globalSearch.search(cora, "events zoe", 5).groups().get(GlobalSearchQuery.Kind.CLIENT))
                .extracting(GlobalSearchQuery.Hit::id).containsExactly(client);
        assertThat(app.globalSearch.search(cora, "events zoex", 5).groups()).doesNotContainKey(
                GlobalSearchQuery.Kind.CLIENT);
        assertThat(app.globalSearch.search(cora, gala.number().substring(0, 7), 5).groups()
                .get(GlobalSearchQuery.Kind.BOOKING)).isNotEmpty();
        assertThat(app.bookingQuery.page(cora, PageRequest.first(10).withSearch("hamburg summer"),
                BookingFilter.NONE).rows()).extracting(BookingRow::id).containsExactly(gala.id());

        // notifications: the admin heard of the deposit (not the accountant who typed it); the due rules run
        assertThat(app.notificationQuery.page(ada, PageRequest.first(20), NotificationKind.PAYMENT_RECEIVED.name(),
                true).rows()).extracting(NotificationQuery.Row::entityId).containsExactly(gala.id());
        assertThat(app.notificationQuery.unreadCount(acc)).isZero();
        assertThat(app.notificationQuery.unreadCount(ada)).isEqualTo(1);
        DueRulesService.Report report = app.dueRules.runDue();
        assertThat(report.anyFailed()).as(report.toString()).isFalse();
        app.notifications.markAllRead(ada, null);
        assertThat(app.notificationQuery.unreadCount(ada)).isZero();

        // every command left its audit entry, and the chain verifies
        assertThat(app.auditLog.count()).isGreaterThan(30);
        assertThat(app.auditLog.firstBrokenEntry()).isEmpty();
    }

    private static InvoiceRow invoice(AppContext app, Actor actor, UUID id) {
        return app.invoiceQuery.page(actor, PageRequest.first(100)).rows().stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void oneAgencysRowsAreNotInTheOthersSchema() {
        UUID onlyNorth = north.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Nordic Weddings"))
                .id();
        UUID onlySouth = south.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Southern Weddings"))
                .id();
        assertThat(north.clientQuery.page(Actor.owner(), PageRequest.first(50).withSearch("weddings"),
                new ClientFilter(null, null, false)).rows()).extracting(ClientRow::id).containsExactly(onlyNorth);
        assertThat(south.clientQuery.page(Actor.owner(), PageRequest.first(50).withSearch("weddings"),
                new ClientFilter(null, null, false)).rows()).extracting(ClientRow::id).containsExactly(onlySouth);
        assertThat(south.database.dsl().fetchExists(CLIENT, CLIENT.ID.eq(onlyNorth))).isFalse();
        assertThat(south.settings.requireAgency().name()).isEqualTo("South Stage");
        assertThat(north.settings.requireAgency().name()).isEqualTo("North Stage");
        // numbers count per agency: each schema has its own counters
        Booking n = north.bookings.create(Actor.owner(), draft(onlyNorth, GIG.plus(Duration.ofDays(40))),
                BookingStatus.HOLD, List.of());
        Booking s = south.bookings.create(Actor.owner(), draft(onlySouth, GIG.plus(Duration.ofDays(40))),
                BookingStatus.HOLD, List.of());
        assertThat(n.number()).isEqualTo("BK-2026-%06d".formatted(north.database.dsl().fetchCount(BOOKING)));
        assertThat(s.number()).isEqualTo("BK-2026-%06d".formatted(south.database.dsl().fetchCount(BOOKING)));
    }

    private static BookingDraft draft(UUID client, Instant start) {
        return draft(client, start, Duration.ofHours(5));
    }

    private static BookingDraft draft(UUID client, Instant start, Duration length) {
        return new BookingDraft("Wedding", client, null, null, start, start.plus(length),
                "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null);
    }

    @Test
    void theStoreRefusesTwoOverlappingConfirmedAssignmentsWrittenPastTheServices() {
        AppContext app = south;
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Race Condition AG")).id();
        UUID nova = app.performers.create(Actor.owner(), new PerformerDraft("Nova Race", null, null, null,
                List.of("DJ"), List.of(), 60_000, "EUR", 0, 0, null, null, null, true, null)).id();
        Instant s = GIG.plus(Duration.ofDays(90));
        Booking one = confirmed(app, client, s, 0, 5);
        Booking after = confirmed(app, client, s, 5, 5);
        Booking onHold = app.bookings.create(Actor.owner(), draft(client, s.plus(Duration.ofHours(2)),
                Duration.ofHours(3)), BookingStatus.HOLD, List.of());
        Booking two = confirmed(app, client, s, 1, 3);
        Booking three = confirmed(app, client, s, 1, 3);
        DSLContext dsl = app.database.dsl();
        insertAssignment(dsl, one, nova, null);
        // back to back is no overlap; a hold's assignment and an overridden one are the services' business
        insertAssignment(dsl, after, nova, null);
        insertAssignment(dsl, onHold, nova, null);
        insertAssignment(dsl, two, nova, "Two sets, agreed with the client");
        assertThatThrownBy(() -> insertAssignment(dsl, three, nova, null)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("assignment_no_double_booking");
        // confirming the hold now would double-book Nova: refused at commit, the booking stays on hold
        assertThatThrownBy(() -> dsl.update(BOOKING).set(BOOKING.STATUS, "CONFIRMED")
                .where(BOOKING.ID.eq(onHold.id())).execute()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("assignment_no_double_booking");
        assertThat(dsl.fetchValue(BOOKING.STATUS, BOOKING.ID.eq(onHold.id()))).isEqualTo("HOLD");
        // the endpoint keeps a clash between two desktops' work as one, marked on the later assignment
        UUID kept = insertAssignment(dsl, three, nova, null, dsl.fetchValue(ASSIGNMENT.ID,
                ASSIGNMENT.BOOKING_ID.eq(one.id())));
        dsl.deleteFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(kept)).execute();
        // cancelling the first gig frees the evening
        dsl.update(BOOKING).set(BOOKING.STATUS, "CANCELLED").where(BOOKING.ID.eq(one.id())).execute();
        insertAssignment(dsl, three, nova, null);
        assertThat(dsl.fetchCount(ASSIGNMENT, ASSIGNMENT.PERFORMER_ID.eq(nova))).isEqualTo(5);
    }

    private static Booking confirmed(AppContext app, UUID client, Instant s, int fromHour, int hours) {
        return app.bookings.create(Actor.owner(), draft(client, s.plus(Duration.ofHours(fromHour)),
                Duration.ofHours(hours)), BookingStatus.CONFIRMED, List.of());
    }

    private static void insertAssignment(DSLContext dsl, Booking b, UUID performer, String override) {
        insertAssignment(dsl, b, performer, override, null);
    }

    private static UUID insertAssignment(DSLContext dsl, Booking b, UUID performer, String override,
                                         UUID clashesWith) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(ASSIGNMENT).set(ASSIGNMENT.ID, id).set(ASSIGNMENT.BOOKING_ID, b.id())
                .set(ASSIGNMENT.CLASHES_WITH, clashesWith)
                .set(ASSIGNMENT.PERFORMER_ID, performer).set(ASSIGNMENT.ROLE, "DJ")
                .set(ASSIGNMENT.PAYOUT_MINOR, 60_000L).set(ASSIGNMENT.CURRENCY, "EUR")
                .set(ASSIGNMENT.CONFLICT_OVERRIDE_REASON, override)
                .set(ASSIGNMENT.STARTS_AT, b.startsAt()).set(ASSIGNMENT.ENDS_AT, b.endsAt())
                .set(ASSIGNMENT.CREATED_AT, NOW).set(ASSIGNMENT.UPDATED_AT, NOW).execute();
        return id;
    }
}
