package dev.stagedesk.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking in a list. {@code feeMinor} and {@code paymentState} are null for a reader who may not see every booking (a performer).
 * {@code version}: the booking's version when the row was read; a command made from the row carries it, so a change
 * saved meanwhile is refused rather than overwritten.
 */
public record BookingRow(UUID id, String number, String status, String title, String clientName, String venueName,
                         String city, Instant startsAt, Instant endsAt, String timeZone, Long feeMinor,
                         String currency, int slotsNeeded, String paymentState, int version) {

    BookingRow withoutFee() {
        return new BookingRow(id, number, status, title, clientName, venueName, city, startsAt, endsAt, timeZone, null,
                currency, slotsNeeded, null, version);
    }
}
