package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.payment.PaymentState;
import java.time.Instant;
import java.util.UUID;

/**
 * What the bookings list is narrowed to; null means "any". {@code from}/{@code to}: bookings that overlap the
 * window. {@code paymentState}: UNPAID, PARTLY_PAID or PAID. {@code performerId}: assigned or held for.
 */
public record BookingFilter(BookingStatus status, Instant from, Instant to, UUID clientId, UUID venueId, UUID performerId,
                            PaymentState paymentState, UUID seriesId) {

    public static final BookingFilter NONE = new BookingFilter(null, null, null, null, null, null, null, null);
}
