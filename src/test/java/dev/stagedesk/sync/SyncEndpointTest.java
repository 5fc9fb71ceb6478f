package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static dev.stagedesk.db.jooq.Tables.SYNC_OUTBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.ServerStores;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.Client;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint's refusals, tenant isolation, conflicts by kind, and the rules it runs for the agency. */
class SyncEndpointTest {
    @TempDir
    Path dir;
    MovableClock serverClock;
    SyncServer server;
    final List<AppContext> desktops = new ArrayList<>();

    @BeforeEach
    void setUp() {
        serverClock = new MovableClock(TestStore.NOW);
        server = new SyncServer(ServerStores.h2(dir.resolve("server"), serverClock), serverClock);
    }

    @AfterEach
    void tearDown() {
        desktops.forEach(AppContext::close);
        server.close();
    }

    private AppContext desktop(String name) {
        AppContext app = TestStore.open(dir.resolve(name));
        app.sync.transport(url -> server);
        desktops.add(app);
        return app;
    }

    private AppContext join(AppContext inviter, String name) {
        String code = inviter.sync.invite(name).code();
        AppContext app = TestStore.openEmpty(dir.resolve(name));
        app.sync.transport(url -> server);
        desktops.add(app);
        assertThat(app.sync.connect("mem:server", code, name).inStep()).isTrue();
        return app;
    }

    private static String token(AppContext app) {
        return app.database.dsl().fetchValue(SYNC_STATE.TOKEN);
    }

    private static Mutation mutation(String type, Map<String, Object> fields) {
        var node = JsonNodeFactory.instance.objectNode();
        fields.forEach((k, v) -> node.put(k, String.valueOf(v)));
        return new Mutation(UUID.randomUUID(), 1, type, CommandCodec.VERSION, node, null, "x", null,
                TestStore.NOW);
    }

    @Test
    void noRequestReadsOrWritesAnotherAgencysData() {
        AppContext x = desktop("x");
        UUID xClient = x.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Xavier")).id();
        x.sync.connect("mem:server", server.agencyAdd("Agency X"), "X office");
        AppContext y = desktop("y");
        Client yClient = y.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Yvonne"));
        y.sync.connect("mem:server", server.agencyAdd("Agency Y"), "Y office");
        String tx = token(x);
        UUID yDevice = y.database.dsl().fetchValue(SYNC_STATE.DEVICE_ID);

        SyncEndpoint.Page all = server.pull(tx, new SyncEndpoint.PullRequest(0, 5_000, null));
        assertThat(all.changes()).anySatisfy(c -> assertThat(c.key()).isEqualTo(xClient.toString()));
        assertThat(all.changes()).noneSatisfy(c -> assertThat(c.key()).isEqualTo(yClient.id().toString()));
        SyncEndpoint.Rows rows = server.rows(tx, List.of(new SyncEndpoint.RowKey("client", yClient.id().toString())));
        assertThat(rows.rows()).singleElement().satisfies(r -> assertThat(r.deleted()).isTrue());
        assertThat(server.devices(tx)).extracting(SyncEndpoint.Device::name).containsExactly("X office");
        assertThatThrownBy(() -> server.revoke(tx, yDevice)).isInstanceOf(SyncRefused.class)
                .satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(404));
        // a change aimed at Y's client through X's token finds no such client
        var update = JsonNodeFactory.instance.objectNode().put("id", yClient.id().toString());
        update.put("expectedVersion", yClient.version());
        update.set("draft", new CommandCodec(x.bus).mapper().valueToTree(ClientDraft.of(ClientKind.PERSON, "Hacked")));
        List<Answer> answers = server.push(tx, List.of(new Mutation(UUID.randomUUID(), 99,
                CommandCodec.typeName(dev.stagedesk.client.ClientService.UpdateClient.class), 1, update, null, "x",
                null, TestStore.NOW)));
        assertThat(answers.get(0).outcome()).isNotEqualTo(Outcome.APPLIED);
        y.sync.sync();
        assertThat(y.database.dsl().fetchValue(CLIENT.NAME, CLIENT.ID.eq(yClient.id()))).isEqualTo("Yvonne");
    }

    @Test
    void badRequestsGetAStatusAndWordsAndChangeNothing() {
        AppContext office = desktop("office");
        String agencyCode = server.agencyAdd("Test Agency");
        office.sync.connect("mem:server", agencyCode, "Office");
        String token = token(office);

        // a code used twice, an unknown one, an expired one
        assertThatThrownBy(() -> server.connect(new SyncEndpoint.ConnectRequest(agencyCode, "Again", false)))
                .isInstanceOf(SyncRefused.class).hasMessageContaining("already used")
                .satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(410));
        assertThatThrownBy(() -> server.connect(new SyncEndpoint.ConnectRequest("AAAA-BBBB-CCCC", "Guess", false)))
                .satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(401));
        String late = office.sync.invite("Late").code();
        serverClock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> server.connect(new SyncEndpoint.ConnectRequest(late, "Late", false)))
                .hasMessageContaining("expired").satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(410));

        // unknown kinds of change, versions and fields are refused one by one, and the server goes on
        List<Answer> answers = server.push(token, List.of(
                mutation("client.ClientService$Nonsense", Map.of()),
                new Mutation(UUID.randomUUID(), 2, CommandCodec.typeName(dev.stagedesk.client.ClientService.CreateClient.class),
                        7, JsonNodeFactory.instance.objectNode(), null, "x", null, TestStore.NOW),
                mutation(CommandCodec.typeName(dev.stagedesk.client.ClientService.CreateClient.class),
                        Map.of("colour", "red"))));
        assertThat(answers).extracting(Answer::outcome).containsOnly(Outcome.REJECTED);
        assertThat(answers.get(0).message()).contains("Unknown kind of change");
        assertThat(answers.get(1).message()).contains("Unknown version 7");
        assertThat(answers.get(2).message()).contains("colour");
        assertThat(server.pull(token, new SyncEndpoint.PullRequest(1, 100, null)).changes()).isEmpty();

        // too many at once; no token; an unknown token
        assertThatThrownBy(() -> server.push(token, Collections.nCopies(SyncServer.MAX_PUSH + 1,
                mutation("x", Map.of())))).satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(413));
        assertThatThrownBy(() -> server.pull(null, new SyncEndpoint.PullRequest(0, 10, null)))
                .satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(401));
        assertThatThrownBy(() -> server.pull("forged", new SyncEndpoint.PullRequest(0, 10, null)))
                .satisfies(e -> assertThat(((SyncRefused) e).status()).isEqualTo(401));
    }

    @Test
    void aRevokedDeviceStopsSyncingAndKeepsItsUnsentWork() {
        AppContext office = desktop("office");
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        AppContext laptop = join(office, "laptop");
        UUID laptopDevice = laptop.database.dsl().fetchValue(SYNC_STATE.DEVICE_ID);
        office.sync.revoke(laptopDevice);
        laptop.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Zoë Łódź 東京"));

        SyncResult result = laptop.sync.sync();
        assertThat(result.inStep()).isFalse();
        assertThat(result.reason()).contains("removed");
        assertThat(laptop.sync.status().revoked()).isTrue();
        assertThat(laptop.database.dsl().fetchCount(SYNC_OUTBOX, SYNC_OUTBOX.OUTCOME.isNull())).isEqualTo(1);
        assertThat(laptop.database.dsl().fetchExists(CLIENT, CLIENT.NAME.eq("Zoë Łódź 東京"))).isTrue();
        assertThat(server.devices(token(office))).filteredOn(SyncEndpoint.Device::revoked)
                .extracting(SyncEndpoint.Device::name).containsExactly("laptop");
    }

    @Test
    void aStaleEditBecomesAConflictAndTheEndpointsValueStays() {
        AppContext office = desktop("office");
        Client ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada"));
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        AppContext laptop = join(office, "laptop");

        office.clients.update(Actor.owner(), ada.id(), ada.version(), ClientDraft.of(ClientKind.PERSON, "Ada King"));
        laptop.clients.update(Actor.owner(), ada.id(), ada.version(), ClientDraft.of(ClientKind.PERSON, "Ada Byron"));
        assertThat(office.sync.sync().conflicts()).isZero();
        assertThat(laptop.sync.sync().conflicts()).isEqualTo(1);
        office.sync.sync();
        for (AppContext app : List.of(office, laptop)) {
            assertThat(app.database.dsl().fetchValue(CLIENT.NAME, CLIENT.ID.eq(ada.id()))).isEqualTo("Ada King");
            assertThat(app.database.dsl().fetchValue(SYNC_CONFLICT.KIND)).isEqualTo("STALE_EDIT");
            assertThat(app.database.dsl().fetchValue(SYNC_CONFLICT.RECORD_ID)).isEqualTo(ada.id());
        }
    }

    @Test
    void anEditAfterADeleteIsAConflictNotAResurrection() {
        AppContext office = desktop("office");
        Client ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada"));
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        AppContext laptop = join(office, "laptop");

        office.clients.delete(Actor.owner(), ada.id());
        laptop.clients.update(Actor.owner(), ada.id(), ada.version(), ClientDraft.of(ClientKind.PERSON, "Ada Byron"));
        office.sync.sync();
        assertThat(laptop.sync.sync().conflicts()).isEqualTo(1);
        assertThat(laptop.database.dsl().fetchValue(CLIENT.DELETED_AT, CLIENT.ID.eq(ada.id()))).isNotNull();
        assertThat(laptop.database.dsl().fetchValue(CLIENT.NAME, CLIENT.ID.eq(ada.id()))).isEqualTo("Ada");
        assertThat(laptop.database.dsl().fetchValue(SYNC_CONFLICT.KIND)).isIn("EDITED_AFTER_DELETE", "STALE_EDIT");
    }

    @Test
    void timeDrivenRulesRunOnceOnTheEndpointNotOnEachDesktop() {
        AppContext office = desktop("office");
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada")).id();
        UUID nova = office.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null,
                List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.405, true, null)).id();
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        Instant later = TestStore.NOW.plus(Duration.ofDays(40));
        office.bookings.create(Actor.owner(), new BookingDraft("Wedding", ada, null, null, later,
                later.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 50_000, 1900, 1, null, null),
                BookingStatus.HOLD, List.of(nova));
        office.sync.sync();
        Instant expires = office.database.dsl().fetchValue(HOLD.EXPIRES_AT);
        serverClock.set(expires.plus(Duration.ofMinutes(1)));

        assertThat(office.dueRules.runDue().total()).isZero();
        assertThat(server.runRules()).isPositive();
        assertThat(server.runRules()).isZero();
        office.sync.sync();
        assertThat(office.database.dsl().fetchValue(HOLD.STATUS)).isEqualTo("EXPIRED");
    }

    @Test
    void editsOfDifferentFieldsMergeTheLaterNoteWinsAndTheSameFeeChangedTwiceIsAConflict() {
        MovableClock officeClock = new MovableClock(TestStore.NOW);
        AppContext office = TestStore.open(dir.resolve("office"), officeClock);
        office.sync.transport(url -> server);
        desktops.add(office);
        UUID ada = office.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada")).id();
        Instant start = TestStore.NOW.plus(Duration.ofDays(20));
        var gala = office.bookings.create(Actor.owner(), new BookingDraft("Gala", ada, null, null, start,
                start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null),
                BookingStatus.CONFIRMED, List.of());
        office.sync.connect("mem:server", server.agencyAdd("Test Agency"), "Office");
        MovableClock laptopClock = new MovableClock(TestStore.NOW);
        String code = office.sync.invite("laptop").code();
        AppContext laptop = TestStore.openEmpty(dir.resolve("laptop"), laptopClock);
        laptop.sync.transport(url -> server);
        desktops.add(laptop);
        laptop.sync.connect("mem:server", code, "Laptop");

        // the office writes notes, the laptop (later) changes the fee and also writes notes
        officeClock.advance(Duration.ofMinutes(1));
        office.bus.execute(Actor.owner(), new dev.stagedesk.booking.BookingService.UpdateBookingDetails(gala.id(),
                gala.version(), "Gala", 200_000, 1900, "Office: call Max", "from the office"));
        laptopClock.advance(Duration.ofMinutes(5));
        laptop.bus.execute(Actor.owner(), new dev.stagedesk.booking.BookingService.UpdateBookingDetails(gala.id(),
                gala.version(), "Gala", 250_000, 1900, null, "from the train"));
        office.sync.sync();
        assertThat(laptop.sync.sync().conflicts()).isZero();
        office.sync.sync();
        for (AppContext app : List.of(office, laptop)) {
            var b = app.database.dsl().selectFrom(dev.stagedesk.db.jooq.Tables.BOOKING)
                    .where(dev.stagedesk.db.jooq.Tables.BOOKING.ID.eq(gala.id())).fetchOne();
            assertThat(b.getFeeMinor()).isEqualTo(250_000L);
            assertThat(b.getContactOnDay()).isEqualTo("Office: call Max");
            assertThat(b.getNotes()).isEqualTo("from the train");
        }

        // both change the fee from the same version: the first stays, the second is a conflict
        int version = office.bookings.find(gala.id()).version();
        office.bus.execute(Actor.owner(), new dev.stagedesk.booking.BookingService.UpdateBookingDetails(gala.id(),
                version, "Gala", 300_000, 1900, "Office: call Max", "from the train"));
        laptop.bus.execute(Actor.owner(), new dev.stagedesk.booking.BookingService.UpdateBookingDetails(gala.id(),
                version, "Gala", 180_000, 1900, "Office: call Max", "from the train"));
        office.sync.sync();
        assertThat(laptop.sync.sync().conflicts()).isEqualTo(1);
        assertThat(laptop.database.dsl().fetchValue(dev.stagedesk.db.jooq.Tables.BOOKING.FEE_MINOR,
                dev.stagedesk.db.jooq.Tables.BOOKING.ID.eq(gala.id()))).isEqualTo(300_000L);
    }
}
