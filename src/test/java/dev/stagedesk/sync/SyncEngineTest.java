package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.ServerStores;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two desktops and the endpoint in one JVM, talking through the endpoint's core directly. */
class SyncEngineTest {
    static final Instant EVENT = Instant.parse("2026-12-14T18:00:00Z");

    @TempDir
    Path dir;
    SyncServer server;
    AppContext office;
    AppContext laptop;

    @BeforeEach
    void setUp() {
        server = new SyncServer(ServerStores.h2(dir.resolve("server"), Clock.fixed(TestStore.NOW, ZoneOffset.UTC)),
                Clock.fixed(TestStore.NOW, ZoneOffset.UTC));
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

    private void joinLaptop() {
        String code = office.sync.invite("Laptop").code();
        laptop = TestStore.openEmpty(dir.resolve("laptop"));
        laptop.sync.transport(url -> server);
        assertThat(laptop.sync.connect("mem:server", code, "Laptop").inStep()).isTrue();
    }

    private UUID performer(AppContext app, String name) {
        return app.performers.create(Actor.owner(), new PerformerDraft(name, null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.405, true, null)).id();
    }

    private Booking booking(AppContext app, UUID client, String title, Instant start) {
        return app.bookings.create(Actor.owner(), new BookingDraft(title, client, null, null, start,
                start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null),
                BookingStatus.CONFIRMED, List.of());
    }

    @Test
    void theFirstDesktopUploadsAndTheNextDownloadsTheAgency() {
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        Booking before = booking(office, ada, "Gala", EVENT);
        assertThat(office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office").inStep()).isTrue();
        joinLaptop();
        assertThat(laptop.database.dsl().fetchValue(CLIENT.NAME, CLIENT.ID.eq(ada))).isEqualTo("Ada Lovelace");
        assertThat(laptop.database.dsl().fetchValue(BOOKING.NUMBER, BOOKING.ID.eq(before.id())))
                .isEqualTo(before.number());
        // derived here: the laptop finds the client by a word of her name
        assertThat(laptop.globalSearch.search(Actor.owner(), "lovel", 10).toString()).contains("Ada Lovelace");
    }

    @Test
    void aBookingMadeOfflineHasAProvisionalNumberUntilTheEndpointGivesItsFinalOne() {
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        booking(office, ada, "First", EVENT);
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        joinLaptop();

        Booking offline = booking(laptop, ada, "Made on the train", EVENT.plus(Duration.ofDays(2)));
        assertThat(offline.number()).matches("BK-2026-P2-0001");
        assertThat(laptop.sync.status().pending()).isEqualTo(1);

        assertThat(laptop.sync.sync().inStep()).isTrue();
        String fin = laptop.database.dsl().fetchValue(BOOKING.NUMBER, BOOKING.ID.eq(offline.id()));
        assertThat(fin).doesNotContain("P2").startsWith("BK-2026-");
        office.sync.sync();
        assertThat(office.database.dsl().fetchValue(BOOKING.NUMBER, BOOKING.ID.eq(offline.id()))).isEqualTo(fin);
        assertThat(laptop.sync.status().pending()).isZero();
    }

    @Test
    void twoOfflineDesktopsBookingOnePerformerAtOnceKeepBothAndOneConflictEverywhere() {
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID nova = performer(office, "DJ Nova");
        Booking a = booking(office, ada, "Wedding", EVENT);
        Booking b = booking(office, ada, "Birthday", EVENT.plus(Duration.ofHours(1)));
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        joinLaptop();

        office.assignments.assign(Actor.owner(), a.id(), nova, null, null, null, null);
        laptop.assignments.assign(Actor.owner(), b.id(), nova, null, null, null, null);

        SyncResult first = office.sync.sync();
        SyncResult second = laptop.sync.sync();
        office.sync.sync();
        assertThat(first.conflicts()).isZero();
        assertThat(second.conflicts()).isEqualTo(1);
        for (AppContext app : List.of(office, laptop)) {
            var dsl = app.database.dsl();
            assertThat(dsl.fetchCount(ASSIGNMENT, ASSIGNMENT.PERFORMER_ID.eq(nova))).isEqualTo(2);
            assertThat(dsl.fetchValue(ASSIGNMENT.CLASHES_WITH, ASSIGNMENT.BOOKING_ID.eq(b.id()))).isEqualTo(a.id());
            assertThat(dsl.fetchValue(ASSIGNMENT.CLASHES_WITH, ASSIGNMENT.BOOKING_ID.eq(a.id()))).isNull();
            assertThat(dsl.fetchCount(SYNC_CONFLICT)).isEqualTo(1);
            assertThat(dsl.fetchValue(SYNC_CONFLICT.KIND)).isEqualTo("DOUBLE_BOOKING");
        }
    }

    @Test
    void aRetriedPushIsAnsweredFromTheStoredAnswerAndRecordsThePaymentOnce() {
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        Booking gala = booking(office, ada, "Gala", EVENT);
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        // the first push's answer is lost after the endpoint committed it
        boolean[] lost = {true};
        office.sync.transport(url -> new ForwardingEndpoint(server) {
            @Override
            public List<Answer> push(String token, List<Mutation> mutations) {
                List<Answer> answers = super.push(token, mutations);
                if (lost[0]) {
                    lost[0] = false;
                    throw new SyncRefused(503, "The answer was lost on the way.");
                }
                return answers;
            }
        });
        office.payments.record(Actor.owner(), new PaymentService.RecordPayment(gala.id(), "DEPOSIT", 50_000,
                "BANK_TRANSFER", LocalDate.of(2026, 11, 20), "ref-1", null, null));
        assertThat(office.sync.sync().inStep()).isFalse();
        SyncResult retried = office.sync.sync();
        assertThat(retried.inStep()).isTrue();
        UUID agency = office.database.dsl().fetchValue(SYNC_STATE.AGENCY_ID);
        var serverPaid = server.agencyStore(agency).fetchValue(BOOKING.PAID_MINOR, BOOKING.ID.eq(gala.id()));
        assertThat(serverPaid).isEqualTo(50_000L);
        assertThat(office.database.dsl().fetchValue(BOOKING.PAID_MINOR, BOOKING.ID.eq(gala.id()))).isEqualTo(50_000L);
    }
}
