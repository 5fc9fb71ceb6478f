package dev.stagedesk.booking;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Never double-book: a performer cannot be assigned to two bookings that overlap. This is the overlap rule;
 * the performers issue adds blocked periods, travel time and the admin override.
 */
final class Conflicts {
    private Conflicts() {
    }

    static void requireFree(DSLContext tx, UUID performerId, UUID bookingId, Instant start, Instant end) {
        var other = tx.select(BOOKING.NUMBER, BOOKING.TITLE).from(ASSIGNMENT).join(BOOKING)
                .on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .where(ASSIGNMENT.PERFORMER_ID.eq(performerId), ASSIGNMENT.BOOKING_ID.ne(bookingId),
                        ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(),
                        BOOKING.STATUS.in("CONFIRMED", "COMPLETED"),
                        ASSIGNMENT.STARTS_AT.lt(end), ASSIGNMENT.ENDS_AT.gt(start))
                .orderBy(ASSIGNMENT.STARTS_AT).limit(1).fetchOne();
        if (other != null) {
            throw new UserFacingException(I18n.tr("booking.performerBusy",
                    BookingService.performerName(tx, performerId), other.value1(), other.value2()));
        }
    }
}
