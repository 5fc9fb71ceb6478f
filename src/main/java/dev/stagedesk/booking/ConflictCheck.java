package dev.stagedesk.booking;

import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_UNAVAILABILITY;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.Durations;
import dev.stagedesk.common.I18n;
import dev.stagedesk.ui.Format;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Never double-book. For a performer and a booking window, the conflicts are:
 * <ol>
 *   <li>overlap with another booking the performer is assigned to (hold or confirmed, not cancelled), or holds;</li>
 *   <li>a blocked period (dated, or weekly in the booking's time zone);</li>
 *   <li>travel: the gap to the gig before or after (within a day) is shorter than the road distance between
 *   the venues over the average speed (both in Settings) plus the set-up buffer. The same venue needs no travel,
 *   so back-to-back there is fine; venues without coordinates cannot be measured and are not flagged.</li>
 *   <li>a radius clause: a booking that says "no other show within X km within Y days" (its own, or another gig's
 *   of the performer) and a gig of the performer that is that close in both (days counted between the local
 *   dates, 0 = the same day).</li>
 * </ol>
 * Each conflict names the other booking (or the blocked period) and why. Windows are half-open: a gig ending at
 * 22:00 and one starting at 22:00 do not overlap. One set of queries answers for one performer or for all
 * of them at once ({@link #find} with {@code null}), so "who is available" costs what one check costs.
 */
public final class ConflictCheck {
    /** How far around a gig the travel rule looks for the one before and the one after. */
    static final Duration NEIGHBOUR = Duration.ofHours(24);

    private ConflictCheck() {
    }

    public enum Kind { OVERLAP, HOLD, BLOCKED, TRAVEL, RADIUS }

    /**
     * One reason a performer cannot play the window. {@code otherBookingId} is null for a blocked period. The
     * message is worded when asked for: "who is available" finds hundreds of conflicts and shows none.
     */
    public record Conflict(Kind kind, UUID performerId, String performer, UUID otherBookingId, String otherNumber,
                           Supplier<String> wording) {
        public String message() {
            return wording.get();
        }
    }

    /**
     * The travel settings: road distance = straight distance × factor; minutes = road km / speed × 60. A leg over
     * {@link #FLIGHT_FROM_KM} straight-line km (Berlin → Montréal, or across a sea) is a flight instead: the
     * great-circle distance at {@link #FLIGHT_KMH} plus {@link #AIRPORT_MINUTES} at the airports (docs/USER_GUIDE.md,
     * Settings → Map &amp; travel).
     */
    public record Travel(int roadFactorPct, int averageSpeedKmh, int setupBufferMinutes) {
        /** Straight-line distance above which a leg is flown. */
        public static final double FLIGHT_FROM_KM = 800;
        /** Average speed of a flight, gate to gate. */
        public static final int FLIGHT_KMH = 800;
        /** Getting to, through and out of two airports. */
        public static final int AIRPORT_MINUTES = 180;

        public static Travel of(DSLContext dsl) {
            var a = dsl.select(AGENCY.ROAD_FACTOR_PCT, AGENCY.AVERAGE_SPEED_KMH, AGENCY.SETUP_BUFFER_MINUTES).from(AGENCY)
                    .limit(1).fetchOne();
            return a == null ? new Travel(130, 60, 60) : new Travel(a.value1(), a.value2(), a.value3());
        }

        /** Minutes between two points (by road, or by air over {@link #FLIGHT_FROM_KM}), rounded up. */
        public long minutes(double straightKm) {
            if (flies(straightKm)) {
                return (long) Math.ceil(straightKm / FLIGHT_KMH * 60.0) + AIRPORT_MINUTES;
            }
            double roadKm = straightKm * roadFactorPct / 100.0;
            return (long) Math.ceil(roadKm / Math.max(1, averageSpeedKmh) * 60.0);
        }

        /** Whether a leg of this straight-line length is estimated as a flight. */
        public static boolean flies(double straightKm) {
            return straightKm > FLIGHT_FROM_KM;
        }
    }

    /** The window to check: a booking (or a booking about to be created/moved, id may be null) at a venue. */
    public record Window(UUID bookingId, Instant start, Instant end, UUID venueId, ZoneId zone) {
    }

    /** Great-circle distance in km. */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** Conflicts of one performer. */
    public static List<Conflict> find(DSLContext tx, UUID performerId, Window w, boolean includeHolds) {
        return find(tx, List.of(performerId), w, includeHolds).getOrDefault(performerId, List.of());
    }

    /**
     * Conflicts by performer, for {@code performers} (null: everyone with a gig, hold or block near the window).
     * {@code includeHolds}: other bookings' active holds count (a confirmation leaves them to the hold ranking).
     */
    public static Map<UUID, List<Conflict>> find(DSLContext tx, Collection<UUID> performers, Window w,
                                                 boolean includeHolds) {
        Map<UUID, List<Conflict>> out = new LinkedHashMap<>();
        Condition who = performers == null ? DSL.noCondition() : ASSIGNMENT.PERFORMER_ID.in(performers);
        UUID self = w.bookingId() == null ? new UUID(0, 0) : w.bookingId();
        // 1 + 3: the gigs from a day before to a day after, off the assignment's (performer, start) index for one
        // performer or its start index (V8) for all. The lookback covers the longest gig stored (V9 keeps the
        // lengths indexed): usually hours, not the 31 days a booking may last
        Instant near0 = w.start().minus(NEIGHBOUR);
        Instant near1 = w.end().plus(NEIGHBOUR);
        Duration longestGig = longest(tx, ASSIGNMENT, ASSIGNMENT.LENGTH_MINUTES);
        List<Gig> gigs = tx.select(ASSIGNMENT.PERFORMER_ID, PERFORMER.STAGE_NAME, ASSIGNMENT.STARTS_AT,
                        ASSIGNMENT.ENDS_AT, BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, BOOKING.VENUE_ID, VENUE.NAME,
                        VENUE.LATITUDE, VENUE.LONGITUDE)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID))
                .where(who, ASSIGNMENT.STARTS_AT.gt(near0.minus(longestGig)), ASSIGNMENT.STARTS_AT.lt(near1),
                        ASSIGNMENT.ENDS_AT.gt(near0), ASSIGNMENT.DELETED_AT.isNull(), ASSIGNMENT.BOOKING_ID.ne(self),
                        BOOKING.DELETED_AT.isNull(),
                        // "not cancelled" rather than IN (hold, confirmed, completed): with IN, H2 started from
                        // the bookings' status index (all of them) instead of the assignments near the window
                        BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .orderBy(ASSIGNMENT.STARTS_AT).fetch(r -> new Gig(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11()));
        Map<UUID, Gig> before = new HashMap<>();
        Map<UUID, Gig> after = new HashMap<>();
        for (Gig g : gigs) {
            if (g.start().isBefore(w.end()) && g.end().isAfter(w.start())) {
                add(out, new Conflict(Kind.OVERLAP, g.performerId(), g.performer(), g.bookingId(), g.number(),
                        () -> I18n.tr("conflict.overlap", g.performer(), g.number(), g.title(),
                                when(g.start(), g.end(), w.zone()))));
            } else if (!g.end().isAfter(w.start())) {
                before.merge(g.performerId(), g, (a, b) -> a.end().isBefore(b.end()) ? b : a);
            } else {
                after.putIfAbsent(g.performerId(), g); // in start order: the first is the next gig
            }
        }
        var here = w.venueId() == null || (before.isEmpty() && after.isEmpty()) ? null
                : tx.select(VENUE.NAME, VENUE.LATITUDE, VENUE.LONGITUDE).from(VENUE).where(VENUE.ID.eq(w.venueId()))
                        .fetchOne();
        if (here != null && here.value2() != null && here.value3() != null) {
            Travel travel = Travel.of(tx);
            for (var side : List.of(before, after)) {
                for (Gig g : side.values()) {
                    if (w.venueId().equals(g.venueId()) || g.latitude() == null || g.longitude() == null) {
                        continue;
                    }
                    long gap = side == before ? Duration.between(g.end(), w.start()).toMinutes()
                            : Duration.between(w.end(), g.start()).toMinutes();
                    double km = km(here.value2(), here.value3(), g.latitude(), g.longitude());
                    long road = travel.minutes(km);
                    if (gap < road + travel.setupBufferMinutes()) {
                        add(out, new Conflict(Kind.TRAVEL, g.performerId(), g.performer(), g.bookingId(), g.number(),
                                () -> I18n.tr((side == before ? "conflict.travelFrom" : "conflict.travelTo")
                                                + (Travel.flies(km) ? "ByAir" : ""), g.performer(),
                                        g.number(), g.venue(), here.value1(), Math.round(km), Durations.minutes(road),
                                        Durations.minutes(travel.setupBufferMinutes()), Durations.minutes(gap))));
                    }
                }
            }
        }
        // holds of other bookings that overlap
        if (includeHolds) {
            Condition holdWho = performers == null ? HOLD.PERFORMER_ID.isNotNull() : HOLD.PERFORMER_ID.in(performers);
            Instant since = w.start().minus(longest(tx, BOOKING, BOOKING.LENGTH_MINUTES));
            Condition inWindow;
            if (performers == null) {
                // everyone: from the bookings in the window, as a sub-query (joined, H2 began with every active hold)
                var nb = BOOKING.as("nb");
                inWindow = HOLD.BOOKING_ID.in(DSL.select(nb.ID).from(nb).where(nb.STARTS_AT.gt(since),
                        nb.STARTS_AT.lt(w.end()), nb.ENDS_AT.gt(w.start()), nb.ID.ne(self), nb.DELETED_AT.isNull()));
            } else {
                // some performers: from their holds
                inWindow = BOOKING.STARTS_AT.gt(since).and(BOOKING.STARTS_AT.lt(w.end()))
                        .and(BOOKING.ENDS_AT.gt(w.start())).and(BOOKING.ID.ne(self)).and(BOOKING.DELETED_AT.isNull());
            }
            tx.select(HOLD.PERFORMER_ID, PERFORMER.STAGE_NAME, HOLD.HOLD_RANK, BOOKING.ID, BOOKING.NUMBER,
                            BOOKING.TITLE, BOOKING.STARTS_AT, BOOKING.ENDS_AT)
                    .from(HOLD).join(BOOKING).on(BOOKING.ID.eq(HOLD.BOOKING_ID))
                    .join(PERFORMER).on(PERFORMER.ID.eq(HOLD.PERFORMER_ID))
                    .where(holdWho, inWindow, HOLD.STATUS.eq(HoldStatus.ACTIVE.name()), HOLD.DELETED_AT.isNull())
                    .fetch().forEach(h -> add(out, new Conflict(Kind.HOLD, h.value1(), h.value2(), h.value4(),
                            h.value5(), () -> I18n.tr("conflict.hold", h.value2(), h.value5(), h.value6(),
                            when(h.value7(), h.value8(), w.zone()), h.value3()))));
        }
        radius(tx, who, w, self, longestGig, out);
        // blocked periods: dated ones that overlap, and every weekly one of these performers
        Condition blockWho = performers == null ? DSL.noCondition()
                : PERFORMER_UNAVAILABILITY.PERFORMER_ID.in(performers);
        var blocks = tx.select(PERFORMER_UNAVAILABILITY.PERFORMER_ID, PERFORMER.STAGE_NAME,
                        PERFORMER_UNAVAILABILITY.REASON, PERFORMER_UNAVAILABILITY.STARTS_AT,
                        PERFORMER_UNAVAILABILITY.ENDS_AT, PERFORMER_UNAVAILABILITY.DAY_OF_WEEK,
                        PERFORMER_UNAVAILABILITY.LOCAL_START, PERFORMER_UNAVAILABILITY.LOCAL_END)
                .from(PERFORMER_UNAVAILABILITY).join(PERFORMER).on(PERFORMER.ID.eq(PERFORMER_UNAVAILABILITY.PERFORMER_ID))
                .where(blockWho, PERFORMER_UNAVAILABILITY.DELETED_AT.isNull(),
                        PERFORMER_UNAVAILABILITY.DAY_OF_WEEK.isNotNull().or(
                                PERFORMER_UNAVAILABILITY.STARTS_AT.lt(w.end())
                                        .and(PERFORMER_UNAVAILABILITY.ENDS_AT.gt(w.start()))))
                .fetch();
        for (var b : blocks) {
            if (b.value6() == null) {
                add(out, new Conflict(Kind.BLOCKED, b.value1(), b.value2(), null, null,
                        () -> I18n.tr("conflict.blocked", b.value2(), b.value3(), when(b.value4(), b.value5(), w.zone()))));
                continue;
            }
            LocalDate day = w.start().atZone(w.zone()).toLocalDate();
            LocalDate last = w.end().atZone(w.zone()).toLocalDate();
            for (; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() != b.value6()) {
                    continue;
                }
                Instant bs = day.atTime(b.value7()).atZone(w.zone()).toInstant();
                Instant be = day.atTime(b.value8()).atZone(w.zone()).toInstant();
                if (bs.isBefore(w.end()) && be.isAfter(w.start())) {
                    DayOfWeek weekday = day.getDayOfWeek();
                    add(out, new Conflict(Kind.BLOCKED, b.value1(), b.value2(), null, null,
                            () -> I18n.tr("conflict.blockedWeekly", b.value2(), b.value3(),
                                    weekday.getDisplayName(TextStyle.FULL, I18n.language().locale()),
                                    b.value7(), b.value8())));
                    break;
                }
            }
        }
        return out;
    }

    /** A booking's radius clause: no other show of its performers within {@code km} km within {@code days} days. */
    public record RadiusClause(int km, int days) {
        public static final int MAX_KM = 5000;
        public static final int MAX_DAYS = 365;

        public static RadiusClause of(Integer km, Integer days) {
            return km == null || days == null ? null : new RadiusClause(km, days);
        }

        public String text() {
            return I18n.tr("radius.clause", km, days);
        }
    }

    /**
     * Radius clauses near the window: the gigs of these performers within the longest clause's days (or this
     * booking's own), at most the clause's km away. Clauses are rare: without this booking having one, only the
     * gigs whose booking has one are read; with one, the gigs in a box around the venue.
     */
    private static void radius(DSLContext tx, Condition who, Window w, UUID self, Duration longestGig,
                               Map<UUID, List<Conflict>> out) {
        if (w.venueId() == null) {
            return;
        }
        var own = tx.select(BOOKING.RADIUS_KM, BOOKING.RADIUS_DAYS).from(BOOKING).where(BOOKING.ID.eq(self)).fetchOne();
        RadiusClause mine = own == null ? null : RadiusClause.of(own.value1(), own.value2());
        Integer longestDays = tx.select(DSL.max(BOOKING.RADIUS_DAYS)).from(BOOKING).fetchOne(0, Integer.class);
        if (mine == null && longestDays == null) {
            return;
        }
        var here = tx.select(VENUE.NAME, VENUE.LATITUDE, VENUE.LONGITUDE).from(VENUE).where(VENUE.ID.eq(w.venueId()))
                .fetchOne();
        if (here == null || here.value2() == null || here.value3() == null) {
            return;
        }
        int reach = Math.max(mine == null ? 0 : mine.days(), longestDays == null ? 0 : longestDays) + 1;
        Condition clause = BOOKING.RADIUS_KM.isNotNull();
        if (mine != null) {
            double dLat = mine.km() / 111.0;
            clause = clause.or(VENUE.LATITUDE.between(here.value2() - dLat, here.value2() + dLat));
        }
        LocalDate w0 = w.start().atZone(w.zone()).toLocalDate();
        LocalDate w1 = w.end().minusNanos(1).atZone(w.zone()).toLocalDate();
        tx.select(ASSIGNMENT.PERFORMER_ID, PERFORMER.STAGE_NAME, ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT, BOOKING.ID,
                        BOOKING.NUMBER, BOOKING.TITLE, BOOKING.RADIUS_KM, BOOKING.RADIUS_DAYS, VENUE.NAME, VENUE.LATITUDE,
                        VENUE.LONGITUDE)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .join(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID))
                .where(who, ASSIGNMENT.STARTS_AT.gt(w.start().minus(Duration.ofDays(reach)).minus(longestGig)),
                        ASSIGNMENT.STARTS_AT.lt(w.end().plus(Duration.ofDays(reach))), ASSIGNMENT.DELETED_AT.isNull(),
                        ASSIGNMENT.BOOKING_ID.ne(self), BOOKING.DELETED_AT.isNull(), BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()),
                        VENUE.LATITUDE.isNotNull(), VENUE.LONGITUDE.isNotNull(), clause)
                .orderBy(ASSIGNMENT.STARTS_AT)
                .fetch().forEach(g -> {
                    double km = km(here.value2(), here.value3(), g.value11(), g.value12());
                    LocalDate g0 = g.value3().atZone(w.zone()).toLocalDate();
                    LocalDate g1 = g.value4().minusNanos(1).atZone(w.zone()).toLocalDate();
                    long apart = Math.max(0, Math.max(ChronoUnit.DAYS.between(w1, g0),
                            ChronoUnit.DAYS.between(g1, w0)));
                    RadiusClause theirs = RadiusClause.of(g.value8(), g.value9());
                    long kmShown = Math.round(km);
                    if (theirs != null && km <= theirs.km() && apart <= theirs.days()) {
                        add(out, new Conflict(Kind.RADIUS, g.value1(), g.value2(), g.value5(), g.value6(),
                                () -> I18n.tr("conflict.radius", g.value2(), g.value6(), g.value7(), theirs.text(),
                                        g.value10(), kmShown, apart)));
                    } else if (mine != null && km <= mine.km() && apart <= mine.days()) {
                        add(out, new Conflict(Kind.RADIUS, g.value1(), g.value2(), g.value5(), g.value6(),
                                () -> I18n.tr("conflict.radiusOwn", g.value2(), mine.text(), g.value6(), g.value7(),
                                        g.value10(), kmShown, apart)));
                    }
                });
    }

    /**
     * The longest window stored in a table (deleted and cancelled rows included: a bound, not a fact), read off
     * the length index in one step. Something that overlaps a window started at most this long before it.
     */
    static Duration longest(DSLContext tx, Table<?> table, Field<Integer> length) {
        Integer minutes = tx.select(DSL.max(length)).from(table).fetchOne(0, Integer.class);
        return Duration.ofMinutes(minutes == null ? 0 : minutes);
    }

    /** Another gig of a performer near the window, with its venue. */
    private record Gig(UUID performerId, String performer, Instant start, Instant end, UUID bookingId, String number,
                       String title, UUID venueId, String venue, Double latitude, Double longitude) {
    }

    private static void add(Map<UUID, List<Conflict>> out, Conflict c) {
        out.computeIfAbsent(c.performerId(), k -> new ArrayList<>()).add(c);
    }

    private static String when(Instant s, Instant e, ZoneId zone) {
        boolean sameDay = s.atZone(zone).toLocalDate().equals(e.atZone(zone).toLocalDate());
        return Format.dateTime(s, zone) + "–"
                + (sameDay ? Format.time(e, zone) : Format.dateTime(e, zone));
    }

    /** All conflicts as one message, one line each. */
    public static String describe(List<Conflict> conflicts) {
        return String.join("\n", conflicts.stream().map(Conflict::message).toList());
    }
}
