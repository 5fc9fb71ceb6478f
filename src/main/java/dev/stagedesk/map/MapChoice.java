package dev.stagedesk.map;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.performer.PerformerChoice;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the filter bar asks the map to show: the layers, the day (or its week, Monday to Sunday), one booking status
 * (null: any), an act or genre, and a performer (whose route is drawn when the route layer is on).
 */
record MapChoice(boolean venues, boolean bookings, boolean homes, boolean route, LocalDate day, boolean week,
                 BookingStatus status, String actOrGenre, PerformerChoice performer) {

    LocalDate from() {
        return week ? day.with(DayOfWeek.MONDAY) : day;
    }

    LocalDate to() {
        return week ? from().plusDays(6) : day;
    }

    /** The bookings layer's filter (the day must be set). */
    MapFilter filter() {
        return new MapFilter(from(), to(), status == null ? Set.of() : Set.of(status), actOrGenre,
                performer == null ? null : performer.id());
    }

    /** Whether a route is drawn: the layer is on and a performer is chosen. */
    boolean showsRoute() {
        return route && performer != null;
    }
}
