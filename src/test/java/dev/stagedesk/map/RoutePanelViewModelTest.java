package dev.stagedesk.map;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.SecondContext;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import dev.stagedesk.venue.VenueDraft;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map's parts that need no toolkit (the direct task runner): the route panel's day (order, legs, a late leg
 * explained), moving, suggesting, saving, a save refused when another context changed the day's stops, adding and
 * removing places; which map is drawn on (a key, and whether Google answers); what the filter bar's choice reads.
 */
class RoutePanelViewModelTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;
    AppContext app;
    final List<Throwable> unexpected = new ArrayList<>();
    UUID nova;
    Booking gala;
    Booking late;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID hall = app.venues.create(Actor.owner(), new VenueDraft("Hall", null, null, null, "Berlin", null, "DE",
                52.52, 13.405, null, null, null, null)).id();
        UUID moritz = app.venues.create(Actor.owner(), new VenueDraft("Moritzbastei", null, null, null, "Leipzig",
                null, "DE", 51.3397, 12.3731, null, null, null, null)).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.40, true, null)).id();
        Instant two = TODAY.atTime(14, 0).atZone(BERLIN).toInstant();
        gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, hall, null, two,
                two.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        Instant eleven = TODAY.atTime(23, 0).atZone(BERLIN).toInstant();
        late = app.bookings.create(Actor.owner(), new BookingDraft("Club night", client, moritz, null, eleven,
                eleven.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        // a street show in between whose window closes before she can get there from Berlin
        app.routes.add(Actor.owner(), new RouteService.AddRouteStop(nova, TODAY, "Markt Leipzig", 51.3406, 12.3747,
                LocalTime.of(16, 30), LocalTime.of(17, 0), 30));
    }

    @AfterEach
    void close() {
        app.close();
        assertThat(unexpected).isEmpty();
    }

    RoutePanelViewModel model(AppContext ctx, Actor actor) {
        return new RoutePanelViewModel(ctx.routeQuery, ctx.routes, actor, TaskRunner.direct(), unexpected::add);
    }

    static List<String> labels(RoutePanelViewModel vm) {
        return vm.order().stream().map(Route.Stop::label).toList();
    }

    @Test
    void thePerformersDayWithItsLegsAndALateLegExplained() {
        RoutePanelViewModel vm = model(app, Actor.owner());
        assertThat(vm.canSave().get()).as("no day yet").isFalse();
        vm.load(nova, TODAY);
        assertThat(labels(vm)).containsExactly(gala.number() + " Gala @ Hall", "Markt Leipzig",
                late.number() + " Club night @ Moritzbastei");
        assertThat(vm.titleProperty().get()).isEqualTo("Route of DJ Nova, 21 Nov 2026");
        assertThat(vm.summaryProperty().get()).startsWith("3 stops · ").contains("1 late");
        assertThat(vm.lateProperty().get()).isTrue();
        assertThat(vm.problem(1)).contains("Cannot be made in time").contains("must start by 17:00");
        assertThat(vm.problem(2)).isNull();
        assertThat(vm.heading(0)).isEqualTo("1. 14:00 · " + gala.number() + " Gala @ Hall");
        assertThat(vm.detail(1)).startsWith("start 16:30–17:00 · stays 30 min · 1");
        assertThat(vm.points()).hasSize(3);
        assertThat(RoutePanelViewModel.bookingOf(vm.order().get(0))).isEqualTo(gala.id());
        assertThat(RoutePanelViewModel.bookingOf(vm.order().get(1))).isNull();
        assertThat(vm.canSuggest().get()).isTrue();
        assertThat(vm.unsavedProperty().get()).isFalse();

        vm.load(null, TODAY); // no performer: no route
        assertThat(vm.day()).isNull();
        assertThat(vm.order()).isEmpty();
        assertThat(vm.titleProperty().get()).isEmpty();
        assertThat(vm.canSave().get()).isFalse();
    }

    @Test
    void aMovedOrderIsSavedAsTheSchedule() {
        RoutePanelViewModel vm = model(app, Actor.owner());
        vm.load(nova, TODAY);
        int before = vm.changesProperty().get();
        assertThat(vm.move(1, 1)).isFalse();
        assertThat(vm.move(1, 2)).isTrue();
        assertThat(vm.changesProperty().get()).isGreaterThan(before);
        assertThat(labels(vm)).last().isEqualTo("Markt Leipzig");
        assertThat(vm.unsavedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Order changed: not saved yet.");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved as DJ Nova's schedule for 21 Nov 2026.");
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(vm.day().saved()).isTrue();
        assertThat(labels(vm)).last().isEqualTo("Markt Leipzig");
        assertThat(app.routeQuery.day(Actor.owner(), nova, TODAY).stops()).extracting(Route.Stop::label).last()
                .isEqualTo("Markt Leipzig");
    }

    @Test
    void suggestingPlansAnOrderThatIsNotSavedUntilAsked() {
        RoutePanelViewModel vm = model(app, Actor.owner());
        vm.load(nova, TODAY);
        vm.suggest();
        assertThat(vm.messageProperty().get()).startsWith("Suggested order:").endsWith("Save it to keep it.");
        assertThat(vm.unsavedProperty().get()).isTrue();
        assertThat(app.routeQuery.day(Actor.owner(), nova, TODAY).saved()).isFalse();
    }

    @Test
    void aSaveAfterAnotherContextChangedTheDaysStopsIsRefusedAndTheDayReadAgain() {
        AppContext other = SecondContext.on(app, app.clock);
        RoutePanelViewModel a = model(app, Actor.owner());
        a.load(nova, TODAY);
        a.move(1, 2);
        other.routes.add(Actor.owner(), new RouteService.AddRouteStop(nova, TODAY, "Mauerpark", 52.543, 13.402,
                LocalTime.of(12, 0), LocalTime.of(13, 0), 30));
        a.save();
        assertThat(a.messageProperty().get()).isEqualTo("DJ Nova's stops on 21 Nov 2026 changed meanwhile: the route "
                + "was not saved. Look at it again and save.");
        assertThat(labels(a)).as("read again with the new place").contains("Mauerpark").hasSize(4);
        assertThat(a.unsavedProperty().get()).isFalse();
        assertThat(app.routeQuery.day(Actor.owner(), nova, TODAY).saved()).isFalse();
        a.save();
        assertThat(a.messageProperty().get()).startsWith("Saved as");
    }

    @Test
    void placesAreAddedWithEveryBadFieldNamedAndRemovedButGigsStay() {
        RoutePanelViewModel vm = model(app, Actor.owner());
        vm.load(nova, TODAY);
        FormState state = new FormState(TaskRunner.direct(), unexpected::add);
        AtomicInteger closed = new AtomicInteger();
        vm.addStop(state, "Mauerpark", "95, 13.4", "25:00", "16:00", "45", closed::incrementAndGet);
        assertThat(state.errors()).containsKeys("latitude", "windowStart");
        assertThat(state.errors().get("latitude")).contains("between -90 and 90");
        assertThat(closed).hasValue(0);
        vm.addStop(state, "Mauerpark", "52.543, 13.402", "12:00", "16:00", "45", closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(labels(vm)).contains("Mauerpark").hasSize(4);

        vm.remove(vm.order().stream().filter(Route.Stop::isBooking).findFirst().orElseThrow()); // a gig
        assertThat(vm.messageProperty().get()).isEqualTo("A gig stays on the route: its time is the booking's. "
                + "Remove places only.");
        assertThat(vm.order()).hasSize(4);
        Route.Stop park = vm.order().stream().filter(s -> s.label().equals("Mauerpark")).findFirst().orElseThrow();
        vm.remove(park);
        assertThat(labels(vm)).doesNotContain("Mauerpark").hasSize(3);
    }

    @Test
    void someoneWhoMayNotEditBookingsSeesTheRouteButCannotChangeIt() {
        RoutePanelViewModel vm = model(app, new Actor(null, "acc", Set.of(Role.ACCOUNTANT)));
        vm.load(nova, TODAY);
        assertThat(vm.order()).hasSize(3);
        assertThat(vm.canEdit()).isFalse();
        assertThat(vm.canSave().get()).isFalse();
        assertThat(vm.canSuggest().get()).isFalse();
        assertThat(vm.move(0, 2)).isFalse();
    }

    // ------------------------------------------------------------------------------------------ the map switch

    MapSourceViewModel source(GoogleProbe probe) {
        MapSourceViewModel s = new MapSourceViewModel(app.mapSettings, probe, TaskRunner.direct(), unexpected::add);
        s.check();
        return s;
    }

    void key(String key) {
        MapSettings.Values v = app.mapSettings.values();
        app.mapSettings.update(Actor.owner(), new MapSettings.Values(v.roadFactorPct(), v.averageSpeedKmh(),
                v.setupBufferMinutes(), key));
    }

    @Test
    void googleMapsIsChosenOnlyWithAKeyAndWhenGoogleAnswers() {
        AtomicInteger asked = new AtomicInteger();
        MapSourceViewModel noKey = source(() -> asked.incrementAndGet() > 0);
        assertThat(asked).as("no key: Google is not asked").hasValue(0);
        assertThat(noKey.available.get()).isFalse();
        assertThat(noKey.google.get()).isFalse();
        assertThat(noKey.message.get()).isEmpty();

        key("AIzaSyTestKey0123456789");
        MapSourceViewModel offline = source(() -> false);
        assertThat(offline.available.get()).isTrue();
        assertThat(offline.google.get()).isFalse();
        assertThat(offline.message.get()).isEqualTo("Google Maps cannot be reached: showing the offline map.");

        MapSourceViewModel online = source(() -> true);
        assertThat(online.google.get()).isTrue();
        List<String> keys = new ArrayList<>();
        online.key(keys::add);
        assertThat(keys).containsExactly("AIzaSyTestKey0123456789");
        online.didNotLoad();
        assertThat(online.google.get()).isFalse();
        assertThat(online.message.get()).startsWith("Google Maps did not load");

        key(null); // the key removed meanwhile: the switch goes back
        online.google.set(true);
        online.key(keys::add);
        assertThat(keys).hasSize(1);
        assertThat(online.google.get()).isFalse();
    }

    @Test
    void theSocketProbeAnswersWhetherAPortOpens() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 1, loopback)) {
            assertThat(GoogleProbe.socket(loopback.getHostAddress(), server.getLocalPort(), 2000).reachable()).isTrue();
            closedPort = server.getLocalPort();
        }
        assertThat(GoogleProbe.socket(loopback.getHostAddress(), closedPort, 2000).reachable()).isFalse();
    }

    // ------------------------------------------------------------------------------------------ the filter bar's choice

    @Test
    void aChoiceReadsAsTheDaysAndTheFilterOfTheBookingsLayer() {
        PerformerChoice p = new PerformerChoice(nova, "DJ Nova", null);
        MapChoice day = new MapChoice(true, true, false, true, TODAY, false, null, " ", p);
        assertThat(day.from()).isEqualTo(TODAY);
        assertThat(day.to()).isEqualTo(TODAY);
        assertThat(day.filter()).isEqualTo(new MapFilter(TODAY, TODAY, Set.of(), null, nova));
        assertThat(day.showsRoute()).isTrue();
        MapChoice week = new MapChoice(true, true, false, false, TODAY, true, BookingStatus.HOLD, "DJ", null); // a Saturday
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(week.filter().statuses()).containsExactly(BookingStatus.HOLD);
        assertThat(week.filter().actOrGenre()).isEqualTo("DJ");
        assertThat(week.showsRoute()).isFalse();
    }
}
