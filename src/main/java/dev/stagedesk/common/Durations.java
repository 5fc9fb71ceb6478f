package dev.stagedesk.common;

import static dev.stagedesk.common.I18n.tr;

import java.time.Duration;

/**
 * A duration as people say it: "45 min", "5 h 10 min", "2 days 3 h" (over a day the minutes no longer matter;
 * the hours are rounded). The words come from the message bundle, plural-aware ("1 day", "2 days").
 */
public final class Durations {
    private static final long DAY = 24 * 60;

    private Durations() {
    }

    public static String text(Duration d) {
        return d == null ? "" : minutes(Math.round(Math.abs(d.getSeconds() + d.getNano() / 1e9) / 60.0));
    }

    /** {@code minutes} (not negative) in days, hours and minutes. */
    public static String minutes(long minutes) {
        long m = Math.abs(minutes);
        if (m < 60) {
            return tr("duration.minutes", m);
        }
        if (m < DAY) {
            long h = m / 60;
            long rest = m % 60;
            return rest == 0 ? tr("duration.hours", h) : tr("duration.hoursMinutes", h, rest);
        }
        long days = m / DAY;
        long hours = Math.round((m % DAY) / 60.0);
        if (hours == 24) {
            days++;
            hours = 0;
        }
        return hours == 0 ? tr("duration.days", days) : tr("duration.daysHours", days, hours);
    }
}
