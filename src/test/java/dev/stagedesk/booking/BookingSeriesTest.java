package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.venue.VenueDraft;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Residencies (series), editing a booking's details, and the list's filters. */
class BookingSeriesTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The first Friday of January 2027, 21:00 in Berlin. */
    static final Instant FIRST = LocalDate.of(2027, 1, 1).atTime(21, 0).atZone(BERLIN).toInstant();

    @TempDir
    Path dir;
    AppContext app;
    Actor owner = Actor.owner();
    UUID client;
    UUID nova;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir, new MovableClock(TestStore.NOW));
        client = app.clients.create(owner, ClientDraft.of(ClientKind.PERSON, "Blue Note Bar")).id();
        nova = app.performers.create(owner, new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"), List.of(),
                50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private BookingDraft first() {
        return new BookingDraft("Friday residency", client, null, null, FIRST, FIRST.plus(Duration.ofHours(3)),
                "Europe/Berlin", "EUR", 80_000, 1900, 1, null, null);
    }

    @Test
    void everyFirstFridayForSixMonthsGivesSixLinkedBookingsAtTheSameLocalTime() {
        var rule = new SeriesRule(SeriesRule.Frequency.MONTHLY_WEEKDAY, 1, LocalDate.of(2027, 6, 30));
        List<Booking> made = app.bus.execute(owner, new BookingService.CreateSeries(first(), BookingStatus.CONFIRMED, List.of(nova), rule));
        assertThat(made).hasSize(6);
        for (Booking b : made) {
            var local = b.startsAt().atZone(BERLIN);
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(local.getDayOfMonth()).isLessThanOrEqualTo(7);
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(21, 0)); // across the DST change in March
        }
        assertThat(made).extracting(Booking::number).doesNotHaveDuplicates();
        BookingDetail d = app.bookingDetails.load(owner, made.get(2).id());
        assertThat(d.seriesDescription()).isEqualTo("Friday residency — Every first Friday of the month, until 30 Jun 2027");
        var inSeries = app.bookingQuery.page(owner, PageRequest.first(50), new BookingFilter(null, null, null, null,
                null, null, null, d.seriesId()));
        assertThat(inSeries.rows()).hasSize(6);
    }

    @Test
    void editingAllTogetherChangesTheOpenOnesAndEditingOneChangesOnlyIt() {
        var rule = new SeriesRule(SeriesRule.Frequency.WEEKLY, 2, LocalDate.of(2027, 2, 26));
        List<Booking> made = app.bus.execute(owner, new BookingService.CreateSeries(first(), BookingStatus.HOLD, List.of(), rule));
        assertThat(made).hasSize(5); // Jan 1, 15, 29, Feb 12, 26
        Booking one = made.get(1);
        app.bus.execute(owner, new BookingService.UpdateBookingDetails(one.id(), one.version(), "Special night", 95_000,
                1900, "Ask for Lou", null));
        UUID series = app.bookingDetails.load(owner, one.id()).seriesId();
        app.bus.execute(owner, new BookingService.CancelBooking(made.get(4).id(), made.get(4).version(), "Venue closed",
                null));
        List<Booking> changed = app.bus.execute(owner, new BookingService.UpdateSeries(series, null, 90_000L, null,
                null, "Bring the blue lights", LocalTime.of(22, 0), 120));
        assertThat(changed).hasSize(4); // the cancelled one is left alone
        for (Booking b : changed) {
            assertThat(b.startsAt().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(22, 0));
            assertThat(Duration.between(b.startsAt(), b.endsAt())).isEqualTo(Duration.ofHours(2));
            assertThat(b.feeMinor()).isEqualTo(90_000);
            assertThat(b.notes()).isEqualTo("Bring the blue lights");
        }
        Booking special = app.bookings.find(one.id());
        assertThat(special.title()).isEqualTo("Special night"); // its own title kept
        assertThat(special.contactOnDay()).isEqualTo("Ask for Lou");
        assertThat(app.bookingDetails.load(owner, one.id()).scheduleChanges()).hasSize(1);
        assertThat(app.bookings.find(made.get(4).id()).status()).isEqualTo(BookingStatus.CANCELLED);
        // a second series-wide cancel cancels the four still open
        assertThat(app.bus.execute(owner, new BookingService.CancelSeries(series, "Residency ended"))).hasSize(4);
    }

    @Test
    void badSeriesAndDetailsAreRefusedWithTheField() {
        assertThatThrownBy(() -> app.bus.execute(owner, new BookingService.CreateSeries(first(), BookingStatus.HOLD, List.of(),
                new SeriesRule(SeriesRule.Frequency.WEEKLY, 1, LocalDate.of(2026, 12, 1)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("end must be on or after");
        assertThatThrownBy(() -> app.bus.execute(owner, new BookingService.CreateSeries(first(), BookingStatus.HOLD, List.of(),
                new SeriesRule(SeriesRule.Frequency.WEEKLY, 1, LocalDate.of(2030, 1, 1)))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 104");
        assertThat(app.database.dsl().fetchCount(Tables.BOOKING)).isZero();
        Booking b = app.bookings.create(owner, first(), BookingStatus.HOLD, List.of());
        assertThatThrownBy(() -> app.bus.execute(owner, new BookingService.UpdateBookingDetails(b.id(), b.version(), " ",
                -5, 20_000, null, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactly("title", "fee", "taxRate"));
        assertThatThrownBy(() -> app.bus.execute(owner, new BookingService.UpdateBookingDetails(b.id(), b.version() + 1,
                "X", 1, 0, null, null))).isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void listFiltersByClientVenuePerformerAndPaymentState() {
        UUID other = app.clients.create(owner, ClientDraft.of(ClientKind.PERSON, "Zed")).id();
        UUID hall = app.venues.create(owner, VenueDraft.of("Great Hall", "Berlin")).id();
        Booking a = app.bookings.create(owner, first(), BookingStatus.CONFIRMED, List.of(nova));
        Booking b = app.bookings.create(owner, new BookingDraft("Wedding", other, hall, null, FIRST.plus(Duration.ofDays(1)),
                FIRST.plus(Duration.ofDays(1)).plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 0, 1, null,
                null), BookingStatus.HOLD, List.of());
        PageRequest all = PageRequest.first(50);
        assertThat(app.bookingQuery.page(owner, all, new BookingFilter(null, null, null, client, null, null, null, null))
                .rows()).extracting(BookingRow::id).containsExactly(a.id());
        assertThat(app.bookingQuery.page(owner, all, new BookingFilter(null, null, null, null, hall, null, null, null))
                .rows()).extracting(BookingRow::id).containsExactly(b.id());
        assertThat(app.bookingQuery.page(owner, all, new BookingFilter(null, null, null, null, null, nova, null, null))
                .rows()).extracting(BookingRow::id).containsExactly(a.id());
        assertThat(app.bookingQuery.page(owner, all, new BookingFilter(null, null, null, null, null, null, PaymentState.UNPAID, null))
                .rows()).hasSize(2);
        assertThat(app.bookingQuery.page(owner, all, new BookingFilter(null, null, null, null, null, null, PaymentState.PAID, null))
                .rows()).isEmpty();
        var row = app.bookingQuery.page(owner, all, BookingFilter.NONE).rows().get(0);
        assertThat(row.paymentState()).isEqualTo(PaymentState.UNPAID);
        assertThat(app.bookingDetails.load(owner, a.id()).totalMinor()).isEqualTo(95_200); // 800.00 + 19 %
    }
}
