package dev.stagedesk.map;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.ROUTE_STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.venue.VenueDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Radius clauses (conflicts naming the clause, circles on the map) and a performer's day route (add, order, save). */
class RadiusAndRoutesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @TempDir
    Path dir;
    AppContext app;
    Actor cora;
    UUID client;
    UUID nova;
    UUID hall;
    UUID potsdam;
    UUID hamburg;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                "cora-pass-1".toCharArray());
        cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of("House"), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.405, true, null)).id();
        hall = venue("Hall", "Berlin", 52.5200, 13.4050);
        potsdam = venue("Schloss", "Potsdam", 52.3906, 13.0645);
        hamburg = venue("Elbe", "Hamburg", 53.5511, 9.9937);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private UUID venue(String name, String city, double lat, double lon) {
        return app.venues.create(Actor.owner(), new VenueDraft(name, null, null, null, city, null, "DE", lat, lon, null,
                null, null, null)).id();
    }

    private Booking booking(String title, UUID venue, LocalDate day, int hour, List<UUID> performers) {
        Instant start = day.atTime(hour, 0).atZone(BERLIN).toInstant();
        return app.bookings.create(cora, new BookingDraft(title, client, venue, null, start,
                start.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                performers);
    }

    @Test
    void aRadiusClauseRefusesANearbyShowWithinItsDaysAndNamesTheClause() {
        Booking festival = booking("Festival", hall, DAY, 20, List.of(nova));
        festival = app.bookings.setRadius(cora, festival.id(), festival.version(), 50, 7);
        assertThat(festival.radiusClause().text()).isEqualTo("no other show within 50 km within 7 days");

        Booking near = booking("Garden party", potsdam, DAY.plusDays(3), 18, List.of());
        assertThatThrownBy(() -> app.assignments.assign(cora, near.id(), nova, null, null, null, null))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("DJ Nova plays " + festival.number() + " (Festival) at Hall, whose radius clause "
                        + "says no other show within 50 km within 7 days")
                .hasMessageContaining("27 km away and 3 days apart");
        assertThat(app.database.dsl().fetchCount(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(near.id()))).isZero();
        // a new booking with the performer is refused the same way, and nothing is written
        assertThatThrownBy(() -> booking("Other", potsdam, DAY.minusDays(7), 12, List.of(nova)))
                .hasMessageContaining("radius clause");

        // eight days later, or 250 km away, is fine
        Booking later = booking("Later", potsdam, DAY.plusDays(8), 18, List.of());
        app.assignments.assign(cora, later.id(), nova, null, null, null, null);
        Booking far = booking("Far", hamburg, DAY.plusDays(2), 18, List.of());
        app.assignments.assign(cora, far.id(), nova, null, null, null, null);
    }

    @Test
    void aClauseTheBookingsPerformerAlreadyBreaksIsRefusedAndItsOwnClauseCountsForNewGigs() {
        Booking gala = booking("Gala", hall, DAY, 20, List.of(nova));
        Booking near = booking("Garden", potsdam, DAY.plusDays(1), 18, List.of(nova));
        assertThatThrownBy(() -> app.bookings.setRadius(cora, gala.id(), gala.version(), 30, 2))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already breaks the clause")
                .hasMessageContaining(near.number());
        assertThatThrownBy(() -> app.bookings.setRadius(cora, gala.id(), gala.version(), 30, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> app.bookings.setRadius(cora, gala.id(), gala.version(), 0, 3))
                .isInstanceOf(ValidationException.class);
        // a clause not broken (1 day is within 2 days, but Potsdam is 27 km: 20 km is fine)
        Booking withClause = app.bookings.setRadius(cora, gala.id(), gala.version(), 20, 2);
        assertThat(withClause.radiusKm()).isEqualTo(20);
        // the map draws it as a circle around the venue
        var layer = app.mapQuery.bookings(Actor.owner(), MapFilter.day(DAY));
        assertThat(layer.circles()).singleElement().satisfies(c -> {
            assertThat(c.km()).isEqualTo(20);
            assertThat(c.label()).contains(gala.number()).contains("within 20 km within 2 days");
        });
        // cleared: no circle
        app.bookings.setRadius(cora, gala.id(), withClause.version(), null, null);
        assertThat(app.mapQuery.bookings(Actor.owner(), MapFilter.day(DAY)).circles()).isEmpty();
    }

    @Test
    void theBookingsLayerFiltersByStatusActAndPerformer() {
        Booking gig = booking("Gig", hall, DAY, 20, List.of(nova));
        booking("Unassigned", potsdam, DAY, 12, List.of());
        assertThat(app.mapQuery.bookings(Actor.owner(), MapFilter.day(DAY)).markers()).hasSize(2);
        assertThat(app.mapQuery.bookings(Actor.owner(), new MapFilter(DAY, DAY, Set.of(), "hous", null)).markers())
                .singleElement().satisfies(m -> {
                    assertThat(m.key()).isEqualTo("booking:" + gig.id());
                    assertThat(m.detail()).contains("DJ Nova").contains("Hall");
                });
        assertThat(app.mapQuery.bookings(Actor.owner(), new MapFilter(DAY, DAY, Set.of(BookingStatus.HOLD), null, null)).markers())
                .isEmpty();
        assertThat(app.mapQuery.bookings(Actor.owner(), new MapFilter(DAY, DAY, Set.of(), null, nova)).markers())
                .hasSize(1);
        assertThatThrownBy(() -> new MapFilter(DAY, DAY.minusDays(1), Set.of(), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("before the start");
        assertThat(app.mapQuery.venues(Actor.owner())).hasSize(3);
        assertThat(app.mapQuery.homes(Actor.owner(), null)).singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("Home base: Berlin"));
    }

    @Test
    void aDayRouteIsItsGigsAndPlacesAndASavedOrderIsKept() {
        Booking evening = booking("Evening", hall, DAY, 20, List.of(nova));
        UUID alex = app.routes.add(cora, new RouteService.AddRouteStop(nova, DAY, "Alexanderplatz", 52.5219, 13.4132,
                LocalTime.of(14, 0), LocalTime.of(16, 0), 45));
        UUID sanssouci = app.routes.add(cora, new RouteService.AddRouteStop(nova, DAY, "Sanssouci", 52.4043, 13.0384,
                LocalTime.of(10, 0), LocalTime.of(12, 0), 60));
        RouteQuery.Day day = app.routeQuery.day(cora, nova, DAY);
        assertThat(day.stops()).extracting(Route.Stop::label)
                .containsExactly("Sanssouci", "Alexanderplatz", evening.number() + " Evening @ Hall");
        assertThat(day.saved()).isFalse();
        Route.Schedule s = day.schedule();
        assertThat(s.feasible()).isTrue();
        assertThat(s.legs().get(1).km()).isBetween(25.0, 30.0);

        // save another order: Alexanderplatz first (14:00), then Sanssouci whose window closes at 12:00 — late
        List<String> order = List.of("stop:" + alex, "stop:" + sanssouci, "booking:" + evening.id());
        Route.Schedule saved = app.routes.save(cora, nova, DAY, order);
        assertThat(saved.late()).isEqualTo(1);
        RouteQuery.Day again = app.routeQuery.day(cora, nova, DAY);
        assertThat(again.saved()).isTrue();
        assertThat(again.stops()).extracting(Route.Stop::key).containsExactlyElementsOf(order);
        assertThat(app.database.dsl().fetchCount(ROUTE_STOP, ROUTE_STOP.PLANNED_START.isNotNull())).isEqualTo(3);
        // the planner puts it right again
        assertThat(RoutePlanner.plan(again.home(), again.stops(), again.travel()).late()).isZero();

        // a stale order (a stop removed meanwhile) is refused, nothing changes
        app.routes.remove(cora, sanssouci);
        assertThatThrownBy(() -> app.routes.save(cora, nova, DAY, order)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("changed meanwhile");
        assertThat(app.routeQuery.day(cora, nova, DAY).stops()).hasSize(2);
    }

    @Test
    void badPlacesAreRefusedNamingTheFieldAndPerformersReadOnlyTheirOwnDay() {
        assertThatThrownBy(() -> app.routes.add(cora, new RouteService.AddRouteStop(nova, DAY, "Nowhere", 95.0, 13.0,
                LocalTime.of(10, 0), LocalTime.of(11, 0), 30))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                        .contains("latitude"));
        assertThatThrownBy(() -> app.routes.add(cora, new RouteService.AddRouteStop(nova, DAY, "Backwards", 52.0, 13.0,
                LocalTime.of(11, 0), LocalTime.of(10, 0), 30))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ends before it starts");
        UUID other = app.performers.create(Actor.owner(), new PerformerDraft("Mia Keys", null, null, null,
                List.of("Piano"), List.of(), 40_000, "EUR", 1500, 0, null, null, null, true, null)).id();
        app.users.create(Actor.owner(), "nova", "Nova", null, EnumSet.of(Role.PERFORMER), nova,
                "nova-pass-12".toCharArray());
        Actor performer = app.users.signIn("nova", "nova-pass-12".toCharArray());
        assertThat(app.routeQuery.day(performer, nova, DAY).performer()).isEqualTo("DJ Nova");
        assertThatThrownBy(() -> app.routeQuery.day(performer, other, DAY)).isInstanceOf(PermissionDeniedException.class);
        // the calendar's places: a performer reads their own, not another's nor everyone's
        app.routes.add(cora, new RouteService.AddRouteStop(nova, DAY, "Alexanderplatz", 52.5219, 13.4132,
                LocalTime.of(14, 0), LocalTime.of(16, 0), 45));
        app.routes.add(cora, new RouteService.AddRouteStop(other, DAY, "Mauerpark", 52.543, 13.402,
                LocalTime.of(12, 0), LocalTime.of(13, 0), 60));
        Instant from = DAY.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        assertThat(app.routeQuery.places(performer, nova, from, to)).extracting(RouteQuery.PlaceVisit::label)
                .containsExactly("Alexanderplatz");
        assertThat(app.routeQuery.places(cora, null, from, to)).extracting(RouteQuery.PlaceVisit::label)
                .containsExactly("Mauerpark", "Alexanderplatz");
        assertThatThrownBy(() -> app.routeQuery.places(performer, other, from, to))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> app.routeQuery.places(performer, null, from, to))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> app.routes.add(performer, new RouteService.AddRouteStop(nova, DAY, "Mine", 52.0,
                13.0, LocalTime.of(10, 0), LocalTime.of(11, 0), 30))).isInstanceOf(PermissionDeniedException.class);
    }
}
