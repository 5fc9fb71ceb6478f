package dev.stagedesk.performer;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_UNAVAILABILITY;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A performer's month, day by day, in the agency's zone: blocked (a blocked period or a weekly block that day),
 * booked (a confirmed or completed gig), on hold (a gig of a held booking, or an active hold), else free. Also
 * the blocks themselves, so the availability view can list and remove them.
 */
public final class PerformerMonth {
    public enum DayState { FREE, HOLD, BOOKED, BLOCKED }

    /** A blocked period (dated) or a weekly block; {@code day} 1 = Monday, null for a dated one. */
    public record Block(UUID id, String reason, Instant startsAt, Instant endsAt, Integer day, LocalTime from,
                        LocalTime to) {
    }

    public record Month(YearMonth month, Map<LocalDate, DayState> days, List<Block> blocks) {
    }

    private final DSLContext dsl;

    public PerformerMonth(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Month month(Actor actor, UUID performerId, YearMonth month, ZoneId zone) {
        if (!actor.can(Permission.PERFORMERS_VIEW) && !performerId.equals(actor.performerId())) {
            throw new PermissionDeniedException(Permission.PERFORMERS_VIEW);
        }
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, DayState> days = new TreeMap<>();
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            days.put(d, DayState.FREE);
        }
        dsl.select(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT, BOOKING.STATUS).from(ASSIGNMENT).join(BOOKING)
                .on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .where(ASSIGNMENT.PERFORMER_ID.eq(performerId), ASSIGNMENT.DELETED_AT.isNull(),
                        ASSIGNMENT.STARTS_AT.lt(end), ASSIGNMENT.ENDS_AT.gt(start), BOOKING.DELETED_AT.isNull(),
                        BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .forEach(r -> mark(days, r.value1(), r.value2(), zone,
                        BookingStatus.HOLD.name().equals(r.value3()) ? DayState.HOLD : DayState.BOOKED));
        dsl.select(BOOKING.STARTS_AT, BOOKING.ENDS_AT).from(HOLD).join(BOOKING).on(BOOKING.ID.eq(HOLD.BOOKING_ID))
                .where(HOLD.PERFORMER_ID.eq(performerId), HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.DELETED_AT.isNull(),
                        BOOKING.STARTS_AT.lt(end), BOOKING.ENDS_AT.gt(start), BOOKING.DELETED_AT.isNull())
                .forEach(r -> mark(days, r.value1(), r.value2(), zone, DayState.HOLD));
        List<Block> blocks = new ArrayList<>();
        dsl.selectFrom(PERFORMER_UNAVAILABILITY).where(PERFORMER_UNAVAILABILITY.PERFORMER_ID.eq(performerId),
                        PERFORMER_UNAVAILABILITY.DELETED_AT.isNull())
                .orderBy(PERFORMER_UNAVAILABILITY.DAY_OF_WEEK.nullsFirst(), PERFORMER_UNAVAILABILITY.STARTS_AT)
                .forEach(u -> {
                    blocks.add(new Block(u.getId(), u.getReason(), u.getStartsAt(), u.getEndsAt(), u.getDayOfWeek(),
                            u.getLocalStart(), u.getLocalEnd()));
                    if (u.getDayOfWeek() != null) {
                        days.keySet().stream().filter(d -> d.getDayOfWeek().getValue() == u.getDayOfWeek())
                                .forEach(d -> days.put(d, DayState.BLOCKED));
                    } else if (u.getStartsAt().isBefore(end) && u.getEndsAt().isAfter(start)) {
                        mark(days, u.getStartsAt(), u.getEndsAt(), zone, DayState.BLOCKED);
                    }
                });
        return new Month(month, days, blocks);
    }

    /** Every day the window touches (its end is exclusive) takes the state, unless it has a stronger one. */
    private static void mark(Map<LocalDate, DayState> days, Instant s, Instant e, ZoneId zone, DayState state) {
        LocalDate last = e.minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = s.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            days.computeIfPresent(d, (k, was) -> was.ordinal() >= state.ordinal() ? was : state);
        }
    }
}
