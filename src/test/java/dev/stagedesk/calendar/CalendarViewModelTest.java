package dev.stagedesk.calendar;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.SecondContext;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.TaskRunner;
import dev.stagedesk.venue.VenueDraft;
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
 * The calendar without CalendarFX (the direct task runner): a week is read with each booking's version, a drag
 * reschedules with the version the entry was loaded with, and a booking changed meanwhile by another console (a
 * second app context on the same store) is refused naming who and when, stays as they left it, and moves after
 * Reload.
 */
class CalendarViewModelTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate MON = LocalDate.of(2026, 11, 23);
    static final LocalDate TUE = MON.plusDays(1);

    @TempDir
    Path dir;
    AppContext app;
    final List<Throwable> unexpected = new ArrayList<>();
    UUID nova;
    Booking gala;
    Booking party;

    @BeforeEach
    void open() {
        app = TestStore.open(dir, new MovableClock(TestStore.NOW));
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        UUID hall = app.venues.create(Actor.owner(), new VenueDraft("Hall", null, null, null, "Berlin", null, "DE",
                52.52, 13.405, null, null, null, null)).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.40, true, null)).id();
        gala = app.bookings.create(Actor.owner(), draft("Gala", client, hall, at(TUE, 20)), BookingStatus.CONFIRMED, List.of(nova));
        party = app.bookings.create(Actor.owner(), draft("Party", client, hall, at(TUE.plusDays(1), 20)), BookingStatus.CONFIRMED,
                List.of(nova));
    }

    @AfterEach
    void close() {
        app.close();
        assertThat(unexpected).isEmpty();
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BERLIN).toInstant();
    }

    static BookingDraft draft(String title, UUID client, UUID venue, Instant start) {
        return new BookingDraft(title, client, venue, null, start, start.plus(Duration.ofHours(2)), "Europe/Berlin",
                "EUR", 100_000, 1900, 1, null, null);
    }

    CalendarViewModel model(AppContext ctx, Actor actor) {
        return new CalendarViewModel(new CalendarViewModel.Deps(ctx.bookingQuery, ctx.bus, ctx.routeQuery,
                ctx::agencyZone, ctx.clock), actor, TaskRunner.direct(), unexpected::add);
    }

    static CalendarViewModel week(CalendarViewModel vm) {
        vm.activate();
        vm.show(MON, MON.plusDays(6));
        return vm;
    }

    @Test
    void aWeekIsReadWithEachBookingsVersionAndItsPlacesAndFiltersReadItAgain() {
        app.bus.execute(Actor.owner(), new RouteService.AddRouteStop(nova, TUE.plusDays(2), "Alexanderplatz",
                52.5219, 13.4132, LocalTime.of(14, 0), LocalTime.of(16, 0), 45));
        Booking moved = app.bus.execute(Actor.owner(), new BookingService.RescheduleBooking(party.id(), party.version(),
                at(TUE.plusDays(1), 21), at(TUE.plusDays(1), 23), "later"));
        CalendarViewModel vm = week(model(app, Actor.owner()));
        assertThat(vm.todayProperty().get()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(vm.zoneProperty().get()).isEqualTo(BERLIN);
        CalendarViewModel.Loaded week = vm.loadedProperty().get();
        assertThat(week.from()).isEqualTo(MON);
        assertThat(week.capped()).isFalse();
        assertThat(week.bookings()).extracting(BookingRow::number, BookingRow::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(gala.number(), gala.version()),
                        org.assertj.core.groups.Tuple.tuple(party.number(), moved.version()));
        assertThat(moved.version()).isGreaterThan(party.version());
        assertThat(week.places()).extracting(p -> p.label()).containsExactly("Alexanderplatz");

        vm.status.set(BookingStatus.CANCELLED); // a filter reads the range again; a status leaves the places out
        assertThat(vm.loadedProperty().get().bookings()).isEmpty();
        assertThat(vm.loadedProperty().get().places()).isEmpty();
        vm.status.set(null);
        assertThat(vm.loadedProperty().get().bookings()).hasSize(2);
        // the same range again is not read again, unless asked
        CalendarViewModel.Loaded shown = vm.loadedProperty().get();
        vm.show(MON, MON.plusDays(6));
        assertThat(vm.loadedProperty().get()).isSameAs(shown);
        vm.reload();
        assertThat(vm.loadedProperty().get().generation()).isGreaterThan(shown.generation());
    }

    @Test
    void whatCanBeDraggedFollowsTheStatusAndTheUsersRights() {
        CalendarViewModel owner = model(app, Actor.owner());
        assertThat(owner.canMove()).isTrue();
        assertThat(owner.movable(BookingStatus.HOLD)).isTrue();
        assertThat(owner.movable(BookingStatus.CONFIRMED)).isTrue();
        assertThat(owner.movable(BookingStatus.COMPLETED)).isFalse();
        assertThat(owner.movable(BookingStatus.CANCELLED)).isFalse();
        CalendarViewModel accountant = model(app, new Actor(null, "acc", Set.of(Role.ACCOUNTANT)));
        assertThat(accountant.canMove()).isFalse();
        assertThat(accountant.movable(BookingStatus.CONFIRMED)).isFalse();
        assertThat(accountant.seesAll()).isTrue();
    }

    @Test
    void aDragOntoADayWhereThePerformerPlaysIsRefusedPutBackAndSaysWhy() {
        CalendarViewModel vm = week(model(app, Actor.owner()));
        BookingRow row = vm.booking(gala.id());
        AtomicInteger putBack = new AtomicInteger();
        vm.reschedule(row, at(TUE.plusDays(1), 20), at(TUE.plusDays(1), 22), putBack::incrementAndGet);
        assertThat(putBack).hasValue(1);
        assertThat(vm.messageProperty().get()).startsWith("Not moved: " + gala.number()).contains("DJ Nova")
                .contains(party.number());
        assertThat(vm.alertProperty().get()).isTrue();
        assertThat(vm.staleProperty().get()).as("a conflict, not a stale version").isNull();
        assertThat(app.bookings.find(gala.id()).startsAt()).isEqualTo(gala.startsAt());
    }

    @Test
    void aDragOfABookingChangedInAnotherContextIsRefusedWithWhoAndWhenThenMovesAfterReload() {
        MovableClock clockB = new MovableClock(TestStore.NOW.plus(Duration.ofMinutes(75))); // 12:15 in Berlin
        AppContext other = SecondContext.on(app, clockB);
        Actor maria = SecondContext.user(app, "maria", "Maria Schulz", Set.of(Role.COORDINATOR));

        // A reads the week; B (another console) moves the gala an hour later
        CalendarViewModel a = week(model(app, Actor.owner()));
        BookingRow loaded = a.booking(gala.id());
        assertThat(loaded.version()).isEqualTo(gala.version());
        Booking byB = other.bus.execute(maria, new BookingService.RescheduleBooking(gala.id(),
                other.bookings.find(gala.id()).version(), at(TUE, 21), at(TUE, 23), "later"));

        // A drags the gala as it was loaded: refused, naming Maria and when, and the entry goes back
        AtomicInteger putBack = new AtomicInteger();
        a.reschedule(loaded, at(TUE.plusDays(2), 20), at(TUE.plusDays(2), 22), putBack::incrementAndGet);
        assertThat(putBack).hasValue(1);
        assertThat(a.staleProperty().get()).isNotNull();
        assertThat(a.staleProperty().get().changedBy()).isEqualTo("Maria Schulz");
        assertThat(a.staleProperty().get().changedAt()).isEqualTo(clockB.instant());
        assertThat(a.messageProperty().get()).startsWith("Not moved: " + gala.number())
                .contains("changed by Maria Schulz on 21 Nov 2026 at 12:15");
        Booking stored = app.bookings.find(gala.id());
        assertThat(stored.startsAt()).as("B's times hold").isEqualTo(at(TUE, 21));
        assertThat(stored.endsAt()).isEqualTo(at(TUE, 23));
        assertThat(stored.version()).isEqualTo(byB.version());

        // Reload reads the range with B's times and version; the drag then moves it
        a.reloadAfterRefusal();
        assertThat(a.staleProperty().get()).isNull();
        BookingRow fresh = a.booking(gala.id());
        assertThat(fresh.version()).isEqualTo(byB.version());
        assertThat(fresh.startsAt()).isEqualTo(at(TUE, 21));
        a.reschedule(fresh, at(TUE.plusDays(2), 20), at(TUE.plusDays(2), 22), putBack::incrementAndGet);
        assertThat(putBack).hasValue(1);
        assertThat(a.messageProperty().get()).startsWith(gala.number() + " moved to");
        assertThat(a.alertProperty().get()).isFalse();
        assertThat(app.bookings.find(gala.id()).startsAt()).isEqualTo(at(TUE.plusDays(2), 20));
        assertThat(a.booking(gala.id()).version()).as("read again after the move").isGreaterThan(byB.version());
    }
}
