package dev.stagedesk.sync.sim;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.OPEN_RECEIVABLE;
import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.ServerStores;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.sync.SyncServer;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smallest reproductions of what the simulation found (each names the seed that found it), run through the
 * checker so they fail the way the simulation did.
 */
class SimulationFindingsTest {
    static final Instant EVENT = Instant.parse("2026-12-12T18:00:00Z");
    static final Actor OWNER = Actor.owner();

    @TempDir
    Path dir;
    SyncServer server;
    AppContext office;
    AppContext laptop;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(TestStore.NOW, ZoneOffset.UTC);
        server = new SyncServer(ServerStores.h2(dir.resolve("server"), clock), clock);
        office = TestStore.open(dir.resolve("office"));
        office.sync.transport(url -> server);
    }

    @AfterEach
    void tearDown() {
        if (laptop != null) {
            laptop.close();
        }
        office.close();
        server.close();
    }

    private void join() {
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        String code = office.sync.invite("Laptop").code();
        laptop = TestStore.openEmpty(dir.resolve("laptop"));
        laptop.sync.transport(url -> server);
        assertThat(laptop.sync.connect("mem:server", code, "Laptop").inStep()).isTrue();
    }

    private UUID performer(String name) {
        return office.performers.create(OWNER, new PerformerDraft(name, null, null, null, List.of("DJ"), List.of(),
                50_000, "EUR", 1500, 0, "Berlin", null, null, true, null)).id();
    }

    private Booking booking(AppContext app, UUID client, String title, Instant start, List<UUID> performers) {
        return app.bookings.create(OWNER, new BookingDraft(title, client, null, null, start,
                start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null),
                BookingStatus.CONFIRMED, performers);
    }

    private List<String> check() {
        office.sync.sync();
        laptop.sync.sync();
        office.sync.sync();
        UUID agency = office.database.dsl().fetchValue(dev.stagedesk.db.jooq.Tables.SYNC_STATE.AGENCY_ID);
        return new Checker(server.agencyStore(agency), List.of(new Checker.Store("office", office.database.dsl()),
                new Checker.Store("laptop", laptop.database.dsl()))).check();
    }

    /**
     * Seed 3: one desktop assigns a performer to a gig while another, offline, moves a gig the performer already
     * plays onto the same hours. The endpoint replays the reschedule second: it notes a DOUBLE_BOOKING conflict but
     * marks neither assignment, so the performer plays both at once unmarked.
     */
    @Test
    void aRescheduleReplayedOntoAnotherGigOfThePerformerMarksItsAssignment() {
        UUID ada = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID nova = performer("DJ Nova");
        Booking early = booking(office, ada, "Early", EVENT, List.of());
        Booking late = booking(office, ada, "Late", EVENT.plus(Duration.ofHours(5)), List.of(nova));
        join();

        office.assignments.assign(OWNER, early.id(), nova, null, null, null, null);
        laptop.bus.execute(OWNER, new BookingService.RescheduleBooking(late.id(), 0, EVENT.plus(Duration.ofHours(1)),
                EVENT.plus(Duration.ofHours(4)), "moved"));

        List<String> problems = check();
        assertThat(office.database.dsl().fetchCount(SYNC_CONFLICT)).isEqualTo(1);
        assertThat(office.database.dsl().fetchValue(ASSIGNMENT.CLASHES_WITH, ASSIGNMENT.BOOKING_ID.eq(late.id())))
                .isEqualTo(early.id());
        assertThat(problems).isEmpty();
    }

    /** The same with a confirmed booking made offline with the performer on it. */
    @Test
    void aBookingCreatedOfflineWithABusyPerformerMarksItsAssignment() {
        UUID ada = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID nova = performer("DJ Nova");
        Booking first = booking(office, ada, "First", EVENT, List.of());
        join();

        office.assignments.assign(OWNER, first.id(), nova, null, null, null, null);
        Booking second = booking(laptop, ada, "Second", EVENT.plus(Duration.ofHours(1)), List.of(nova));

        List<String> problems = check();
        assertThat(office.database.dsl().fetchCount(SYNC_CONFLICT)).isEqualTo(1);
        assertThat(office.database.dsl().fetchValue(ASSIGNMENT.CLASHES_WITH, ASSIGNMENT.BOOKING_ID.eq(second.id())))
                .isEqualTo(first.id());
        assertThat(problems).isEmpty();
    }

    /**
     * Seed 4: a booking made offline for a client another desktop deleted meanwhile, with a deposit invoice, is
     * refused by the endpoint; taking it back on the desktop must also drop what the desktop derived from it (its
     * open receivable), or the removal fails and the desktop can never sync again.
     */
    @Test
    void aRefusedBookingWithAnInvoiceIsTakenBackWithWhatWasDerivedFromIt() {
        UUID ada = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID grace = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Grace Hopper")).id();
        booking(office, grace, "Known", EVENT, List.of());
        join();

        office.clients.delete(OWNER, ada);
        Booking offline = booking(laptop, ada, "For a deleted client", EVENT, List.of());
        laptop.invoices.issue(OWNER, offline.id(), InvoiceKind.DEPOSIT, null);
        assertThat(laptop.database.dsl().fetchCount(OPEN_RECEIVABLE)).isEqualTo(1);

        List<String> problems = check();
        assertThat(laptop.sync.sync().inStep()).isTrue();
        assertThat(laptop.database.dsl().fetchCount(BOOKING, BOOKING.ID.eq(offline.id()))).isZero();
        assertThat(problems).isEmpty();
    }

    /**
     * Seed 3: an invoice issued offline on a booking cancelled meanwhile, and credited there too, are both refused;
     * the desktop removes the invoice and the credit note that references it, in whatever order.
     */
    @Test
    void aRefusedInvoiceAndItsCreditNoteAreBothTakenBack() {
        UUID ada = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        Booking gala = booking(office, ada, "Gala", EVENT, List.of());
        join();

        office.bus.execute(OWNER, new BookingService.CancelBooking(gala.id(), 0, "called off", null));
        UUID invoice = laptop.invoices.issue(OWNER, gala.id(), InvoiceKind.DEPOSIT, null);
        laptop.invoices.credit(OWNER, invoice, "wrong amount");
        assertThat(laptop.database.dsl().fetchCount(INVOICE)).isEqualTo(2);

        List<String> problems = check();
        assertThat(laptop.sync.sync().inStep()).isTrue();
        assertThat(laptop.database.dsl().fetchCount(INVOICE)).isZero();
        assertThat(problems).isEmpty();
    }

    /**
     * Clocks differ between desktops, so ids made later may sort first: a credit note made on a desktop whose clock
     * is behind has an id below the invoice it credits. A desktop that then receives both at once (here: joining,
     * with the agency's snapshot in key order) must write the invoice first.
     */
    @Test
    void aCreditNoteWhoseIdSortsBeforeItsInvoiceIsAppliedAfterIt() {
        UUID ada = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        Booking gala = booking(office, ada, "Gala", EVENT, List.of());
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        UUID invoice = office.invoices.issue(OWNER, gala.id(), InvoiceKind.DEPOSIT, null);
        assertThat(office.sync.sync().inStep()).isTrue();

        String code = office.sync.invite("Laptop").code();
        Clock behind = Clock.fixed(TestStore.NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        DataFolder folder = new DataFolder(dir.resolve("laptop"));
        laptop = new AppContext(folder, Database.open(folder), behind, Ids.timeOrdered(), d -> { });
        laptop.sync.transport(url -> server);
        assertThat(laptop.sync.connect("mem:server", code, "Laptop").inStep()).isTrue();
        UUID credit = laptop.invoices.credit(OWNER, invoice, "wrong amount");
        assertThat(credit.toString()).isLessThan(invoice.toString());
        assertThat(laptop.sync.sync().inStep()).isTrue();

        String third = office.sync.invite("Tablet").code();
        try (AppContext tablet = TestStore.openEmpty(dir.resolve("tablet"))) {
            tablet.sync.transport(url -> server);
            assertThat(tablet.sync.connect("mem:server", third, "Tablet").inStep()).isTrue();
            assertThat(tablet.database.dsl().fetchCount(INVOICE)).isEqualTo(2);
        }
    }

    /**
     * Seed 20: a desktop offline assigns a performer to a gig that another desktop's gig overlaps, then moves the
     * gig, still overlapping. The endpoint keeps one DOUBLE_BOOKING record for the one marked assignment, not one
     * per command that ran into the same clash.
     */
    @Test
    void aRescheduleStillOverlappingTheSameGigAddsNoSecondConflict() {
        UUID ada = office.clients.create(OWNER, ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID nova = performer("DJ Nova");
        Booking first = booking(office, ada, "First", EVENT, List.of());
        Booking second = booking(office, ada, "Second", EVENT.plus(Duration.ofHours(2)), List.of());
        join();

        office.assignments.assign(OWNER, first.id(), nova, null, null, null, null);
        assertThat(office.sync.sync().inStep()).isTrue();
        laptop.assignments.assign(OWNER, second.id(), nova, null, null, null, null);
        laptop.bus.execute(OWNER, new BookingService.RescheduleBooking(second.id(), 0,
                EVENT.plus(Duration.ofHours(1)), EVENT.plus(Duration.ofHours(4)), "moved"));

        List<String> problems = check();
        assertThat(office.database.dsl().fetchCount(SYNC_CONFLICT)).isEqualTo(1);
        assertThat(problems).isEmpty();
    }
}
