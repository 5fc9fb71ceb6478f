package dev.stagedesk.common;

import java.time.Duration;

/**
 * How long a booking may last: the booking feature's rule, kept here because the catalogue (below bookings) holds
 * its packages to it too.
 */
public final class BookingLimits {
    /** A booking lasts at most this long (a festival, a residency's block); the queries look back this far. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    private BookingLimits() {
    }
}
