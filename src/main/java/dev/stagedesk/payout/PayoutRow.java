package dev.stagedesk.payout;

import dev.stagedesk.booking.PayoutStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One performer's payout for one gig, with what people recognise the gig by: the event's title, the client and
 * the date in the event's own time zone.
 */
public record PayoutRow(UUID id, String performer, String bookingNumber, Instant gigStart, String role,
                        long payoutMinor, String currency, int commissionBp, PayoutStatus status,
 LocalDate paidOn,
                        String event, String client, String timeZone) {
}
