package dev.stagedesk.notification;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each notification rule on a clock the test moves, and that none fires twice for one event. */
class NotificationRulesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    AppContext app;
    MovableClock clock;
    Actor adam;
    Actor cora;
    Actor anna;
    UUID client;
    UUID nova;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(TestStore.NOW);
        app = TestStore.open(dir, clock);
        app.users.create(Actor.owner(), "adam", "Adam", null, EnumSet.of(Role.ADMIN), null, "adam-pass-1".toCharArray());
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null, "cora-pass-1".toCharArray());
        app.users.create(Actor.owner(), "anna", "Anna", null, EnumSet.of(Role.ACCOUNTANT), null, "anna-pass-1".toCharArray());
        adam = app.users.signIn("adam", "adam-pass-1".toCharArray());
        cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        anna = app.users.signIn("anna", "anna-pass-1".toCharArray());
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
    }

    @AfterEach
    void close() {
        app.close();
    }

    Booking booking(Actor who, BookingStatus status, Instant start, List<UUID> performers) {
        return app.bookings.create(who, new BookingDraft("Gala", client, null, null, start, start.plus(Duration.ofHours(4)),
                "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), status, performers);
    }

    List<String> kindsOf(Actor a) {
        return app.database.dsl().select(NOTIFICATION.KIND).from(NOTIFICATION).where(NOTIFICATION.USER_ID.eq(a.userId()))
                .orderBy(NOTIFICATION.CREATED_AT, NOTIFICATION.ID).fetch(NOTIFICATION.KIND);
    }

    int raise() {
        return app.notifications.raiseDue(Actor.system(), clock.instant());
    }

    @Test
    void anEventWithinSevenDaysWithAnUnassignedSlotIsAnnouncedOnceToAdminsAndCoordinators() {
        Booking open = booking(Actor.owner(), BookingStatus.CONFIRMED, TestStore.NOW.plus(Duration.ofDays(10)), List.of());
        booking(Actor.owner(), BookingStatus.CONFIRMED, TestStore.NOW.plus(Duration.ofDays(9)), List.of(nova)); // fully staffed
        assertThat(raise()).isZero(); // ten days out: not yet
        clock.advance(Duration.ofDays(4));
        assertThat(raise()).isEqualTo(2);
        assertThat(kindsOf(adam)).containsExactly(NotificationKind.EVENT_UNASSIGNED.name());
        assertThat(kindsOf(cora)).containsExactly(NotificationKind.EVENT_UNASSIGNED.name());
        assertThat(kindsOf(anna)).isEmpty();
        var row = app.notificationQuery.page(cora, new PageRequest("", null, false, 0, 10), null, false).rows().get(0);
        assertThat(row.title()).contains(open.number()).contains("1 slot");
        assertThat(row.entityType()).isEqualTo("booking");
        assertThat(row.entityId()).isEqualTo(open.id());
        // the timer runs every minute: the same event is not announced again
        clock.advance(Duration.ofMinutes(1));
        assertThat(raise()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(raise()).isZero();
        assertThat(kindsOf(cora)).hasSize(1);
    }

    @Test
    void aHoldExpiringWithinADayRemindsItsOwnerOnce() {
        Booking held = booking(cora, BookingStatus.HOLD, TestStore.NOW.plus(Duration.ofDays(30)), List.of(nova));
        Instant expires = app.bookings.holds(held.id()).get(0).expiresAt();
        clock.set(expires.minus(Duration.ofHours(25)));
        assertThat(raise()).isZero();
        clock.set(expires.minus(Duration.ofHours(23)));
        assertThat(raise()).isEqualTo(1);
        assertThat(kindsOf(cora)).containsExactly(NotificationKind.HOLD_EXPIRING.name());
        assertThat(kindsOf(adam)).isEmpty(); // the owner's hold, the owner's reminder
        clock.advance(Duration.ofHours(1));
        assertThat(raise()).isZero();
    }

    @Test
    void blockingTimeOverAGigAlreadyBookedIsAConflictFoundOncePerBlockAndBooking() {
        Instant friday = LocalDate.of(2026, 12, 4).atTime(20, 0).atZone(BERLIN).toInstant();
        Booking gig = booking(Actor.owner(), BookingStatus.CONFIRMED, friday, List.of(nova));
        // a block elsewhere in time: nothing
        app.availability.block(Actor.owner(), nova, "Studio", friday.plus(Duration.ofDays(2)),
                friday.plus(Duration.ofDays(3)));
        assertThat(kindsOf(cora)).isEmpty();
        app.availability.block(Actor.owner(), nova, "Vacation", friday.minus(Duration.ofDays(1)),
                friday.plus(Duration.ofDays(1)));
        assertThat(kindsOf(cora)).containsExactly(NotificationKind.CONFLICT_FOUND.name());
        assertThat(kindsOf(adam)).containsExactly(NotificationKind.CONFLICT_FOUND.name());
        var n = app.notificationQuery.page(cora, new PageRequest("", null, false, 0, 10), null, false).rows().get(0);
        assertThat(n.body()).contains("DJ Nova").contains("Vacation").contains(gig.number());
        // a weekly block on Fridays evenings is a conflict too; one on Mondays is not
        app.availability.blockWeekly(Actor.owner(), nova, "Choir", DayOfWeek.MONDAY, LocalTime.of(19, 0),
                LocalTime.of(23, 0));
        assertThat(kindsOf(cora)).hasSize(1);
        app.availability.blockWeekly(Actor.owner(), nova, "Training", DayOfWeek.FRIDAY, LocalTime.of(21, 0),
                LocalTime.of(22, 0));
        assertThat(kindsOf(cora)).hasSize(2);
        assertThat(raise()).isZero(); // the timer does not announce them again
        assertThat(kindsOf(cora)).hasSize(2);
    }

    @Test
    void aPaymentReceivedTellsAdminsAndAccountantsButNotWhoRecordedIt() {
        Booking b = booking(Actor.owner(), BookingStatus.CONFIRMED, TestStore.NOW.plus(Duration.ofDays(40)), List.of());
        app.bus.execute(anna, new PaymentService.RecordPayment(b.id(), "DEPOSIT", 20_000, "BANK_TRANSFER",
                LocalDate.of(2026, 11, 21), "TRX-1", null, null));
        assertThat(kindsOf(adam)).containsExactly(NotificationKind.PAYMENT_RECEIVED.name());
        assertThat(kindsOf(anna)).isEmpty();
        assertThat(kindsOf(cora)).isEmpty();
        var n = app.notificationQuery.page(adam, new PageRequest("", null, false, 0, 10), null, false).rows().get(0);
        assertThat(n.title()).contains("200.00").contains(b.number());
        // a refund is money out: no "received"
        app.bus.execute(anna, new PaymentService.RecordPayment(b.id(), "REFUND", 5_000, "BANK_TRANSFER",
                LocalDate.of(2026, 11, 21), null, null, null));
        assertThat(kindsOf(adam)).hasSize(1);
    }

    @Test
    void aKindTurnedOffIsNotRaisedForThatUserAndTheTimerDoesNotChurnOnIt() {
        app.notifications.choose(cora, new HashSet<>(Notifications.KINDS.stream()
                .filter(k -> !k.equals(NotificationKind.EVENT_UNASSIGNED.name())).toList()));
        app.notifications.choose(adam, Set.of(NotificationKind.PAYMENT_RECEIVED.name()));
        assertThat(app.notificationQuery.wanted(cora)).doesNotContain(NotificationKind.EVENT_UNASSIGNED.name())
                .hasSize(Notifications.KINDS.size() - 1);
        booking(Actor.owner(), BookingStatus.CONFIRMED, TestStore.NOW.plus(Duration.ofDays(3)), List.of());
        int audit = app.database.dsl().fetchCount(AUDIT_LOG);
        assertThat(raise()).isZero();
        assertThat(raise()).isZero();
        assertThat(app.database.dsl().fetchCount(AUDIT_LOG)).isEqualTo(audit); // nothing to say: no command ran
        assertThat(kindsOf(cora)).isEmpty();
        // turned on again, the event is announced
        app.notifications.choose(cora, new HashSet<>(Notifications.KINDS));
        assertThat(raise()).isEqualTo(1);
        assertThat(kindsOf(cora)).containsExactly(NotificationKind.EVENT_UNASSIGNED.name());
        assertThatThrownBy(() -> app.notifications.choose(cora, Set.of("NOPE")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("NOPE");
    }

    @Test
    void eachUserReadsMarksAndDeletesOnlyTheirOwnNotifications() {
        booking(Actor.owner(), BookingStatus.CONFIRMED, TestStore.NOW.plus(Duration.ofDays(2)), List.of());
        booking(Actor.owner(), BookingStatus.CONFIRMED, TestStore.NOW.plus(Duration.ofDays(3)), List.of());
        assertThat(raise()).isEqualTo(4);
        assertThat(app.notificationQuery.unreadCount(cora)).isEqualTo(2);
        List<UUID> coras = app.notificationQuery.page(cora, new PageRequest("", null, false, 0, 10), null, false)
                .rows().stream().map(NotificationQuery.Row::id).toList();
        // adam cannot touch cora's
        assertThat(app.notifications.markRead(adam, coras, true)).isZero();
        assertThat(app.notifications.delete(adam, coras)).isZero();
        assertThat(app.notifications.markRead(cora, coras.subList(0, 1), true)).isEqualTo(1);
        assertThat(app.notificationQuery.unreadCount(cora)).isEqualTo(1);
        assertThat(app.notificationQuery.page(cora, new PageRequest("", null, false, 0, 10), null, true).rows())
                .hasSize(1);
        assertThat(app.notifications.markAllRead(cora, null)).isEqualTo(1);
        assertThat(app.notificationQuery.unreadCount(cora)).isZero();
        assertThat(app.notificationQuery.unreadCount(adam)).isEqualTo(2);
        assertThat(app.notifications.delete(cora, coras)).isEqualTo(2);
        assertThat(app.notificationQuery.page(cora, new PageRequest("", null, false, 0, 10), null, false).rows())
                .isEmpty();
        // deleted is not forgotten: the rule does not announce the same events again
        assertThat(raise()).isZero();
        assertThat(app.notificationQuery.digest(adam).unread()).isEqualTo(2);
        assertThat(app.notificationQuery.digest(adam).unreadByKind()).containsEntry(NotificationKind.EVENT_UNASSIGNED.name(), 2);
    }
}
