package dev.stagedesk.booking;

import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.db.jooq.Tables.BOOKING_SCHEDULE_CHANGE;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking statuses and ranked holds: placement, promotion, expiry and challenge, on a clock the test moves. */
class BookingServiceTest {
    static final Instant SAT = Instant.parse("2026-12-12T18:00:00Z");

    @TempDir
    Path dir;
    MovableClock clock;
    AppContext app;
    Actor cora;
    Actor carl;
    UUID client;
    UUID nova;
    UUID rex;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(TestStore.NOW);
        app = TestStore.open(dir, clock);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null, "cora-pass-1".toCharArray());
        app.users.create(Actor.owner(), "carl", "Carl", null, EnumSet.of(Role.COORDINATOR), null, "carl-pass-1".toCharArray());
        cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        carl = app.users.signIn("carl", "carl-pass-1".toCharArray());
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        nova = performer("DJ Nova");
        rex = performer("Rex Brass");
    }

    @AfterEach
    void close() {
        app.close();
    }

    private UUID performer(String name) {
        return app.performers.create(Actor.owner(), new PerformerDraft(name, null, null, null, List.of("DJ"), List.of(),
                50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
    }

    private BookingDraft draft(String title, Instant start, int hours) {
        return new BookingDraft(title, client, null, null, start, start.plus(Duration.ofHours(hours)), "Europe/Berlin",
                "EUR", 200_000, 1900, 1, null, null);
    }

    private Booking hold(Actor who, String title, Instant start, UUID... performers) {
        return app.bookings.create(who, draft(title, start, 4), BookingStatus.HOLD, List.of(performers));
    }

    private BookingService.HoldView holdOf(Booking b, UUID performer) {
        return app.bookings.holds(b.id()).stream().filter(h -> performer.equals(h.performerId())).findFirst()
                .orElseThrow();
    }

    private List<String> notificationsOf(Actor a) {
        return app.database.dsl().select(NOTIFICATION.TITLE).from(NOTIFICATION).where(NOTIFICATION.USER_ID.eq(a.userId()))
                .orderBy(NOTIFICATION.CREATED_AT).fetch(NOTIFICATION.TITLE);
    }

    @Test
    void holdsOnTheSamePerformerAtOverlappingTimesAreRankedInTheOrderPlaced() {
        Booking first = hold(cora, "Wedding", SAT, nova);
        Booking second = hold(carl, "Gala", SAT.plus(Duration.ofHours(2)), nova, rex);
        Booking later = hold(carl, "Brunch", SAT.plus(Duration.ofDays(1)), nova);
        assertThat(first.number()).isEqualTo("BK-2026-000001");
        assertThat(second.number()).isEqualTo("BK-2026-000002");
        assertThat(first.status()).isEqualTo(BookingStatus.HOLD);
        assertThat(holdOf(first, nova).rank()).isEqualTo(1);
        assertThat(holdOf(second, nova).rank()).isEqualTo(2);
        assertThat(holdOf(second, rex).rank()).isEqualTo(1);
        assertThat(holdOf(later, nova).rank()).isEqualTo(1);
        assertThat(holdOf(first, nova).expiresAt()).isEqualTo(TestStore.NOW.plus(Duration.ofDays(14)));

        assertThatThrownBy(() -> app.bus.execute(carl, new BookingService.ConfirmBooking(second.id(), second.version())))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("BK-2026-000002")
                .hasMessageContaining("place 2").hasMessageContaining("BK-2026-000001");

        app.bus.execute(cora, new BookingService.ReleaseHold(holdOf(first, nova).id()));
        assertThat(holdOf(first, nova).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(app.bookings.find(first.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(holdOf(second, nova).rank()).isEqualTo(1);
        assertThat(notificationsOf(carl)).containsExactly("BK-2026-000002 is now the first hold");
        assertThat(notificationsOf(cora)).isEmpty(); // she released it herself
        Booking confirmed = app.bus.execute(carl, new BookingService.ConfirmBooking(second.id(), 0));
        assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(holdOf(second, nova).status()).isEqualTo(HoldStatus.CONFIRMED);
    }

    @Test
    void anExpiredHoldLetsTheNextMoveUpAndTheTimerRaisesEachNotificationOnce() {
        Booking first = hold(cora, "Wedding", SAT, nova);
        clock.advance(Duration.ofDays(1));
        Booking second = hold(carl, "Gala", SAT, nova);
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isZero();
        clock.advance(Duration.ofDays(13)); // the first hold's 14 days are up, the second has a day left
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isEqualTo(1);
        assertThat(holdOf(first, nova).status()).isEqualTo(HoldStatus.EXPIRED);
        Booking lapsed = app.bookings.find(first.id());
        assertThat(lapsed.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(lapsed.cancellationReason()).isEqualTo("Every hold expired.");
        assertThat(holdOf(second, nova).rank()).isEqualTo(1);
        assertThat(notificationsOf(cora)).containsExactly("Hold on BK-2026-000001 expired");
        assertThat(notificationsOf(carl)).containsExactly("BK-2026-000002 is now the first hold");
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isZero();
        assertThat(notificationsOf(cora)).hasSize(1);
        clock.advance(Duration.ofDays(1));
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isEqualTo(1);
        assertThat(app.bookings.find(second.id()).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void theDecisionTimeComesFromSettings() {
        var agency = app.settings.requireAgency();
        var d = agency.toDraft();
        app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(),
                d.baseCurrency(), d.timeZone(), d.legalName(), d.addressLine1(), d.postalCode(), d.city(),
                d.countryCode(), d.taxId(), d.email(), d.phone(), d.bankDetails(), d.defaultTaxRateBp(),
                d.holdExpiryDays(), 24, d.idleLockMinutes(), d.backupKeepDays()));
        Booking first = hold(cora, "Wedding", SAT, nova);
        Booking second = hold(carl, "Gala", SAT, nova);
        app.bus.execute(carl, new BookingService.ChallengeHold(holdOf(second, nova).id()));
        assertThat(holdOf(first, nova).decisionDeadline()).isEqualTo(TestStore.NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void aChallengedFirstHoldLapsesAtItsDeadlineUnlessConfirmed() {
        Booking first = hold(cora, "Wedding", SAT, nova);
        Booking second = hold(carl, "Gala", SAT, nova);
        UUID secondHold = holdOf(second, nova).id();
        UUID firstHold = holdOf(first, nova).id();
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.ChallengeHold(firstHold)))
                .hasMessageContaining("already first");
        app.bus.execute(carl, new BookingService.ChallengeHold(secondHold));
        Instant deadline = holdOf(first, nova).decisionDeadline();
        assertThat(deadline).isEqualTo(TestStore.NOW.plus(Duration.ofHours(48)));
        assertThat(notificationsOf(cora)).containsExactly("BK-2026-000001 was challenged");
        assertThatThrownBy(() -> app.bus.execute(carl, new BookingService.ChallengeHold(secondHold)))
                .hasMessageContaining("already been challenged");

        clock.advance(Duration.ofHours(47));
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isEqualTo(1);
        assertThat(holdOf(first, nova).status()).isEqualTo(HoldStatus.LAPSED);
        assertThat(holdOf(second, nova).rank()).isEqualTo(1);
        assertThat(notificationsOf(carl)).containsExactly("BK-2026-000002 is now the first hold");
        assertThat(app.bus.execute(carl, new BookingService.ConfirmBooking(second.id(), 0)).status())
                .isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void confirmingTheFirstHoldBeforeTheDeadlineReleasesTheHoldsBehindIt() {
        Booking first = hold(cora, "Wedding", SAT, nova);
        Booking second = hold(carl, "Gala", SAT, nova);
        app.bus.execute(carl, new BookingService.ChallengeHold(holdOf(second, nova).id()));
        clock.advance(Duration.ofHours(20));
        app.bus.execute(cora, new BookingService.ConfirmBooking(first.id(), 0));
        assertThat(holdOf(second, nova).status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(app.bookings.find(second.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(notificationsOf(carl)).containsExactly("Hold on BK-2026-000002 released");
        clock.advance(Duration.ofHours(40));
        assertThat(app.bookings.processDueHolds(Actor.system(), clock.instant())).isZero();
        assertThat(app.bookings.find(first.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void everyStatusTransitionIsAllowedOrRefusedWithAMessage() {
        Booking b = hold(cora, "Wedding", SAT, nova);
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.CompleteBooking(b.id(), 0)))
                .hasMessage("BK-2026-000001 is on hold: it cannot be completed.");
        Booking c = app.bus.execute(cora, new BookingService.ConfirmBooking(b.id(), 0));
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.ConfirmBooking(b.id(), c.version())))
                .hasMessage("BK-2026-000001 is confirmed: it cannot be confirmed.");
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.CompleteBooking(b.id(), c.version())))
                .hasMessageContaining("has not ended yet");
        clock.advance(Duration.ofDays(30));
        Booking done = app.bus.execute(cora, new BookingService.CompleteBooking(b.id(), c.version()));
        assertThat(done.status()).isEqualTo(BookingStatus.COMPLETED);
        for (var cmd : List.of(new BookingService.CancelBooking(b.id(), done.version(), "x", null),
                new BookingService.RescheduleBooking(b.id(), done.version(), SAT, SAT.plusSeconds(3600), null),
                new BookingService.ConfirmBooking(b.id(), done.version()))) {
            assertThatThrownBy(() -> app.bus.execute(cora, cmd)).isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("BK-2026-000001 is completed: it cannot be");
        }
        Booking other = app.bookings.create(cora, draft("Gala", SAT.plus(Duration.ofDays(60)), 3), BookingStatus.CONFIRMED, List.of());
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.CancelBooking(other.id(), 0, " ", null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.CancelBooking(other.id(), 0, "Rain", -5L)))
                .isInstanceOf(ValidationException.class);
        Booking cancelled = app.bus.execute(cora, new BookingService.CancelBooking(other.id(), 0, "Client moved abroad", 50_000L));
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.cancellationFeeMinor()).isEqualTo(50_000L);
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.ConfirmBooking(other.id(), cancelled.version())))
                .hasMessage(cancelled.number() + " is cancelled: it cannot be confirmed.");
        Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));
        assertThatThrownBy(() -> app.bookings.create(accountant, draft("Party", SAT, 2), BookingStatus.HOLD, List.of()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void rescheduleKeepsTheOldDatesAndRefusesADoubleBooking() {
        Booking gala = app.bookings.create(cora, draft("Gala", SAT, 4), BookingStatus.CONFIRMED, List.of(nova));
        Booking party = app.bookings.create(cora, draft("Party", SAT.plus(Duration.ofDays(1)), 4), BookingStatus.CONFIRMED, List.of(nova));
        assertThatThrownBy(() -> app.bus.execute(cora, new BookingService.RescheduleBooking(party.id(), 0,
                SAT.plus(Duration.ofHours(3)), SAT.plus(Duration.ofHours(6)), "client asked")))
                .hasMessageContaining("DJ Nova is already on " + gala.number() + " (Gala)");
        Instant newStart = SAT.plus(Duration.ofDays(2));
        Booking moved = app.bus.execute(cora, new BookingService.RescheduleBooking(party.id(), 0, newStart,
                newStart.plus(Duration.ofHours(5)), "venue double-booked"));
        assertThat(moved.startsAt()).isEqualTo(newStart);
        var change = app.database.dsl().selectFrom(BOOKING_SCHEDULE_CHANGE)
                .where(BOOKING_SCHEDULE_CHANGE.BOOKING_ID.eq(party.id())).fetchOne();
        assertThat(change.getOldStartsAt()).isEqualTo(party.startsAt());
        assertThat(change.getNewStartsAt()).isEqualTo(newStart);
        assertThat(change.getReason()).isEqualTo("venue double-booked");
        assertThat(app.auditLog.forEntity(BookingService.ENTITY, party.id())).extracting(e -> e.action())
                .contains("create", "reschedule");
        assertThatThrownBy(() -> app.bookings.create(cora, draft("Clash", SAT.plus(Duration.ofHours(1)), 2), BookingStatus.CONFIRMED,
                List.of(nova))).hasMessageContaining("DJ Nova is already on");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        var endBeforeStart = new BookingDraft("Gala", client, null, null, SAT, SAT.minusSeconds(60), "Europe/Berlin",
                "EUR", 100, 0, 1, null, null);
        assertThatThrownBy(() -> app.bookings.create(cora, endBeforeStart, BookingStatus.HOLD, List.of()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field()).contains("endsAt"));
        assertThatThrownBy(() -> hold(cora, "Past", TestStore.NOW.minus(Duration.ofDays(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("past");
        var unknownClient = new BookingDraft("Gala", UUID.randomUUID(), null, null, SAT, SAT.plusSeconds(3600),
                "Europe/Berlin", "EUR", -1, 0, 1, null, null);
        assertThatThrownBy(() -> app.bookings.create(cora, unknownClient, BookingStatus.HOLD, List.of()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                        .contains("client", "fee"));
        var tooLong = new BookingDraft("Festival", client, null, null, SAT, SAT.plus(Duration.ofDays(32)),
                "Europe/Berlin", "EUR", 100, 0, 1, null, null);
        assertThatThrownBy(() -> app.bookings.create(cora, tooLong, BookingStatus.HOLD, List.of()))
                .hasMessageContaining("at most 31 days");
        assertThat(app.database.dsl().fetchCount(Tables.BOOKING)).isZero();
        assertThat(hold(cora, "Gala", SAT).number()).isEqualTo("BK-2026-000001"); // no number was used up
        hold(cora, "Brunch", SAT.plus(Duration.ofDays(3)));
        var all = PageRequest.first(10);
        assertThat(app.bookingQuery.page(cora, all.withSearch("bk-2026-000002"), null, null, null).rows())
                .extracting(r -> r.title()).containsExactly("Brunch");
        assertThat(app.bookingQuery.page(cora, all.withSearch("BK-2026"), null, null, null).rows()).hasSize(2);
        assertThat(app.bookingQuery.page(cora, all.withSearch("ada brunch"), null, null, null).rows())
                .extracting(r -> r.title()).containsExactly("Brunch");
        assertThat(app.bookingQuery.page(cora, all, BookingStatus.HOLD, SAT.plus(Duration.ofDays(2)), SAT.plus(Duration.ofDays(4)))
                .rows()).extracting(r -> r.title()).containsExactly("Brunch");
    }
}
