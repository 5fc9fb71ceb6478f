package dev.stagedesk.booking;

import dev.stagedesk.common.I18n;
import dev.stagedesk.ui.Format;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * When the bookings of a residency happen: every {@code interval} weeks on the first date's weekday
 * ({@code WEEKLY}), or every {@code interval} months on the same weekday of the month as the first date
 * ("every first Friday", {@code MONTHLY_WEEKDAY}; the 5th week counts as "last"), from the first date to
 * {@code until} (inclusive).
 */
public record SeriesRule(Frequency frequency, int interval, LocalDate until) {
    public static final int MAX_OCCURRENCES = 104;

    public enum Frequency { WEEKLY, MONTHLY_WEEKDAY }

    /** The dates of the series; the first is {@code first}. Empty when the rule cannot run (see validate). */
    public List<LocalDate> dates(LocalDate first) {
        List<LocalDate> out = new ArrayList<>();
        if (interval < 1 || until == null || until.isBefore(first)) {
            return out;
        }
        DayOfWeek day = first.getDayOfWeek();
        int nth = (first.getDayOfMonth() - 1) / 7 + 1;
        boolean last = nth == 5;
        for (int i = 0; out.size() <= MAX_OCCURRENCES; i++) {
            LocalDate d = switch (frequency) {
                case WEEKLY -> first.plusWeeks((long) i * interval);
                case MONTHLY_WEEKDAY -> {
                    LocalDate month = first.withDayOfMonth(1).plusMonths((long) i * interval);
                    yield last ? month.with(TemporalAdjusters.lastInMonth(day))
                            : month.with(TemporalAdjusters.dayOfWeekInMonth(nth, day));
                }
            };
            if (d.isAfter(until)) {
                break;
            }
            out.add(d);
        }
        return out;
    }

    /** "Every first Friday, until 30 Jun 2027" / "Every 2 weeks on Friday, until …". */
    public String describe(LocalDate first) {
        String day = Format.day(first.getDayOfWeek());
        int nth = (first.getDayOfMonth() - 1) / 7 + 1;
        String ordinal = I18n.tr("series.nth." + Math.min(nth, 5));
        return switch (frequency) {
            case WEEKLY -> interval == 1 ? I18n.tr("series.weekly", day, until)
                    : I18n.tr("series.everyWeeks", interval, day, until);
            case MONTHLY_WEEKDAY -> interval == 1 ? I18n.tr("series.monthly", ordinal, day, until)
                    : I18n.tr("series.everyMonths", interval, ordinal, day, until);
        };
    }

    /** The stored form ("MONTHLY_WEEKDAY;1;2027-06-30"). */
    public String text() {
        return frequency + ";" + interval + ";" + until;
    }
}
