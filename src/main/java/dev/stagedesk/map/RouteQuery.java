package dev.stagedesk.map;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.ROUTE_STOP;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.ConflictCheck.Travel;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A performer's day as stops: their gigs that start that (local) day, at their venues, and the places of their
 * own added for the day, in the saved order when the day was saved (stops added since come after, by time),
 * else by time.
 */
public final class RouteQuery {
    private final DSLContext dsl;

    public RouteQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The day: whose, their home base (may be null), the stops in order, whether an order was saved. */
    public record Day(UUID performerId, String performer, LocalDate day, ZoneId zone, GeoPoint home, List<Route.Stop> stops,
                      boolean saved, Travel travel) {
        public Route.Schedule schedule() {
            return Route.schedule(home, stops, travel);
        }
    }

    public Day day(Actor actor, UUID performerId, LocalDate day) {
        return day(dsl, actor, performerId, day);
    }

    /**
     * A performer's visit to a place of their own (a street performance), as the calendar and the .ics file show
     * it: from its planned start when the day's order was saved, else from the start of its window, for its stay.
     */
    public record PlaceVisit(UUID id, UUID performerId, String performer, String label, GeoPoint point, Instant start,
                             Instant end, Instant windowStart, Instant windowEnd, boolean planned, int version,
                             boolean removed) {
    }

    /** The most visits one range returns (the calendar's range cap is of the same size). */
    public static final int MAX_VISITS = 3_000;

    /**
     * The visits starting in [from, to) of one performer, or of every performer ({@code performerId} null, which
     * needs the right to see all bookings); a performer reads their own only. Oldest first. {@code removed} adds
     * the places taken off a route (for an .ics file, so that calendars drop them).
     */
    public List<PlaceVisit> places(Actor actor, UUID performerId, Instant from, Instant to) {
        return places(actor, performerId, from, to, false);
    }

    public List<PlaceVisit> places(Actor actor, UUID performerId, Instant from, Instant to, boolean removed) {
        if (performerId == null || !performerId.equals(actor.performerId())) {
            actor.require(Permission.BOOKINGS_VIEW_ALL);
        }
        var start = DSL.coalesce(ROUTE_STOP.PLANNED_START, ROUTE_STOP.WINDOW_START);
        var which = ROUTE_STOP.BOOKING_ID.isNull().and(removed ? DSL.trueCondition()
                        : ROUTE_STOP.DELETED_AT.isNull())
                // a day's stops start within a day or two of it: the day bounds the range for the index
                .and(ROUTE_STOP.ROUTE_DAY.between(LocalDate.ofInstant(from, ZoneOffset.UTC).minusDays(2),
                        LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(2)))
                .and(start.ge(from)).and(start.lt(to));
        if (performerId != null) {
            which = which.and(ROUTE_STOP.PERFORMER_ID.eq(performerId));
        }
        return dsl.select(ROUTE_STOP.ID, ROUTE_STOP.PERFORMER_ID, PERFORMER.STAGE_NAME, ROUTE_STOP.LABEL,
                        ROUTE_STOP.LATITUDE, ROUTE_STOP.LONGITUDE, start, ROUTE_STOP.STAY_MINUTES,
                        ROUTE_STOP.WINDOW_START, ROUTE_STOP.WINDOW_END, ROUTE_STOP.PLANNED_START,
                        ROUTE_STOP.VERSION, ROUTE_STOP.DELETED_AT)
                .from(ROUTE_STOP).join(PERFORMER).on(PERFORMER.ID.eq(ROUTE_STOP.PERFORMER_ID))
                .where(which.and(PERFORMER.DELETED_AT.isNull()))
                .orderBy(start, ROUTE_STOP.ID).limit(MAX_VISITS)
                .fetch(r -> new PlaceVisit(r.value1(), r.value2(), r.value3(), r.value4(),
                        GeoPoint.orNull(r.value5(), r.value6()), r.value7(),
                        r.value7().plus(Duration.ofMinutes(r.value8())), r.value9(), r.value10(), r.value11() != null,
                        r.value12(), r.value13() != null));
    }

    static Day day(DSLContext dsl, Actor actor, UUID performerId, LocalDate day) {
        if (!performerId.equals(actor.performerId())) {
            actor.require(Permission.BOOKINGS_VIEW_ALL); // a performer reads their own day only
        }
        var p = dsl.select(PERFORMER.STAGE_NAME, PERFORMER.HOME_LATITUDE, PERFORMER.HOME_LONGITUDE).from(PERFORMER)
                .where(PERFORMER.ID.eq(performerId), PERFORMER.DELETED_AT.isNull()).fetchOptional()
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.performer"),
                        performerId)));
        ZoneId zone = AgencyFacts.zone(dsl);
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Integer> position = new HashMap<>();
        List<Route.Stop> stops = new ArrayList<>();
        boolean[] saved = {false}; // a saved order gives every stop a planned start
        dsl.selectFrom(ROUTE_STOP).where(ROUTE_STOP.PERFORMER_ID.eq(performerId), ROUTE_STOP.ROUTE_DAY.eq(day),
                        ROUTE_STOP.DELETED_AT.isNull()).orderBy(ROUTE_STOP.POSITION)
                .forEach(r -> {
                    saved[0] |= r.getPlannedStart() != null;
                    if (r.getBookingId() != null) {
                        position.put("booking:" + r.getBookingId(), r.getPosition());
                    } else {
                        String key = "stop:" + r.getId();
                        position.put(key, r.getPosition());
                        stops.add(new Route.Stop(key, r.getLabel(), new GeoPoint(r.getLatitude(), r.getLongitude()),
                                r.getWindowStart(), r.getWindowEnd(), r.getStayMinutes()));
                    }
                });
        dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, VENUE.NAME, VENUE.LATITUDE, VENUE.LONGITUDE,
                        ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID))
                .where(ASSIGNMENT.PERFORMER_ID.eq(performerId), ASSIGNMENT.STARTS_AT.ge(start),
                        ASSIGNMENT.STARTS_AT.lt(end), ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(),
                        BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .forEach(r -> stops.add(new Route.Stop("booking:" + r.value1(),
                        r.value2() + " " + r.value3() + (r.value4() == null ? "" : " @ " + r.value4()),
                        GeoPoint.orNull(r.value5(), r.value6()), r.value7(), r.value7(),
                        (int) Math.min(1440, Duration.between(r.value7(), r.value8()).toMinutes()))));
        Comparator<Route.Stop> byTime = Comparator.comparing(Route.Stop::windowStart).thenComparing(Route.Stop::key);
        Comparator<Route.Stop> order = saved[0]
                ? Comparator.<Route.Stop>comparingInt(s -> position.getOrDefault(s.key(), Integer.MAX_VALUE))
                        .thenComparing(byTime)
                : byTime;
        stops.sort(order);
        return new Day(performerId, p.value1(), day, zone, GeoPoint.orNull(p.value2(), p.value3()), List.copyOf(stops),
                saved[0], Travel.of(dsl));
    }
}
