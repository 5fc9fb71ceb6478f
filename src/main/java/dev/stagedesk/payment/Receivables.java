package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.OPEN_RECEIVABLE;

import java.util.UUID;
import org.jooq.DSLContext;

/** Keeps {@code open_receivable} (what a booking still owes on its invoices) true to the booking, in the caller's transaction. */
public final class Receivables {
    private Receivables() {
    }

    public static void refresh(DSLContext tx, UUID bookingId) {
        var b = tx.select(BOOKING.RECEIVABLE_MINOR, BOOKING.CURRENCY, BOOKING.DELETED_AT).from(BOOKING)
                .where(BOOKING.ID.eq(bookingId)).fetchOne();
        tx.deleteFrom(OPEN_RECEIVABLE).where(OPEN_RECEIVABLE.BOOKING_ID.eq(bookingId)).execute();
        if (b != null && b.value3() == null && b.value1() != null && b.value1() > 0) {
            tx.insertInto(OPEN_RECEIVABLE).set(OPEN_RECEIVABLE.BOOKING_ID, bookingId).set(OPEN_RECEIVABLE.CURRENCY, b.value2())
                    .set(OPEN_RECEIVABLE.AMOUNT_MINOR, b.value1()).execute();
        }
    }

    /** {@link #refresh} for many bookings at once, set-based (a first sync derives them for a whole store). */
    public static void refreshAll(DSLContext tx, java.util.Collection<UUID> bookingIds) {
        java.util.List<UUID> all = new java.util.ArrayList<>(bookingIds);
        for (int from = 0; from < all.size(); from += 1000) {
            var part = all.subList(from, Math.min(all.size(), from + 1000));
            tx.deleteFrom(OPEN_RECEIVABLE).where(OPEN_RECEIVABLE.BOOKING_ID.in(part)).execute();
            tx.insertInto(OPEN_RECEIVABLE, OPEN_RECEIVABLE.BOOKING_ID, OPEN_RECEIVABLE.CURRENCY,
                    OPEN_RECEIVABLE.AMOUNT_MINOR).select(tx.select(BOOKING.ID, BOOKING.CURRENCY, BOOKING.RECEIVABLE_MINOR)
                    .from(BOOKING).where(BOOKING.ID.in(part), BOOKING.DELETED_AT.isNull(),
                            BOOKING.RECEIVABLE_MINOR.gt(0L))).execute();
        }
    }
}
