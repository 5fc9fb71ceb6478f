package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Parse;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.TaskRunner;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A performer's day on the map without its controls: the day as read (gigs and places of their own, in the saved
 * order), the order being planned and what it means on the road (legs, late stops, km), and the commands: move a
 * stop, suggest an order ({@link RoutePlanner}), save the order as the performer's schedule, add or remove a place
 * ({@link RouteService}). Saving sends the stops that were read: if they changed meanwhile (a place added or a gig
 * moved elsewhere) the service refuses and the day is read again.
 */
public final class RoutePanelViewModel {
    private final RouteQuery query;
    private final RouteService routes;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> errors;
    private final ReadOnlyObjectWrapper<RouteQuery.Day> day = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Route.Stop> order = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Route.Schedule> schedule = new ReadOnlyObjectWrapper<>();
    /** Counts every change of the order or the day: the screen draws the route again. */
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty late = new SimpleBooleanProperty();
    private final BooleanProperty unsaved = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");

    public RoutePanelViewModel(RouteQuery query, RouteService routes, Actor actor, TaskRunner tasks,
                               Consumer<Throwable> errors) {
        this.query = query;
        this.routes = routes;
        this.actor = actor;
        this.tasks = tasks;
        this.errors = errors;
    }

    /** The day as last read (null: no route shown). */
    public ReadOnlyObjectProperty<RouteQuery.Day> dayProperty() {
        return day.getReadOnlyProperty();
    }

    public RouteQuery.Day day() {
        return day.get();
    }

    /** The stops in the order being planned. */
    public ObservableList<Route.Stop> order() {
        return order;
    }

    /** What the order means on the road (null without a day). */
    public ReadOnlyObjectProperty<Route.Schedule> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    public Route.Schedule schedule() {
        return schedule.get();
    }

    public ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** "Route of DJ Nova, 21 Nov 2026". */
    public StringProperty titleProperty() {
        return title;
    }

    /** "3 stops · 150 km between them · 1 late (marked red)". */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** Whether a stop cannot be made in time. */
    public BooleanProperty lateProperty() {
        return late;
    }

    /** Whether the order differs from the one read (moved or suggested, not saved). */
    public BooleanProperty unsavedProperty() {
        return unsaved;
    }

    /** What the last action did or why it did nothing. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Whether the user may change routes (order, places). */
    public boolean canEdit() {
        return actor.can(Permission.BOOKINGS_EDIT);
    }

    public BooleanBinding canSuggest() {
        return Bindings.createBooleanBinding(() -> canEdit() && day.get() != null && order.size() >= 2, day, order);
    }

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> canEdit() && day.get() != null, day);
    }

    // ------------------------------------------------------------------------------------------ loading

    /** Reads the performer's day ({@code performerId} null: no route). */
    public void load(UUID performerId, LocalDate date) {
        if (performerId == null || date == null) {
            show(null);
            return;
        }
        tasks.run(() -> query.day(actor, performerId, date), this::show, errors);
    }

    /** Reads the day shown again (after a save, an added or removed place). */
    public void reload() {
        RouteQuery.Day d = day.get();
        if (d != null) {
            load(d.performerId(), d.day());
        }
    }

    /** Shows a day that was read (the screen reads it with its other layers); null hides the route. */
    public void show(RouteQuery.Day d) {
        day.set(d);
        order.setAll(d == null ? List.of() : d.stops());
        unsaved.set(false);
        changed();
    }

    /** The order changed: schedule it again, and say what it means. */
    private void changed() {
        RouteQuery.Day d = day.get();
        if (d == null) {
            schedule.set(null);
            title.set("");
            summary.set("");
            late.set(false);
        } else {
            Route.Schedule s = Route.schedule(d.home(), List.copyOf(order), d.travel());
            schedule.set(s);
            title.set(tr("map.routeTitle", d.performer(), Format.date(d.day())));
            summary.set(tr("map.routeSummary", order.size(), Math.round(s.km()),
                    s.late() == 0 ? tr("map.allWindowsKept") : tr("map.lateLegs", s.late())));
            late.set(s.late() > 0);
        }
        changes.set(changes.get() + 1);
    }

    private void say(String text) {
        message.set("");
        message.set(text);
    }

    // ------------------------------------------------------------------------------------------ what a stop reads as

    /** The map marker of the stop at {@code index} ("stop:1" for the first). */
    public static String markerKey(int index) {
        return "stop:" + (index + 1);
    }

    /** The booking a stop is a gig of, or null for a place of the performer's own. */
    public static UUID bookingOf(Route.Stop s) {
        return s.isBooking() ? UUID.fromString(s.key().substring("booking:".length())) : null;
    }

    /** "150 km · 1 h 50 min", or that the distance is unknown. */
    public static String legText(Route.Leg leg) {
        return leg.measured() ? tr("map.legText", Math.round(leg.km()), Route.duration(leg.minutes()))
                : tr("map.legUnknown");
    }

    /** The points of the stops that have one, in order (what the map fits to). */
    public List<GeoPoint> points() {
        List<GeoPoint> pts = new ArrayList<>();
        for (Route.Stop s : order) {
            if (s.point() != null) {
                pts.add(s.point());
            }
        }
        return pts;
    }

    /** "1. 14:00 · BK-… Gala @ Hall". */
    public String heading(int index) {
        Route.Stop s = order.get(index);
        return (index + 1) + ". " + Format.time(schedule.get().legs().get(index).start(), day.get().zone()) + " · "
                + s.label();
    }

    /** "start 16:30–17:00 · stays 30 min · 150 km · 1 h 50 min". */
    public String detail(int index) {
        Route.Stop s = order.get(index);
        ZoneId zone = day.get().zone();
        String window = s.windowStart().equals(s.windowEnd()) ? Format.time(s.windowStart(), zone)
                : tr("map.window", Format.time(s.windowStart(), zone), Format.time(s.windowEnd(), zone));
        return tr("map.stopLine", window, Route.duration(s.stayMinutes()))
                + (index == 0 ? "" : " · " + legText(schedule.get().legs().get(index)));
    }

    /** Why the stop at {@code index} cannot be made in time, or null when it can. */
    public String problem(int index) {
        Route.Leg leg = schedule.get().legs().get(index);
        return leg.feasible() ? null : Route.problem(leg, day.get().travel(), day.get().zone());
    }

    // ------------------------------------------------------------------------------------------ commands

    /** Moves a stop (drag and drop); false when there is nothing to move. */
    public boolean move(int from, int to) {
        if (!canEdit() || from < 0 || from >= order.size() || to < 0 || to >= order.size() || from == to) {
            return false;
        }
        List<Route.Stop> next = new ArrayList<>(order);
        next.add(to, next.remove(from));
        order.setAll(next);
        unsaved.set(true);
        say(tr("map.routeUnsaved"));
        changed();
        return true;
    }

    /** Plans the order ({@link RoutePlanner}, off the FX thread) and shows it, unsaved. */
    public void suggest() {
        RouteQuery.Day d = day.get();
        if (d == null || order.size() < 2) {
            return;
        }
        Route.Schedule before = schedule.get();
        List<Route.Stop> given = List.copyOf(order);
        tasks.run(() -> RoutePlanner.plan(d.home(), given, d.travel()), s -> {
            if (day.get() != d) {
                return; // another day was read meanwhile
            }
            order.setAll(s.order());
            unsaved.set(true);
            changed();
            say(tr("map.suggested", Math.round(s.km()), Math.round(before.km()),
                    s.late() == 0 ? tr("map.allWindowsKept") : tr("map.lateLegs", s.late())));
        }, errors);
    }

    /** Saves the order as the performer's schedule for the day, then reads the day again. */
    public void save() {
        RouteQuery.Day d = day.get();
        if (d == null) {
            return;
        }
        List<String> keys = order.stream().map(Route.Stop::key).toList();
        tasks.run(() -> routes.save(actor, d.performerId(), d.day(), keys), s -> {
            reload();
            say(tr("map.routeSaved", d.performer(), d.day()));
        }, e -> {
            if (unwrap(e) instanceof UserFacingException refused) {
                // the stops changed since the day was read: say so and show the day as it now is
                reload();
                say(refused.getMessage());
            } else {
                errors.accept(e);
            }
        });
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (!(t instanceof UserFacingException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Takes a place of the performer's own off the day; a gig stays (its time is the booking's). */
    public void remove(Route.Stop s) {
        if (s == null) {
            return;
        }
        if (s.isBooking()) {
            say(tr("map.removeGig"));
            return;
        }
        UUID id = UUID.fromString(s.key().substring("stop:".length()));
        tasks.run(() -> {
            routes.remove(actor, id);
            return null;
        }, x -> reload(), errors);
    }

    /**
     * Adds a place typed into the sheet ({@code state}: every bad field named at once); {@code coordinates} as
     * "52.5200, 13.4050", the window and stay as typed. {@code close} on success, then the day is read again.
     */
    public void addStop(FormState state, String label, String coordinates, String windowStart, String windowEnd,
                        String stay, Runnable close) {
        RouteQuery.Day d = day.get();
        if (d == null) {
            return;
        }
        Validator v = new Validator();
        LocalTime start = Parse.time("windowStart", windowStart, v);
        LocalTime end = Parse.time("windowEnd", windowEnd, v);
        Integer minutes = Parse.minutes("stayMinutes", stay, v);
        GeoPoint p = null;
        try {
            p = GeoPoint.parse("latitude", coordinates);
        } catch (ValidationException bad) {
            bad.errors().forEach(f -> v.check(false, f.field(), f.message())); // shown with the others
        }
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        GeoPoint at = p;
        state.submit(() -> routes.add(actor, new RouteService.AddRouteStop(d.performerId(), d.day(), label,
                at.latitude(), at.longitude(), start, end, minutes)), id -> {
            close.run();
            reload();
        });
    }
}
