package dev.stagedesk.map;

import dev.stagedesk.booking.ConflictCheck.Travel;
import dev.stagedesk.map.Route.Schedule;
import dev.stagedesk.map.Route.Stop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Suggests an order for a performer's stops that shortens travel and keeps the time windows: nearest neighbour
 * in time (the stop that can start soonest, then the nearest), improved by 2-opt (reverse a stretch) and moving
 * one stop elsewhere, each kept when the schedule gets better ({@link Schedule#betterThan}: fewer late stops,
 * fewer minutes late, fewer km). The given order is improved the same way and the better of the two is returned,
 * so the suggestion never misses more windows than the given order and, when the given order keeps every window,
 * is never longer. Meant for a day's stops (about 25); the work grows with the cube of the count.
 */
public final class RoutePlanner {
    /** The most stops planned at once. */
    public static final int MAX_STOPS = 60;

    private RoutePlanner() {
    }

    public static Schedule plan(GeoPoint home, List<Stop> given, Travel travel) {
        if (given.size() > MAX_STOPS) {
            throw new IllegalArgumentException("at most " + MAX_STOPS + " stops");
        }
        Schedule original = Route.schedule(home, given, travel);
        if (given.size() < 2) {
            return original;
        }
        Schedule fromGiven = improve(home, new ArrayList<>(given), travel);
        Schedule fromNearest = improve(home, nearestNeighbour(home, given, travel), travel);
        Schedule best = fromNearest.betterThan(fromGiven) ? fromNearest : fromGiven;
        return best.betterThan(original) ? best : original;
    }

    /** Each next stop: of those still reachable in their window, the one that can start first (then the nearest). */
    static List<Stop> nearestNeighbour(GeoPoint home, List<Stop> stops, Travel travel) {
        List<Stop> left = new ArrayList<>(stops);
        List<Stop> order = new ArrayList<>(stops.size());
        GeoPoint at = home;
        Instant free = null;
        while (!left.isEmpty()) {
            Stop best = null;
            Instant bestStart = null;
            double bestKm = Double.MAX_VALUE;
            Stop urgent = null;
            for (Stop s : left) {
                double km = at == null || s.point() == null ? 0 : at.km(s.point());
                Instant start = s.windowStart();
                if (free != null) {
                    long minutes = km < 0.05 ? 0 : travel.minutes(km) + travel.setupBufferMinutes();
                    Instant ready = free.plus(Duration.ofMinutes(minutes));
                    start = ready.isAfter(start) ? ready : start;
                }
                if (!start.isAfter(s.windowEnd())) {
                    if (best == null || start.isBefore(bestStart) || (start.equals(bestStart) && km < bestKm)) {
                        best = s;
                        bestStart = start;
                        bestKm = km;
                    }
                } else if (urgent == null || s.windowEnd().isBefore(urgent.windowEnd())) {
                    urgent = s;
                }
            }
            Stop next = best != null ? best : urgent;
            Instant start = best != null ? bestStart : next.windowEnd();
            order.add(next);
            left.remove(next);
            at = next.point() != null ? next.point() : at;
            free = start.plus(Duration.ofMinutes(next.stayMinutes()));
        }
        return order;
    }

    /** 2-opt and single-stop moves until neither helps. */
    static Schedule improve(GeoPoint home, List<Stop> order, Travel travel) {
        Schedule best = Route.schedule(home, order, travel);
        int n = order.size();
        boolean better = true;
        int rounds = 0;
        while (better && rounds++ < 50) {
            better = false;
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < n; j++) {
                    List<Stop> reversed = new ArrayList<>(best.order());
                    Collections.reverse(reversed.subList(i, j + 1));
                    Schedule s = Route.schedule(home, reversed, travel);
                    if (s.betterThan(best)) {
                        best = s;
                        better = true;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i == j) {
                        continue;
                    }
                    List<Stop> moved = new ArrayList<>(best.order());
                    moved.add(j, moved.remove(i));
                    Schedule s = Route.schedule(home, moved, travel);
                    if (s.betterThan(best)) {
                        best = s;
                        better = true;
                    }
                }
            }
        }
        return best;
    }
}
