package dev.stagedesk.map;

import dev.stagedesk.booking.ConflictCheck.Travel;
import dev.stagedesk.common.Durations;
import dev.stagedesk.common.I18n;
import dev.stagedesk.ui.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A performer's day as ordered stops, and what that order means on the road: each leg's distance and travel time
 * (the agency's road factor, average speed and set-up buffer, as the conflict check uses them), when each stop
 * can start, and which legs cannot be made in time. Pure: the planner tries thousands of orders through it.
 */
public final class Route {
    private Route() {
    }

    /**
     * One stop. {@code key} names it ("booking:ID" for a gig, "stop:ID" for a place of the performer's own);
     * {@code windowStart}..{@code windowEnd} is when it may start (a gig: both its start); {@code stayMinutes} how
     * long the performer stays. {@code point} is null for a venue without coordinates (not measured).
     */
    public record Stop(String key, String label, GeoPoint point, Instant windowStart, Instant windowEnd,
                       int stayMinutes) {
        public Stop {
            if (windowEnd.isBefore(windowStart)) {
                throw new IllegalArgumentException("window ends before it starts: " + key);
            }
        }

        public boolean isBooking() {
            return key.startsWith("booking:");
        }
    }

    /**
     * The way from one stop to the next ({@code from} null: from the performer's home base). {@code km} is the
     * straight distance (NaN when a point is missing), {@code minutes} the road time, {@code start} when the next
     * stop can begin; {@code lateMinutes} > 0 marks a leg that cannot be made in time.
     */
    public record Leg(Stop from, Stop to, double km, long minutes, Instant depart, Instant arrive, Instant start,
                      long lateMinutes) {
        public boolean feasible() {
            return lateMinutes <= 0;
        }

        public boolean measured() {
            return !Double.isNaN(km);
        }
    }

    /** An order and its consequences. {@code km} sums the measured legs between stops (not the way from home). */
    public record Schedule(List<Stop> order, List<Leg> legs, double km, int late, long lateMinutes) {
        public boolean feasible() {
            return late == 0;
        }

        /** Fewer late stops, then fewer minutes late, then fewer kilometres. */
        public boolean betterThan(Schedule o) {
            if (late != o.late) {
                return late < o.late;
            }
            if (lateMinutes != o.lateMinutes) {
                return lateMinutes < o.lateMinutes;
            }
            return km < o.km - 1e-9;
        }

        /** The leg that arrives at stop {@code i} (legs.get(i)). */
        public Leg legTo(int i) {
            return legs.get(i);
        }
    }

    /** The schedule of {@code order}, leaving {@code home} (may be null) in time for the first stop. */
    public static Schedule schedule(GeoPoint home, List<Stop> order, Travel travel) {
        List<Leg> legs = new ArrayList<>(order.size());
        double km = 0;
        int late = 0;
        long lateMinutes = 0;
        Stop prev = null;
        Instant prevEnd = null;
        for (Stop s : order) {
            GeoPoint from = prev == null ? home : prev.point();
            double d = from == null || s.point() == null ? Double.NaN : from.km(s.point());
            long minutes = Double.isNaN(d) || d < 0.05 ? 0 : travel.minutes(d);
            long buffer = minutes == 0 ? 0 : travel.setupBufferMinutes();
            Instant depart;
            Instant arrive;
            Instant start;
            long lateBy = 0;
            if (prev == null) {
                start = s.windowStart();
                arrive = start.minus(Duration.ofMinutes(buffer));
                depart = arrive.minus(Duration.ofMinutes(minutes));
            } else {
                depart = prevEnd;
                arrive = depart.plus(Duration.ofMinutes(minutes));
                Instant ready = arrive.plus(Duration.ofMinutes(buffer));
                start = ready.isAfter(s.windowStart()) ? ready : s.windowStart();
                if (start.isAfter(s.windowEnd())) {
                    lateBy = Duration.between(s.windowEnd(), start).toMinutes();
                    lateBy = Math.max(1, lateBy);
                    late++;
                    lateMinutes += lateBy;
                }
                if (!Double.isNaN(d)) {
                    km += d;
                }
            }
            legs.add(new Leg(prev, s, d, minutes, depart, arrive, start, lateBy));
            prev = s;
            prevEnd = start.plus(Duration.ofMinutes(s.stayMinutes()));
        }
        return new Schedule(List.copyOf(order), List.copyOf(legs), km, late, lateMinutes);
    }

    /**
     * Why a leg cannot be made, for a person: "Needs 2 h 05 min on the road (140 km) plus 60 min set-up; leaves
     * at 21:00, must start by 22:30 — 35 min late."
     */
    public static String problem(Leg leg, Travel travel, ZoneId zone) {
        if (leg.feasible()) {
            return "";
        }
        return I18n.tr(Travel.flies(leg.km()) ? "route.legLateByAir" : "route.legLate", duration(leg.minutes()),
                Math.round(leg.km()), duration(travel.setupBufferMinutes()),
                Format.time(leg.depart(), zone), Format.time(leg.to().windowEnd(), zone),
                duration(leg.lateMinutes()));
    }

    /** "1 h 5 min", "45 min", "2 days 3 h" ({@link dev.stagedesk.common.Durations}). */
    public static String duration(long minutes) {
        return Durations.minutes(minutes);
    }
}
