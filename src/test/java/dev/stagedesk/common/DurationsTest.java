package dev.stagedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Durations in hours and days, never "about 7,798 min". */
class DurationsTest {

    @Test
    void saysMinutesHoursAndDaysAsPeopleDo() {
        assertThat(Durations.minutes(45)).isEqualTo("45 min");
        assertThat(Durations.minutes(60)).isEqualTo("1 h");
        assertThat(Durations.minutes(310)).isEqualTo("5 h 10 min");
        assertThat(Durations.minutes(1395)).isEqualTo("23 h 15 min");
        assertThat(Durations.minutes(24 * 60)).isEqualTo("1 day");
        assertThat(Durations.minutes(2 * 24 * 60 + 3 * 60)).isEqualTo("2 days 3 h");
        assertThat(Durations.minutes(7798)).isEqualTo("5 days 10 h");
        assertThat(Durations.minutes(24 * 60 + 23 * 60 + 45)).isEqualTo("2 days");
        assertThat(Durations.text(Duration.ofMinutes(-90))).isEqualTo("1 h 30 min");
    }

    /** Read back, the words are within half an hour of the duration (a day and more) or exact (less). */
    @Property
    void wordsReadBackToTheDuration(@ForAll @LongRange(min = 0, max = 100_000) long minutes) {
        String text = Durations.minutes(minutes);
        long back = readBack(text);
        if (minutes < 24 * 60) {
            assertThat(back).isEqualTo(minutes);
            assertThat(text).doesNotContain("day");
        } else {
            assertThat(Math.abs(back - minutes)).isLessThanOrEqualTo(30);
            assertThat(text).doesNotContain("min");
        }
    }

    private static long readBack(String text) {
        long total = 0;
        String[] parts = text.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            long n = Long.parseLong(parts[i].replace(",", ""));
            total += switch (parts[i + 1]) {
                case "day", "days" -> n * 24 * 60;
                case "h" -> n * 60;
                default -> n;
            };
        }
        return total;
    }
}
