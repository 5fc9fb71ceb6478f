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
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.sync.http.HttpSyncEndpoint;
import dev.stagedesk.sync.http.SyncHttpServer;
import dev.stagedesk.testing.TestPostgres;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint on real PostgreSQL (embedded), as two endpoint processes sharing one database behind a load balancer,
 * each over real HTTP on loopback: each desktop talks to a different one, and they stay correct together.
 */
class SyncPostgresTest {
    static final Instant EVENT = Instant.parse("2026-12-14T18:00:00Z");

    @TempDir
    Path dir;
    SyncServer first;
    SyncServer second;
    SyncHttpServer firstHttp;
    SyncHttpServer secondHttp;
    SyncEndpoint viaFirst;
    SyncEndpoint viaSecond;
    final List<AppContext> desktops = new ArrayList<>();

    @BeforeEach
    void setUp() {
        String url = TestPostgres.freshDatabase();
        Clock clock = Clock.fixed(TestStore.NOW, ZoneOffset.UTC);
        first = new SyncServer(ServerStores.jdbc(url, "postgres", "postgres", dir.resolve("first"), clock), clock);
        second = new SyncServer(ServerStores.jdbc(url, "postgres", "postgres", dir.resolve("second"), clock), clock);
        firstHttp = SyncHttpServer.start(first, () -> { }, SyncHttpServer.Options.plain(0));
        secondHttp = SyncHttpServer.start(second, () -> { }, SyncHttpServer.Options.plain(0));
        viaFirst = new HttpSyncEndpoint("http://127.0.0.1:" + firstHttp.port());
        viaSecond = new HttpSyncEndpoint("http://127.0.0.1:" + secondHttp.port());
    }

    @AfterEach
    void tearDown() {
        desktops.forEach(AppContext::close);
        firstHttp.close();
        secondHttp.close();
        first.close();
        second.close();
    }

    private AppContext desktop(String name, boolean setUp, SyncEndpoint via) {
        AppContext app = setUp ? TestStore.open(dir.resolve(name)) : TestStore.openEmpty(dir.resolve(name));
        app.sync.transport(url -> via);
        desktops.add(app);
        return app;
    }

    private static Booking booking(AppContext app, UUID client, String title, Instant start) {
        return app.bookings.create(Actor.owner(), new BookingDraft(title, client, null, null, start,
                start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null),
                BookingStatus.CONFIRMED, List.of());
    }

    @Test
    void twoEndpointsOnOneDatabaseKeepOneAgencyInStep() throws Exception {
        AppContext office = desktop("office", true, viaFirst);
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Zoë Łódź")).id();
        UUID nova = office.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null,
                List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.405, true, null)).id();
        Booking a = booking(office, ada, "Wedding", EVENT);
        Booking b = booking(office, ada, "Birthday", EVENT.plus(Duration.ofHours(1)));
        assertThat(office.sync.connect("lb", first.agencyAdd("Agency"), "Office").inStep()).isTrue();
        // the invitation is made through one endpoint and used through the other
        String code = office.sync.invite("Laptop").code();
        AppContext laptop = desktop("laptop", false, viaSecond);
        assertThat(laptop.sync.connect("lb", code, "Laptop").inStep()).isTrue();

        // both offline: the same performer at overlapping times; and many clients on each, pushed at once
        office.assignments.assign(Actor.owner(), a.id(), nova, null, null, null, null);
        laptop.assignments.assign(Actor.owner(), b.id(), nova, null, null, null, null);
        for (int i = 0; i < 40; i++) {
            office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Office " + i));
            laptop.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "東京 " + i));
        }
        Booking offline = booking(laptop, ada, "Made on the train", EVENT.plus(Duration.ofDays(3)));
        assertThat(offline.number()).contains("-P2-");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SyncResult>> both = List.of(pool.submit(office.sync::sync), pool.submit(laptop.sync::sync));
            for (Future<SyncResult> f : both) {
                assertThat(f.get().inStep()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(office.sync.sync().inStep()).isTrue();
        assertThat(laptop.sync.sync().inStep()).isTrue();

        UUID agency = office.database.dsl().fetchValue(SYNC_STATE.AGENCY_ID);
        DSLContext server = first.agencyStore(agency);
        for (AppContext app : List.of(office, laptop)) {
            DSLContext dsl = app.database.dsl();
            assertThat(dsl.fetchCount(CLIENT)).isEqualTo(81);
            assertThat(dsl.fetchCount(SYNC_CONFLICT)).isEqualTo(1);
            assertThat(dsl.fetchCount(ASSIGNMENT, ASSIGNMENT.CLASHES_WITH.isNotNull())).isEqualTo(1);
            assertThat(dsl.fetchValue(BOOKING.NUMBER, BOOKING.ID.eq(offline.id()))).doesNotContain("-P2-");
            for (String t : SyncTables.get().names()) {
                assertThat(rows(dsl, t)).as(t).isEqualTo(rows(server, t));
            }
        }
    }

    private static Map<String, String> rows(DSLContext dsl, String name) {
        Table<?> table = SyncTables.get().table(name);
        Map<String, String> out = new TreeMap<>();
        for (Record r : dsl.select(RowCodec.columns(table)).from(table).fetch()) {
            out.put(RowCodec.key(table, r), RowCodec.encode(table, r).toString());
        }
        return out;
    }
}
