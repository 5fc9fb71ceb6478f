package dev.stagedesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.booking.ConflictCheck.Travel;
import dev.stagedesk.common.Durations;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Short legs by road, long legs (over 800 km) as flights: Berlin → Montréal is not a road trip. */
class TravelEstimateTest {
    static final Travel SETTINGS = new Travel(130, 60, 60);

    @Test
    void berlinToMontrealIsAFlightOfAboutEleventHours() {
        double km = ConflictCheck.km(52.52, 13.405, 45.5017, -73.5673); // about 6,000 km
        assertThat(km).isBetween(5900.0, 6100.0);
        assertThat(Travel.flies(km)).isTrue();
        long minutes = SETTINGS.minutes(km);
        // 6,000 km at 800 km/h is 7 h 30 min, plus 3 h at the airports
        assertThat(minutes).isBetween(10 * 60L + 20, 10 * 60L + 40);
        assertThat(Durations.minutes(minutes)).startsWith("10 h");
    }

    @Test
    void aLegUpTo800KmIsByRoad() {
        assertThat(Travel.flies(800)).isFalse();
        assertThat(SETTINGS.minutes(100)).isEqualTo(130); // 130 road km at 60 km/h
        assertThat(SETTINGS.minutes(800)).isEqualTo(1040);
        assertThat(Travel.flies(800.5)).isTrue();
        assertThat(SETTINGS.minutes(801)).isEqualTo(61 + Travel.AIRPORT_MINUTES);
    }

    @Property
    void aFlightIsTheGreatCircleAt800KmhPlusAirportTime(@ForAll @DoubleRange(min = 800.01, max = 20_000) double km) {
        long minutes = SETTINGS.minutes(km);
        assertThat(minutes).isEqualTo((long) Math.ceil(km / Travel.FLIGHT_KMH * 60.0) + Travel.AIRPORT_MINUTES);
        // never longer than driving it would be at these settings
        assertThat(minutes).isLessThan((long) Math.ceil(km * 1.3));
    }

    @Property
    void longerLegsNeverTakeLessTimeWithinTheirKind(@ForAll @DoubleRange(min = 0, max = 20_000) double a,
                                                    @ForAll @DoubleRange(min = 0, max = 20_000) double b) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (Travel.flies(lo) == Travel.flies(hi)) {
            assertThat(SETTINGS.minutes(lo)).isLessThanOrEqualTo(SETTINGS.minutes(hi));
        }
    }
}
