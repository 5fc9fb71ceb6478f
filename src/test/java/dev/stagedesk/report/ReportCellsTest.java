package dev.stagedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.dashboard.DashboardScreen;
import dev.stagedesk.money.Money;
import dev.stagedesk.ui.Format;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A report on screen shows amounts, counts and dates in the console's locale, like every other table. */
class ReportCellsTest {
    private final Locale before = Format.locale();

    @AfterEach
    void restore() {
        Format.use(before);
    }

    @Test
    void aGermanUserSeesGermanAmountsCountsAndDates() {
        Format.use(Locale.GERMANY);
        assertThat(ReportView.shown(Money.of(323_469_900L, "EUR"))).isEqualTo("3.234.699,00 EUR");
        assertThat(ReportView.shown(21_063L)).isEqualTo("21.063");
        assertThat(ReportView.shown(LocalDate.of(2026, 12, 2))).isEqualTo("02.12.2026");
        assertThat(ReportView.shown("Overhead")).isEqualTo("Overhead");
    }

    @Test
    void aBritishUserSeesBritishOnes() {
        Format.use(Locale.UK);
        assertThat(ReportView.shown(Money.of(-3_106_800L, "EUR"))).isEqualTo("-31,068.00 EUR");
        assertThat(ReportView.shown(LocalDate.of(2026, 12, 2))).isEqualTo("2 Dec 2026");
    }

    @Test
    void theDashboardsAmountAxisFollowsTheLocaleToo() {
        assertThat(DashboardScreen.axisLabels(Locale.GERMANY).toString(400_000)).isEqualTo("400.000");
        assertThat(DashboardScreen.axisLabels(Locale.UK).toString(400_000)).isEqualTo("400,000");
    }
}
