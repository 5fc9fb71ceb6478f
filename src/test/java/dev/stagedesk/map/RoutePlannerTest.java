package dev.stagedesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.booking.ConflictCheck.Travel;
import dev.stagedesk.map.Route.Schedule;
import dev.stagedesk.map.Route.Stop;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The route planner: every stop once, no more missed windows than the given order, never longer than a given order
 * that keeps every window; and the schedule's legs (distance, time, lateness) as a coordinator reads them.
 */
class RoutePlannerTest {
    static final Travel TRAVEL = new Travel(130, 40, 10);
    static final Instant NINE = Instant.parse("2026-11-21T08:00:00Z");
    static final GeoPoint HOME = new GeoPoint(52.52, 13.405);

    /** Stops around Berlin; windows loose or tight; with {@code feasibleGiven}, windows made around the given order's schedule. */
    static List<Stop> instance(long seed, int n, boolean feasibleGiven, boolean tight) {
        Random r = new Random(seed);
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GeoPoint p = new GeoPoint(52.3 + r.nextDouble() * 0.45, 13.0 + r.nextDouble() * 0.8);
            int stay = 15 + r.nextInt(60);
            Instant from = NINE.plus(Duration.ofMinutes(r.nextInt(600)));
            Instant to = tight ? from.plus(Duration.ofMinutes(r.nextInt(90))) : from.plus(Duration.ofHours(12));
            stops.add(new Stop("stop:" + i, "Place " + i, p, from, to, stay));
        }
        if (feasibleGiven) {
            // windows that the given order keeps: each opens when the order arrives, with some slack
            List<Stop> fixed = new ArrayList<>();
            Instant free = NINE;
            GeoPoint at = null;
            for (Stop s : stops) {
                long travel = at == null ? 0 : TRAVEL.minutes(at.km(s.point())) + TRAVEL.setupBufferMinutes();
                Instant start = free.plus(Duration.ofMinutes(travel + r.nextInt(30)));
                Instant from = start.minus(Duration.ofMinutes(r.nextInt(60)));
                Instant to = start.plus(Duration.ofMinutes(tight ? r.nextInt(20) : 240));
                fixed.add(new Stop(s.key(), s.label(), s.point(), from, to, s.stayMinutes()));
                free = start.plus(Duration.ofMinutes(s.stayMinutes()));
                at = s.point();
            }
            stops = fixed;
        }
        return stops;
    }

    @Property(tries = 150)
    void visitsEveryStopOnceAndNeverMissesMoreWindowsThanTheGivenOrder(@ForAll long seed,
                                                                       @ForAll @IntRange(min = 0, max = 14) int n,
                                                                       @ForAll boolean tight) {
        List<Stop> given = instance(seed, n, false, tight);
        Schedule given0 = Route.schedule(HOME, given, TRAVEL);
        Schedule plan = RoutePlanner.plan(HOME, given, TRAVEL);
        assertThat(plan.order()).hasSize(given.size()).containsExactlyInAnyOrderElementsOf(given);
        assertThat(plan.late()).isLessThanOrEqualTo(given0.late());
        if (plan.late() == given0.late()) {
            assertThat(plan.lateMinutes()).isLessThanOrEqualTo(given0.lateMinutes());
        }
    }

    @Property(tries = 150)
    void whenTheGivenOrderKeepsEveryWindowThePlanDoesTooAndIsNoLonger(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 1, max = 14) int n,
                                                                      @ForAll boolean tight) {
        List<Stop> given = instance(seed, n, true, tight);
        Schedule given0 = Route.schedule(HOME, given, TRAVEL);
        assertThat(given0.feasible()).as("the generator's order keeps its windows").isTrue();
        Schedule plan = RoutePlanner.plan(HOME, given, TRAVEL);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.km()).isLessThanOrEqualTo(given0.km() + 1e-9);
        // and the schedule it reports is the order's own
        assertThat(Route.schedule(HOME, plan.order(), TRAVEL)).isEqualTo(plan);
        for (int i = 0; i < plan.order().size(); i++) {
            Stop s = plan.order().get(i);
            Instant start = plan.legs().get(i).start();
            assertThat(start).isBetween(s.windowStart(), s.windowEnd());
        }
    }

    @Test
    void openWindowsAreOrderedIntoAShortTour() {
        // eight places on a line, given shuffled: the plan walks the line
        List<Stop> line = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            line.add(new Stop("stop:" + i, "P" + i, new GeoPoint(52.5, 13.0 + i * 0.05), NINE,
                    NINE.plus(Duration.ofHours(14)), 10));
        }
        List<Stop> shuffled = new ArrayList<>(line);
        Collections.shuffle(shuffled, new Random(7));
        Schedule given = Route.schedule(null, shuffled, TRAVEL);
        Schedule plan = RoutePlanner.plan(null, shuffled, TRAVEL);
        double straight = line.get(0).point().km(line.get(7).point());
        assertThat(plan.km()).isCloseTo(straight, Offset.offset(0.01)).isLessThan(given.km());
        assertThat(plan.feasible()).isTrue();
    }

    @Test
    void aLegThatCannotBeMadeIsMarkedWithItsReason() {
        GeoPoint berlin = new GeoPoint(52.52, 13.405);
        GeoPoint leipzig = new GeoPoint(51.34, 12.37);
        Stop gig = new Stop("booking:a", "Gig Berlin", berlin, NINE, NINE, 120);
        // Leipzig ~150 km: 150 × 1.3 / 40 km/h ≈ 4 h 53 min on the road + 10 min; it must start by 12:00 local
        Instant byNoon = NINE.plus(Duration.ofHours(3));
        Stop street = new Stop("stop:b", "Markt Leipzig", leipzig, NINE.plus(Duration.ofHours(2)), byNoon, 30);
        Schedule s = Route.schedule(null, List.of(gig, street), TRAVEL);
        Route.Leg leg = s.legs().get(1);
        assertThat(leg.km()).isBetween(145.0, 152.0);
        assertThat(leg.minutes()).isEqualTo(TRAVEL.minutes(leg.km()));
        assertThat(leg.depart()).isEqualTo(NINE.plus(Duration.ofHours(2)));
        assertThat(leg.feasible()).isFalse();
        long late = Duration.between(byNoon, leg.depart().plus(Duration.ofMinutes(leg.minutes() + 10))).toMinutes();
        assertThat(leg.lateMinutes()).isEqualTo(late);
        assertThat(s.late()).isEqualTo(1);
        String why = Route.problem(leg, TRAVEL, ZoneId.of("Europe/Berlin"));
        assertThat(why).contains(Math.round(leg.km()) + " km").contains("10 min set-up").contains("leaving at 11:00")
                .contains("must start by 12:00");
        // the same stops the other way round cannot help: the gig is fixed at 09:00, the planner keeps the gig first
        assertThat(RoutePlanner.plan(null, List.of(street, gig), TRAVEL).late()).isLessThanOrEqualTo(1);
    }

    @Test
    void aWindowThatOpensLaterMeansWaitingNotBeingLate() {
        Stop a = new Stop("stop:a", "A", HOME, NINE, NINE, 30);
        Stop b = new Stop("stop:b", "B", HOME, NINE.plus(Duration.ofHours(3)), NINE.plus(Duration.ofHours(4)), 30);
        Schedule s = Route.schedule(HOME, List.of(a, b), TRAVEL);
        assertThat(s.legs().get(1).start()).isEqualTo(b.windowStart());
        assertThat(s.feasible()).isTrue();
        assertThat(s.km()).isZero();
    }
}
