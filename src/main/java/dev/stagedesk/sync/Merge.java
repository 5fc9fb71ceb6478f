package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.BOOKING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stagedesk.booking.BookingService.UpdateBookingDetails;
import dev.stagedesk.command.Command;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The endpoint's field rules for an edit based on a version that is no longer current. For a booking's details:
 * edits of different fields merge; notes and the contact on the day go to the later writer by the clock; the same
 * critical field (title, fee, tax) changed on both sides is a conflict, and the endpoint's value stays.
 */
final class Merge {
    private Merge() {
    }

    /**
     * The command to run instead (at the current version, with both sides' changes), or empty when the edit
     * cannot merge and is a conflict.
     */
    static Optional<Command<?>> stale(DSLContext tx, Command<?> command, JsonNode base, Instant at) {
        if (!(command instanceof UpdateBookingDetails u) || base == null || !base.has("row")) {
            return Optional.empty();
        }
        JsonNode was = base.get("row");
        var now = tx.selectFrom(BOOKING).where(BOOKING.ID.eq(u.id())).fetchOne();
        if (now == null || now.getDeletedAt() != null) {
            return Optional.empty();
        }
        // critical fields: both changed, differently -> conflict
        Object title = pick(text(was, "title"), u.title(), now.getTitle());
        Object fee = pick(number(was, "fee_minor"), u.feeMinor(), now.getFeeMinor());
        Object tax = pick(number(was, "tax_rate_bp") == null ? null : number(was, "tax_rate_bp").intValue(),
                u.taxRateBp(), now.getTaxRateBp());
        if (title == CLASH || fee == CLASH || tax == CLASH) {
            return Optional.empty();
        }
        // notes and the contact on the day: last writer by the clock
        boolean laterHere = now.getUpdatedAt() == null || at.isAfter(now.getUpdatedAt());
        String contact = lww(text(was, "contact_on_day"), u.contactOnDay(), now.getContactOnDay(), laterHere);
        String notes = lww(text(was, "notes"), u.notes(), now.getNotes(), laterHere);
        return Optional.of(new UpdateBookingDetails(u.id(), now.getVersion(), (String) title, ((Number) fee).longValue(),
                ((Number) tax).intValue(), contact, notes));
    }

    private static final Object CLASH = new Object();

    /** The merged value of a critical field: whichever side changed it; a clash when both changed it differently. */
    private static Object pick(Object base, Object mine, Object theirs) {
        boolean iChanged = !Objects.equals(normal(base), normal(mine));
        boolean theyChanged = !Objects.equals(normal(base), normal(theirs));
        if (iChanged && theyChanged && !Objects.equals(normal(mine), normal(theirs))) {
            return CLASH;
        }
        return iChanged ? mine : theirs;
    }

    private static String lww(String base, String mine, String theirs, boolean mineIsLater) {
        boolean iChanged = !Objects.equals(base, mine);
        boolean theyChanged = !Objects.equals(base, theirs);
        if (iChanged && theyChanged) {
            return mineIsLater ? mine : theirs;
        }
        return iChanged ? mine : theirs;
    }

    private static Object normal(Object v) {
        return v instanceof Number n ? (Object) n.longValue() : v;
    }

    private static String text(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? null : v.asLong();
    }
}
