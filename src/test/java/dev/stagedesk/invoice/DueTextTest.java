package dev.stagedesk.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A due date that has come reads "now" on the Payments tab (a last-minute booking's terms). */
class DueTextTest {
    @Test
    void aDueDateOfTodayReadsNowOtherDatesReadAsDates() {
        LocalDate today = LocalDate.of(2026, 11, 21);
        assertThat(BookingMoneyPane.due(today, today)).isEqualTo("now");
        assertThat(BookingMoneyPane.due(today.plusDays(7), today)).contains("2026").doesNotContain("now");
        assertThat(BookingMoneyPane.due(null, today)).isEmpty();
    }
}
