package dev.stagedesk.calendar;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingFilter;
import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ReloadOffer;
import dev.stagedesk.ui.TaskRunner;
import dev.stagedesk.venue.VenueRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the calendar shows and does, without CalendarFX: the range loaded (its bookings, each with the version it
 * was read with, and the performers' own places), the filters, and the drag-to-reschedule command. A move sends
 * the version the booking was loaded with: if someone changed the booking meanwhile the move is refused, the entry
 * goes back, the message names who changed it and when, and {@link #reloadAfterRefusal()} reads the range again.
 */
public final class CalendarViewModel {
    /** The most bookings one range shows; a fuller range says so and asks for a filter. */
    public static final int RANGE_MAX = 3_000;
    /** The statuses, in the order of their calendars. */
    public static final List<BookingStatus> STATUSES = List.of(BookingStatus.values());

    /** The reads and the command the calendar uses; {@code zone} and {@code clock} give the agency's today. */
    public record Deps(BookingQuery query, CommandBus bus, RouteQuery routes, Supplier<ZoneId> zone, Clock clock) {
    }

    /**
     * One range as it was read: the days {@code from}..{@code to} in {@code zone}, the bookings overlapping it
     * (with their versions), the places, and whether the bookings were capped at {@link #RANGE_MAX}.
     * {@code generation} tells two reads of the same range apart.
     */
    public record Loaded(long generation, LocalDate from, LocalDate to, ZoneId zone, List<BookingRow> bookings,
                         List<RouteQuery.PlaceVisit> places, boolean capped) {
    }

    public final ObjectProperty<BookingStatus> status = new SimpleObjectProperty<>();
    public final ObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>();
    public final ObjectProperty<ClientRow> client = new SimpleObjectProperty<>();
    public final ObjectProperty<VenueRow> venue = new SimpleObjectProperty<>();

    private final Deps deps;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> errors;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(Format.agencyZone());
    private final ReadOnlyObjectWrapper<LocalDate> today = new ReadOnlyObjectWrapper<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty alert = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ConcurrentEditException> stale = new ReadOnlyObjectWrapper<>();
    private LocalDate from;
    private LocalDate to;
    private long generation;

    public CalendarViewModel(Deps deps, Actor actor, TaskRunner tasks, Consumer<Throwable> errors) {
        this.deps = deps;
        this.actor = actor;
        this.tasks = tasks;
        this.errors = errors;
        for (var p : List.of(status, performer, client, venue)) {
            p.addListener((o, a, b) -> reload());
        }
    }

    /** The range on screen as last read (null before the first read). */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    /** The agency's today (null until {@link #activate()} has read it). */
    public ReadOnlyObjectProperty<LocalDate> todayProperty() {
        return today.getReadOnlyProperty();
    }

    /** What the last load or move said ("… moved to …", a refusal, the cap). */
    public StringProperty messageProperty() {
        return message;
    }

    /** Whether the message is a refusal or a warning. */
    public BooleanProperty alertProperty() {
        return alert;
    }

    /** The last move's refusal when the booking had changed since it was loaded (the view offers Reload), else null. */
    public ReadOnlyObjectProperty<ConcurrentEditException> staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Whether the user may drag bookings at all. */
    public boolean canMove() {
        return actor.can(Permission.BOOKINGS_EDIT);
    }

    /** Whether bookings of {@code status} can be dragged (holds and confirmed ones, by someone who may edit). */
    public boolean movable(BookingStatus status) {
        return canMove() && status.isOpen();
    }

    /** Whether the filters for performer, client and venue apply (someone who sees every booking). */
    public boolean seesAll() {
        return actor.can(Permission.BOOKINGS_VIEW_ALL);
    }

    /** The first range read, or null before it. */
    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** Reads where the agency is and its today, then the range on screen again (coming back to the calendar). */
    public void activate() {
        tasks.run(() -> new Today(deps.zone().get(), deps.clock().instant()), t -> {
            zone.set(t.zone());
            today.set(LocalDate.ofInstant(t.now(), t.zone()));
            reload();
        }, errors);
    }

    private record Today(ZoneId zone, Instant now) {
    }

    /** Shows the days {@code from}..{@code to}: read unless that range is already shown. */
    public void show(LocalDate from, LocalDate to) {
        load(from, to, false);
    }

    /** Reads the range on screen again (a filter changed, after a move, Reload). */
    public void reload() {
        if (from != null) {
            load(from, to, true);
        }
    }

    private void load(LocalDate from, LocalDate to, boolean force) {
        if (from == null || to == null || !force && from.equals(this.from) && to.equals(this.to)) {
            return;
        }
        this.from = from;
        this.to = to;
        long mine = ++generation;
        ZoneId z = zone.get();
        BookingFilter filter = new BookingFilter(status.get(), from.atStartOfDay(z).toInstant(),
                to.plusDays(1).atStartOfDay(z).toInstant(), client.get() == null ? null : client.get().id(),
                venue.get() == null ? null : venue.get().id(), performer.get() == null ? null : performer.get().id(),
                null, null);
        // places have no status, client or venue: a filter on those shows bookings only
        boolean withPlaces = status.get() == null && client.get() == null && venue.get() == null;
        UUID placesOf = performer.get() != null ? performer.get().id() : seesAll() ? null : actor.performerId();
        boolean mayReadPlaces = placesOf != null || seesAll();
        tasks.run(() -> {
            List<BookingRow> rows = deps.query().page(actor, new PageRequest("", "date", true, 0, RANGE_MAX), filter)
                    .rows();
            List<RouteQuery.PlaceVisit> places = withPlaces && mayReadPlaces
                    ? deps.routes().places(actor, placesOf, filter.from(), filter.to()) : List.of();
            return new Loaded(mine, from, to, z, rows, places, rows.size() >= RANGE_MAX);
        }, l -> {
            if (mine == generation) {
                loaded.set(l);
                if (l.capped()) {
                    say(tr("calendar.capped", RANGE_MAX), true);
                } else if (alert.get() && message.get().equals(tr("calendar.capped", RANGE_MAX))) {
                    say("", false);
                }
            }
        }, errors);
    }

    /** The booking as loaded, by id (null when it is not in the range shown). */
    public BookingRow booking(UUID id) {
        Loaded l = loaded.get();
        return l == null ? null : l.bookings().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * A booking dragged to {@code start}..{@code end}: reschedules it with the version it was loaded with. On a
     * refusal {@code putBack} runs (the entry goes back where it was) and the message says why; a change made
     * meanwhile also sets {@link #staleProperty()}.
     */
    public void reschedule(BookingRow row, Instant start, Instant end, Runnable putBack) {
        if (start.equals(row.startsAt()) && end.equals(row.endsAt())) {
            return;
        }
        ZoneId z = zone.get();
        stale.set(null);
        tasks.run(() -> deps.bus().execute(actor, new BookingService.RescheduleBooking(row.id(), row.version(),
                start, end, tr("calendar.movedReason"))), saved -> {
            say(tr("calendar.moved", row.number(), Format.dateTime(start, z.getId())), false);
            reload();
        }, e -> {
            putBack.run();
            ConcurrentEditException changed = ReloadOffer.staleIn(e);
            if (changed != null) {
                stale.set(changed);
                say(tr("calendar.refused", row.number(), changed.getMessage()), true);
            } else if (unwrap(e) instanceof UserFacingException refused) {
                say(tr("calendar.refused", row.number(), refused.getMessage()), true);
            } else {
                errors.accept(e);
            }
        });
    }

    /** Reload after a stale refusal: the range with every booking's current times and versions. */
    public void reloadAfterRefusal() {
        stale.set(null);
        say("", false);
        reload();
    }

    /** Says what was done ("… exported"). */
    public void say(String text, boolean isAlert) {
        message.set(text);
        alert.set(isAlert);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (!(t instanceof UserFacingException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
