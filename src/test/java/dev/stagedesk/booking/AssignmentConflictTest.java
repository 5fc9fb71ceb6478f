package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.Durations;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.Format;
import dev.stagedesk.venue.VenueDraft;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each conflict kind at its boundary: back-to-back is fine, one minute too close is not. */
class AssignmentConflictTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 14 December 2026, 18:00 in Berlin. */
    static final Instant MON_18 = LocalDate.of(2026, 12, 14).atTime(18, 0).atZone(BERLIN).toInstant();

    @TempDir
    Path dir;
    AppContext app;
    Actor cora;
    UUID client;
    UUID nova;
    UUID berlinHall;
    UUID berlinClub;
    UUID potsdam;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null, "cora-pass-1".toCharArray());
        cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, "Berlin", 52.52, 13.405, true, null)).id();
        berlinHall = venue("Hall", "Berlin", 52.5200, 13.4050);
        berlinClub = venue("Club", "Berlin", 52.5300, 13.3800);
        potsdam = venue("Schloss", "Potsdam", 52.3906, 13.0645);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private UUID venue(String name, String city, double lat, double lon) {
        return app.venues.create(Actor.owner(), new VenueDraft(name, null, null, null, city, null, "DE", lat, lon, null,
                null, null, null)).id();
    }

    private Booking booking(String title, UUID venue, Instant start, Duration length, BookingStatus status) {
        return app.bookings.create(cora, new BookingDraft(title, client, venue, null, start, start.plus(length),
                "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), status, List.of());
    }

    private Booking confirmed(String title, UUID venue, Instant start, Duration length) {
        return booking(title, venue, start, length, BookingStatus.CONFIRMED);
    }

    private UUID assign(Actor who, Booking b, String override) {
        return app.assignments.assign(who, b.id(), nova, null, null, null, override);
    }

    @Test
    void backToBackAtTheSameVenueIsFineAndOneMinuteOfOverlapIsNot() {
        Booking early = confirmed("Early", berlinHall, MON_18, Duration.ofHours(2));
        assign(cora, early, null);
        Booking late = confirmed("Late", berlinHall, MON_18.plus(Duration.ofHours(2)), Duration.ofHours(2));
        assign(cora, late, null);
        Booking clash = confirmed("Clash", berlinHall, MON_18.plus(Duration.ofHours(4)).minus(Duration.ofMinutes(1)),
                Duration.ofHours(1));
        assertThatThrownBy(() -> assign(cora, clash, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("DJ Nova is already on " + late.number() + " (Late)")
                // in the screen's date style (the UK's here: "14 Dec 2026 20:00–22:00")
                .hasMessageContaining(Format.dateTime(late.startsAt(), late.timeZone()) + "–"
                        + Format.time(late.endsAt(), ZoneId.of(late.timeZone())));
        assertThat(app.database.dsl().fetchCount(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(clash.id()))).isZero();
    }

    @Test
    void travelBetweenVenuesNeedsTheRoadTimeAndTheSetUpBuffer() {
        Booking berlin = confirmed("Berlin gig", berlinHall, MON_18, Duration.ofHours(2));
        assign(cora, berlin, null);
        var travel = ConflictCheck.Travel.of(app.database.dsl());
        double km = ConflictCheck.km(52.5200, 13.4050, 52.3906, 13.0645);
        long needed = travel.minutes(km) + travel.setupBufferMinutes();
        assertThat(needed).as("about 27 km × 1.3 at 60 km/h, plus an hour").isBetween(90L, 100L);
        Instant berlinEnds = MON_18.plus(Duration.ofHours(2));
        // across town, a short hop fits in the buffer plus a few minutes
        Booking club = confirmed("Club", berlinClub, berlinEnds.plus(Duration.ofMinutes(70)), Duration.ofMinutes(30));
        assertThat(ConflictCheck.find(app.database.dsl(), nova, AssignmentService.window(record(club),
                club.startsAt(), club.endsAt()), true)).isEmpty();
        Booking tooSoon = confirmed("Potsdam too soon", potsdam, berlinEnds.plus(Duration.ofMinutes(needed - 1)),
                Duration.ofHours(2));
        assertThatThrownBy(() -> assign(cora, tooSoon, null))
                .hasMessageContaining("DJ Nova plays " + berlin.number() + " at Hall just before")
                .hasMessageContaining("the gap is only " + Durations.minutes(needed - 1));
        Booking inTime = confirmed("Potsdam in time", potsdam, berlinEnds.plus(Duration.ofMinutes(needed)),
                Duration.ofHours(2));
        assign(cora, inTime, null);
        // and the other way round: a gig before one already assigned
        Booking before = confirmed("Before", potsdam, MON_18.minus(Duration.ofMinutes(needed - 1 + 60)), Duration.ofHours(1));
        assertThatThrownBy(() -> assign(cora, before, null)).hasMessageContaining("just after");
    }

    private BookingRecord record(Booking b) {
        return app.database.dsl().selectFrom(Tables.BOOKING)
                .where(Tables.BOOKING.ID.eq(b.id())).fetchOne();
    }

    @Test
    void blockedPeriodsAndWeeklyUnavailabilityAtTheirEdges() {
        app.availability.block(cora, nova, "Studio", MON_18.minus(Duration.ofHours(5)), MON_18);
        Booking afterStudio = confirmed("After studio", berlinHall, MON_18, Duration.ofHours(2));
        assign(cora, afterStudio, null);
        app.availability.block(cora, nova, "Vacation", MON_18.plus(Duration.ofDays(7)).plus(Duration.ofHours(2))
                .minus(Duration.ofMinutes(1)), MON_18.plus(Duration.ofDays(14)));
        Booking intoVacation = confirmed("Into vacation", berlinHall, MON_18.plus(Duration.ofDays(7)), Duration.ofHours(2));
        assertThatThrownBy(() -> assign(cora, intoVacation, null)).hasMessageContaining("DJ Nova is blocked: Vacation");
        // every Tuesday 09:00–12:00 Berlin time
        app.availability.blockWeekly(cora, nova, "Teaching", DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0));
        Instant tue12 = LocalDate.of(2026, 12, 15).atTime(12, 0).atZone(BERLIN).toInstant();
        assign(cora, confirmed("Lunch", berlinHall, tue12, Duration.ofHours(1)), null);
        Booking brunch = confirmed("Brunch", berlinHall, LocalDate.of(2026, 12, 22).atTime(11, 59).atZone(BERLIN)
                .toInstant(), Duration.ofHours(1));
        assertThatThrownBy(() -> assign(cora, brunch, null))
                .hasMessageContaining("DJ Nova is blocked every Tuesday 09:00–12:00: Teaching");
        assertThatThrownBy(() -> app.availability.block(cora, nova, "Oops", MON_18, MON_18))
                .isInstanceOf(ValidationException.class).hasMessageContaining("after the start");
    }

    @Test
    void anotherBookingsHoldIsAConflict() {
        Booking held = app.bookings.create(cora, new BookingDraft("Held gala", client, berlinHall, null, MON_18,
                MON_18.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.HOLD, List.of(nova));
        Booking other = confirmed("Other", berlinHall, MON_18.plus(Duration.ofHours(2)), Duration.ofHours(2));
        assertThatThrownBy(() -> assign(cora, other, null))
                .hasMessageContaining("DJ Nova is held for " + held.number() + " (Held gala)");
    }

    @Test
    void aGigOfSeveralDaysIsSeenFromItsLastDay() {
        // the check reads gigs by their start, looking back as far as the longest one stored (V9): a festival of
        // five days that began four days ago still overlaps, whether assigned or held
        Booking festival = confirmed("Festival", potsdam, MON_18.minus(Duration.ofDays(4)), Duration.ofDays(5));
        assign(cora, festival, null);
        Booking late = confirmed("Late show", potsdam, MON_18.plus(Duration.ofHours(12)), Duration.ofHours(1));
        assertThatThrownBy(() -> assign(cora, late, null))
                .hasMessageContaining("DJ Nova is already on " + festival.number() + " (Festival)");
        UUID rex = app.performers.create(Actor.owner(), new PerformerDraft("Rex", null, null, null, List.of("DJ"),
                List.of(), 80_000, "EUR", 0, 0, "Potsdam", 52.39, 13.06, true, null)).id();
        Booking tour = app.bookings.create(cora, new BookingDraft("Tour", client, potsdam, null,
                MON_18.minus(Duration.ofDays(10)), MON_18.plus(Duration.ofDays(2)), "Europe/Berlin", "EUR", 100_000,
                1900, 1, null, null), BookingStatus.HOLD, List.of(rex));
        assertThatThrownBy(() -> app.assignments.assign(cora, late.id(), rex, null, null, null, null))
                .hasMessageContaining("Rex is held for " + tour.number() + " (Tour)");
        assertThat(app.availableQuery.available(cora, late.id(), "DJ")).isEmpty();
    }

    @Test
    void aRescheduleIntoAConflictIsRefusedAndNothingMoves() {
        Booking gala = confirmed("Gala", berlinHall, MON_18, Duration.ofHours(3));
        assign(cora, gala, null);
        Booking party = confirmed("Party", potsdam, MON_18.plus(Duration.ofDays(1)), Duration.ofHours(3));
        assign(cora, party, null);
        Booking before = app.bookings.find(party.id());
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.RescheduleBooking(party.id(), before.version(),
                MON_18.plus(Duration.ofHours(4)), MON_18.plus(Duration.ofHours(7)), "client asked")))
                .hasMessageContaining("DJ Nova plays " + gala.number() + " at Hall just before");
        assertThat(app.bookings.find(party.id()).startsAt()).isEqualTo(party.startsAt());
        assertThat(app.database.dsl().select(ASSIGNMENT.STARTS_AT).from(ASSIGNMENT)
                .where(ASSIGNMENT.BOOKING_ID.eq(party.id())).fetchOne(ASSIGNMENT.STARTS_AT)).isEqualTo(party.startsAt());
    }

    @Test
    void onlyAnAdminOverridesAConflictAndTheReasonIsAudited() {
        Booking gala = confirmed("Gala", berlinHall, MON_18, Duration.ofHours(3));
        assign(cora, gala, null);
        Booking clash = confirmed("Clash", berlinHall, MON_18.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThatThrownBy(() -> assign(cora, clash, "client insists")).isInstanceOf(PermissionDeniedException.class);
        UUID id = assign(Actor.owner(), clash, "  short DJ set between the speeches ");
        assertThat(app.database.dsl().select(ASSIGNMENT.CONFLICT_OVERRIDE_REASON).from(ASSIGNMENT)
                .where(ASSIGNMENT.ID.eq(id)).fetchOne(ASSIGNMENT.CONFLICT_OVERRIDE_REASON))
                .isEqualTo("short DJ set between the speeches");
        var entry = app.auditLog.forEntity(BookingService.ENTITY, clash.id()).stream()
                .filter(e -> e.action().equals("override-conflict")).findFirst().orElseThrow();
        assertThat(entry.changes()).contains("short DJ set between the speeches").contains(gala.number());
    }

    @Test
    void payoutsArePaidAllOrNothing() {
        Booking one = confirmed("One", berlinHall, MON_18, Duration.ofHours(2));
        Booking two = confirmed("Two", berlinHall, MON_18.plus(Duration.ofDays(1)), Duration.ofHours(2));
        UUID a = assign(cora, one, null);
        UUID b = assign(cora, two, null);
        assertThat(app.database.dsl().select(ASSIGNMENT.PAYOUT_MINOR).from(ASSIGNMENT).where(ASSIGNMENT.ID.eq(a))
                .fetchOne(ASSIGNMENT.PAYOUT_MINOR)).as("prefilled from the default fee").isEqualTo(50_000L);
        assertThatThrownBy(() -> app.assignments.markPaid(cora, List.of(a), LocalDate.of(2026, 11, 20), "CASH", null))
                .isInstanceOf(PermissionDeniedException.class);
        Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));
        assertThat(app.assignments.markPaid(accountant, List.of(a), LocalDate.of(2026, 11, 20), "BANK_TRANSFER", "T-1"))
                .isEqualTo(1);
        assertThatThrownBy(() -> app.assignments.markPaid(accountant, List.of(b, a), LocalDate.of(2026, 11, 21), "CASH",
                null)).hasMessageContaining("already paid on 20 Nov 2026");
        assertThat(app.database.dsl().select(ASSIGNMENT.PAYOUT_STATUS).from(ASSIGNMENT).where(ASSIGNMENT.ID.eq(b))
                .fetchOne(ASSIGNMENT.PAYOUT_STATUS)).as("nothing half-written").isEqualTo("UNPAID");
        assertThatThrownBy(() -> app.assignments.markPaid(accountant, List.of(b), LocalDate.of(2026, 11, 22), "CASH", null))
                .as("tomorrow in Berlin").hasMessageContaining("must not be in the future");
        assertThatThrownBy(() -> app.assignments.markPaid(accountant, List.of(b), LocalDate.of(2026, 11, 21), "GOLD", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("BANK_TRANSFER");
    }

    @Test
    void whoIsAvailableLeavesOutTheBusyAndRanksByDistance() {
        UUID rex = app.performers.create(Actor.owner(), new PerformerDraft("Rex", null, null, null, List.of("DJ", "Band"),
                List.of(), 80_000, "EUR", 0, 0, "Potsdam", 52.39, 13.06, true, null)).id();
        UUID far = app.performers.create(Actor.owner(), new PerformerDraft("Far", null, null, null, List.of("DJ"),
                List.of(), 10_000, "EUR", 0, 0, "Munich", 48.14, 11.58, true, null)).id();
        app.performers.create(Actor.owner(), new PerformerDraft("Singer", null, null, null, List.of("Vocals"),
                List.of(), 10_000, "EUR", 0, 0, "Berlin", 52.52, 13.40, true, null));
        Booking gala = confirmed("Gala", berlinHall, MON_18, Duration.ofHours(3));
        Booking clash = confirmed("Clash", berlinHall, MON_18.plus(Duration.ofHours(1)), Duration.ofHours(1));
        assertThat(app.availableQuery.available(cora, clash.id(), "dj")).extracting(AvailableQuery.Candidate::stageName)
                .containsExactly("DJ Nova", "Rex", "Far");
        assign(cora, gala, null);
        app.availability.block(cora, far, "Vacation", MON_18.minus(Duration.ofDays(1)), MON_18.plus(Duration.ofDays(1)));
        var free = app.availableQuery.available(cora, clash.id(), "DJ");
        assertThat(free).extracting(AvailableQuery.Candidate::performerId).containsExactly(rex);
        assertThat(free.get(0).km()).isBetween(20.0, 35.0);
        assertThat(free.get(0).defaultFeeMinor()).isEqualTo(80_000L);
    }
}
