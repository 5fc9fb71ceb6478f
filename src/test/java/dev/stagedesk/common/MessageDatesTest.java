package dev.stagedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A date in a message reads like a date on screen ("Receivables at 2 Dec 2026"), never ISO. */
class MessageDatesTest {
    private final Locale before = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, before);
    }

    @Test
    void dateArgumentsAreWrittenInTheFormatLocalesStyle() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.UK);
        assertThat(I18n.tr("report.fin.receivables", LocalDate.of(2026, 12, 2))).isEqualTo("Receivables at 2 Dec 2026");
        assertThat(I18n.tr("report.period", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 2), "cash basis"))
                .isEqualTo("1 Jan 2026 to 2 Dec 2026, cash basis");
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertThat(I18n.tr("report.fin.receivables", LocalDate.of(2026, 12, 2))).isEqualTo("Receivables at 02.12.2026");
        assertThat(I18n.tr("report.fin.receivables", LocalTime.of(18, 5))).isEqualTo("Receivables at 18:05");
    }

    @Test
    void otherArgumentsAreUntouched() {
        assertThat(I18n.tr("report.fin.receivables", "2026-12-02")).isEqualTo("Receivables at 2026-12-02");
    }
}
