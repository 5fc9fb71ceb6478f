package dev.stagedesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.testing.TestStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One date style and one time style on screen, from the console's locale. */
class FormatTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    static final Instant EVENING = Instant.parse("2026-12-04T19:30:00Z");

    @AfterEach
    void reset() {
        Format.use(Locale.UK);
        Format.useAgencyZone(null);
    }

    @Test
    void aTimeWithoutAZoneOfItsOwnIsShownInTheAgencysZoneNotTheMachines() {
        TestStore.onAUtcMachine(() -> {
            Format.useAgencyZone(ZoneId.of("Pacific/Auckland"));
            // 19:30 UTC is 08:30 the next morning in Auckland (UTC+13)
            assertThat(Format.dateTime(EVENING, (ZoneId) null, Locale.UK)).isEqualTo("5 Dec 2026 08:30");
            assertThat(Format.dateTime(EVENING, (String) null)).isEqualTo("5 Dec 2026 08:30");
            assertThat(Format.dateTime(EVENING, "not/a-zone")).isEqualTo("5 Dec 2026 08:30");
            assertThat(Format.time(EVENING, null)).isEqualTo("08:30");
        });
    }

    @Test
    void ukReadsDayMonthYearAnd24Hours() {
        assertThat(Format.date(DAY, Locale.UK)).isEqualTo("4 Dec 2026");
        assertThat(Format.time(LocalTime.of(20, 30), Locale.UK)).isEqualTo("20:30");
        assertThat(Format.dateTime(EVENING, ZoneId.of("Europe/Berlin"), Locale.UK)).isEqualTo("4 Dec 2026 20:30");
        assertThat(Format.twentyFourHour(Locale.UK)).isTrue();
    }

    @Test
    void germanyReadsItsOwnStyle() {
        assertThat(Format.date(DAY, Locale.GERMANY)).isEqualTo("04.12.2026");
        assertThat(Format.dateTime(EVENING, ZoneId.of("Europe/Berlin"), Locale.GERMANY)).isEqualTo("04.12.2026 20:30");
        assertThat(Format.twentyFourHour(Locale.GERMANY)).isTrue();
    }

    @Test
    void theUsWritesTwelveHourTimes() {
        assertThat(Format.twentyFourHour(Locale.US)).isFalse();
        assertThat(Format.time(LocalTime.of(20, 30), Locale.US)).contains("8:30").contains("PM");
    }

    @Test
    void theLocaleTheConsoleUsesIsTheOneShown() {
        Format.use(Locale.GERMANY);
        assertThat(Format.date(DAY)).isEqualTo("04.12.2026");
        assertThat(Format.dateTime(EVENING, "Europe/Berlin")).isEqualTo("04.12.2026 20:30");
        Format.use(Locale.UK);
        assertThat(Format.date(DAY)).isEqualTo("4 Dec 2026");
    }

    /** Date fields show the one style and read it back, the locale's short style and ISO too. */
    @Test
    void dateFieldsReadWhatTheyShow() {
        Format.use(Locale.UK);
        assertThat(Format.parseDate(Format.date(DAY))).isEqualTo(DAY);
        assertThat(Format.parseDate("04/12/2026")).isEqualTo(DAY);
        assertThat(Format.parseDate("2026-12-04")).isEqualTo(DAY);
        assertThat(Format.parseDate(" ")).isNull();
        Assertions.assertThatThrownBy(() -> Format.parseDate("soon"))
                .isInstanceOf(DateTimeParseException.class);
    }

    /** The calendar (CalendarFX) and the date pickers read the JVM's format locale: it follows the console's. */
    @Test
    void theCalendarGetsTheSameLocale() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        try {
            Format.use(Locale.GERMANY);
            assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.GERMANY);
            assertThat(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                    .format(LocalTime.of(20, 30))).isEqualTo("20:30");
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void aZoneThatIsNotOneDoesNotBreakTheScreen() {
        assertThat(Format.dateTime(EVENING, "Mars/Base")).isNotEmpty();
        assertThat(Format.date(null)).isEmpty();
        assertThat(Format.dateTime(null, "Europe/Berlin")).isEmpty();
    }
}
