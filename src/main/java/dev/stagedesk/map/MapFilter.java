package dev.stagedesk.map;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.ValidationException;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * What the bookings layer shows: the local days {@code from}..{@code to} (inclusive, at most
 * {@link #MAX_DAYS}), statuses (empty: all), an act or genre a performer of the booking has (part of the word, any
 * case; null: any), one performer (null: any).
 */
public record MapFilter(LocalDate from, LocalDate to, Set<BookingStatus> statuses,
 String actOrGenre, UUID performerId) {
    public static final int MAX_DAYS = 31;

    public MapFilter {
        if (from == null || to == null) {
            throw ValidationException.of(from == null ? "from" : "to", I18n.tr("validation.required"));
        }
        if (to.isBefore(from)) {
            throw ValidationException.of("to", I18n.tr("map.rangeBackwards"));
        }
        if (from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw ValidationException.of("to", I18n.tr("map.rangeTooLong", MAX_DAYS));
        }
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        actOrGenre = actOrGenre == null || actOrGenre.isBlank() ? null : actOrGenre.trim();
    }

    public static MapFilter day(LocalDate day) {
        return new MapFilter(day, day, Set.of(), null, null);
    }
}
