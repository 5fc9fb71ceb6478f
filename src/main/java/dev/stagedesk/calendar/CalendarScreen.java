package dev.stagedesk.calendar;

import static dev.stagedesk.common.I18n.tr;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarEvent;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.model.Interval;
import com.calendarfx.model.LoadEvent;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DateControl;
import dev.stagedesk.booking.BookingFilter;
import dev.stagedesk.booking.BookingFilterFields;
import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.booking.BookingStatus;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Bookings and holds by day, week and month (CalendarFX), coloured by status, narrowed to a performer, venue,
 * client or status. Only the range on screen is read, in the background, so paging through months stays
 * instant at a million bookings. Dragging a booking to another time reschedules it through the same command
 * as the booking screen: the conflict check runs before anything is saved, and a refusal puts the booking
 * back and says why. A performer who signs in sees their own gigs; the schedule shown exports as .ics.
 */
public final class CalendarScreen implements Screen {
    /** The most bookings one range shows; a fuller range says so and asks for a filter. */
    static final int RANGE_MAX = 3_000;
    private static final List<BookingStatus> STATUSES = List.of(BookingStatus.values());

    public record Deps(BookingQuery query, BookingService bookings, CommandBus bus,
                       PerformerQuery performers, ClientQuery clients,
                       VenueQuery venues, IcsExport ics, RouteQuery routes,
                       Supplier<ZoneId> zone, Clock clock, BiConsumer<String, UUID> open) {
    }

    private final Deps deps;
    private final UiContext ui;
    private final CalendarView view = new CalendarView();
    private final Map<BookingStatus, Calendar> byStatus = new LinkedHashMap<>();
    /** Performers' places of their own (street performances) from their saved day routes: shown, not moved here. */
    private final Calendar places = new Calendar(tr("calendar.places"));
    private final Label message = new Label();
    private final BorderPane root = new BorderPane();
    private final SimpleObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<ClientRow> client = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<VenueRow> venue = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<BookingStatus> status = new SimpleObjectProperty<>();
    private final boolean canMove;
    private ZoneId zone = Format.agencyZone();
    private LocalDate loadedFrom;
    private LocalDate loadedTo;
    private long generation;
    /** Set while the screen itself changes entries (loading, putting one back): not a user's drag. */
    private boolean quiet;

    public CalendarScreen(Deps deps, UiContext ui) {
        this.deps = deps;
        this.ui = ui;
        this.canMove = ui.actor().can(Permission.BOOKINGS_EDIT);
        view.setId("calendarView");
        CalendarSource source = new CalendarSource(tr("calendar.bookings"));
        Calendar.Style[] styles = {Calendar.Style.STYLE3, Calendar.Style.STYLE1, Calendar.Style.STYLE2,
                Calendar.Style.STYLE7};
        for (int i = 0; i < STATUSES.size(); i++) {
            BookingStatus s = STATUSES.get(i);
            Calendar c = new Calendar(tr("calendar.status." + s.name()));
            c.setShortName(s.name().substring(0, 1));
            c.setStyle(styles[i]);
            c.setReadOnly(!canMove || s.isClosed());
            c.addEventHandler((EventHandler<CalendarEvent>) evt -> {
                if (evt.getEventType() == CalendarEvent.ENTRY_INTERVAL_CHANGED) {
                    moved(evt);
                }
            });
            byStatus.put(s, c);
            source.getCalendars().add(c);
        }
        places.setShortName("P");
        places.setStyle(Calendar.Style.STYLE4); // purple: apart from every status colour
        places.setReadOnly(true);
        source.getCalendars().add(places);
        view.getCalendarSources().setAll(source);
        view.setShowAddCalendarButton(false);
        view.setShowPrintButton(false);
        view.setShowSearchField(false); // Ctrl+K searches everything
        view.setShowSourceTrayButton(false);
        view.setShowSourceTray(false);
        view.setShowDeveloperConsole(false);
        view.setWeekFields(WeekFields.of(DayOfWeek.MONDAY, 4));
        view.showWeekPage(); // a coordinator's week at a glance; Day, Month and Year are one click away
        view.setEntryFactory(p -> null); // bookings are made from inquiries and the bookings screen
        view.setContextMenuCallback(p -> null);
        view.setEntryContextMenuCallback(p -> null);
        view.setEntryEditPolicy(p -> canMove && p.getEditOperation() == DateControl.EditOperation.MOVE
                && !p.getEntry().getCalendar().isReadOnly());
        view.setEntryDetailsCallback(p -> {
            if (p.getEntry().getUserObject() instanceof BookingRow row) {
                deps.open().accept(BookingService.ENTITY, row.id());
            }
            return true;
        });
        view.addEventHandler(LoadEvent.LOAD, e -> requested(e.getStartDate(), e.getEndDate()));

        message.setId("calendarMessage");
        message.setWrapText(true);
        Label title = new Label(tr("area.calendar"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        VBox top = new VBox(8, title, filters(), message);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        root.setCenter(view);
        root.getStyleClass().add(Styles.SCREEN);
    }

    private Node filters() {
        FlowPane row = new FlowPane(8, 6);
        row.setAlignment(Pos.CENTER_LEFT);
        ComboBox<BookingStatus> statusBox = new ComboBox<>();
        statusBox.setId("calendarStatus");
        List<BookingStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(STATUSES);
        statusBox.setItems(FXCollections.observableArrayList(statuses));
        statusBox.setPromptText(tr("filter.anyStatus"));
        statusBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(BookingStatus s) {
                return s == null ? tr("filter.anyStatus") : tr("calendar.status." + s.name());
            }

            @Override
            public BookingStatus fromString(String s) {
                return null;
            }
        });
        statusBox.valueProperty().bindBidirectional(status);
        row.getChildren().add(statusBox);
        if (ui.actor().can(Permission.BOOKINGS_VIEW_ALL)) {
            var performerBox = BookingFilterFields.performer("calendarPerformer", deps.performers(), ui, performer);
            var clientField = BookingFilterFields.client("calendarClient", deps.clients(), ui, client);
            var venueField = BookingFilterFields.venue("calendarVenue", deps.venues(), venue);
            row.getChildren().addAll(performerBox, clientField, venueField);
        }
        Button clear = new Button(tr("filter.clear"));
        clear.setId("calendarClearFilters");
        clear.setOnAction(e -> {
            status.set(null);
            performer.set(null);
            client.set(null);
            venue.set(null);
        });
        Button ics = new Button(tr("ics.export"));
        ics.setId("calendarIcs");
        ics.setOnAction(e -> exportIcs());
        row.getChildren().addAll(clear, ics);
        for (var p : List.of(status, performer, client, venue)) {
            p.addListener((o, a, b) -> reload());
        }
        return row;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        ui.tasks().run(() -> new Today(deps.zone().get(), deps.clock().instant()), t -> {
            zone = t.zone();
            view.setZoneId(zone);
            LocalDate today = LocalDate.ofInstant(t.now(), zone);
            view.setToday(today);
            if (loadedFrom == null) {
                view.setDate(today);
                view.setRequestedTime(LocalTime.of(17, 0));
            }
            reload();
        }, ui.errors());
    }

    private record Today(ZoneId zone, Instant now) {
    }

    /** Reads the range on screen again (after a filter changed, a move, or coming back to the calendar). */
    private void reload() {
        if (loadedFrom == null) {
            return; // the view asks for its range (a load event) once it is on screen
        }
        load(loadedFrom, loadedTo, true);
    }

    private LocalDate askedFrom;
    private LocalDate askedTo;

    /**
     * The parts of a page (the days, the month beside them, the agenda) each ask for their range as they show:
     * the ranges asked for in one go are read as one.
     */
    private void requested(LocalDate from, LocalDate to) {
        if (askedFrom == null) {
            askedFrom = from;
            askedTo = to;
            Platform.runLater(() -> {
                LocalDate f = askedFrom;
                LocalDate t = askedTo;
                askedFrom = null;
                askedTo = null;
                load(f, t, false);
            });
            return;
        }
        askedFrom = from.isBefore(askedFrom) ? from : askedFrom;
        askedTo = to.isAfter(askedTo) ? to : askedTo;
    }

    private void load(LocalDate from, LocalDate to, boolean force) {
        if (from == null || to == null || !force && from.equals(loadedFrom) && to.equals(loadedTo)) {
            return;
        }
        loadedFrom = from;
        loadedTo = to;
        long mine = ++generation;
        ZoneId z = zone;
        BookingFilter filter = new BookingFilter(status.get(), from.atStartOfDay(z).toInstant(),
                to.plusDays(1).atStartOfDay(z).toInstant(), client.get() == null ? null : client.get().id(),
                venue.get() == null ? null : venue.get().id(), performer.get() == null ? null : performer.get().id(),
                null, null);
        // places have no status, client or venue: a filter on those shows bookings only
        boolean withPlaces = status.get() == null && client.get() == null && venue.get() == null;
        UUID placesOf = performer.get() != null ? performer.get().id()
                : ui.actor().can(Permission.BOOKINGS_VIEW_ALL) ? null : ui.actor().performerId();
        boolean mayReadPlaces = placesOf != null || ui.actor().can(Permission.BOOKINGS_VIEW_ALL);
        ui.tasks().run(() -> new Loaded(deps.query().page(ui.actor(), new PageRequest("", "date", true, 0, RANGE_MAX),
                        filter), withPlaces && mayReadPlaces ? deps.routes().places(ui.actor(), placesOf,
                        filter.from(), filter.to()) : List.of()),
                loaded -> {
                    if (mine == generation) {
                        show(loaded.page());
                        showPlaces(loaded.places());
                    }
                }, ui.errors());
    }

    private record Loaded(Page<BookingRow> page, List<RouteQuery.PlaceVisit> places) {
    }

    private void showPlaces(List<RouteQuery.PlaceVisit> visits) {
        quiet = true;
        try {
            List<Entry<?>> entries = new ArrayList<>(visits.size());
            for (var v : visits) {
                Entry<RouteQuery.PlaceVisit> e = new Entry<>(v.label() + " · " + v.performer());
                e.setId("place:" + v.id());
                e.setInterval(v.start().atZone(zone), v.end().atZone(zone));
                e.setLocation(v.point() == null ? null : v.point().text());
                e.setUserObject(v);
                entries.add(e);
            }
            places.clear();
            places.addEntries(entries);
        } finally {
            quiet = false;
        }
    }

    private void show(Page<BookingRow> page) {
        quiet = true;
        try {
            Map<BookingStatus, List<Entry<?>>> entries = new LinkedHashMap<>();

            for (BookingRow r : page.rows()) {
                Entry<BookingRow> e = new Entry<>(r.title() + " · " + r.number());
                e.setId(r.id().toString());
                e.setInterval(r.startsAt().atZone(zone), r.endsAt().atZone(zone));
                e.setLocation(r.venueName() == null ? null : r.venueName() + (r.city() == null ? "" : ", " + r.city()));
                e.setUserObject(r);
                entries.computeIfAbsent(r.status(), k -> new ArrayList<>()).add(e);
            }
            byStatus.forEach((s, c) -> {
                c.clear();
                List<Entry<?>> mine = entries.get(s);
                if (mine != null) {
                    c.addEntries(mine);
                }
            });
        } finally {
            quiet = false;
        }
        if (page.rows().size() >= RANGE_MAX) {
            say(tr("calendar.capped", RANGE_MAX), true);
        } else if (message.getStyleClass().contains(Styles.ALERT) && message.getText().equals(tr("calendar.capped",
                RANGE_MAX))) {
            say("", false);
        }
    }

    /** A booking dragged to another time: reschedule it, or put it back and say why. */
    private void moved(CalendarEvent event) {
        if (quiet || event.getOldInterval() == null || !(event.getEntry().getUserObject() instanceof BookingRow row)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Entry<BookingRow> entry = (Entry<BookingRow>) event.getEntry();
        Interval before = event.getOldInterval();
        Instant start = entry.getStartAsZonedDateTime().toInstant();
        Instant end = entry.getEndAsZonedDateTime().toInstant();
        if (start.equals(before.getStartZonedDateTime().toInstant()) && end.equals(before.getEndZonedDateTime().toInstant())) {
            return;
        }
        ui.tasks().run(() -> {
            var b = deps.bookings().find(row.id());
            return deps.bus().execute(ui.actor(), new BookingService.RescheduleBooking(b.id(), b.version(), start, end,
                    tr("calendar.movedReason")));
        }, saved -> {
            say(tr("calendar.moved", row.number(), Format.dateTime(start, zone.getId())), false);
            reload();
        }, e -> {
            quiet = true;
            try {
                entry.setInterval(before);
            } finally {
                quiet = false;
            }
            if (e instanceof UserFacingException refused) {
                say(tr("calendar.refused", row.number(), refused.getMessage()), true);
            } else {
                ui.errors().accept(e);
            }
        });
    }

    private void say(String text, boolean alert) {
        message.setText(text);
        message.getStyleClass().remove(Styles.ALERT);
        if (alert) {
            message.getStyleClass().add(Styles.ALERT);
        }
    }

    /** The schedule on screen (this performer's, or everyone's the filters allow) as an .ics file. */
    private void exportIcs() {
        PerformerChoice p = performer.get();
        String name = (p == null ? tr("calendar.agencyFile") : p.stageName()).replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        ui.saveDialog().ask(root, tr("ics.export"),
                name + ".ics", "ics").ifPresent(path -> {
                    LocalDate from = loadedFrom == null ? view.getDate().withDayOfMonth(1) : loadedFrom;
                    LocalDate to = loadedTo == null ? from.plusMonths(1) : loadedTo;
                    ZoneId z = zone;
                    ui.tasks().run(() -> {
                        int[] n = new int[1];
                        AtomicFile.writeText(path, w -> n[0] = deps.ics().write(ui.actor(),
                                p == null ? null : p.id(), from.atStartOfDay(z).toInstant(),
                                to.plusDays(1).atStartOfDay(z).toInstant(), w));
                        return n[0];
                    }, n -> say(tr("ics.exported", n, path.getFileName()), false), ui.errors());
                });
    }
}
