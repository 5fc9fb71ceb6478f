package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.payment.PaymentState;
import java.time.Instant;
import java.util.UUID;

/**
 * A booking in a list. {@code feeMinor} and {@code paymentState} are null for a reader who may not see every booking
 * (a performer). {@code version} is the booking's version when the row was read: an action on the row sends it, so a
 * change saved meanwhile by someone else is refused instead of overwritten.
 */
public record BookingRow(UUID id, String number, BookingStatus status, String title, String clientName, String venueName,
                         String city, Instant startsAt, Instant endsAt, String timeZone, Long feeMinor,
                         String currency, int slotsNeeded, PaymentState paymentState, int version) {

    BookingRow withoutFee() {
        return new BookingRow(id, number, status, title, clientName, venueName, city, startsAt, endsAt, timeZone, null,
                currency, slotsNeeded, null, version);
    }
}
