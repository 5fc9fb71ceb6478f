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
import dev.stagedesk.booking.BookingFilterFields;
import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueQuery;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Bookings and holds by day, week and month (CalendarFX), coloured by status, narrowed to a performer, venue,
 * client or status. Only the range on screen is read, in the background, so paging through months stays
 * instant at a million bookings. Dragging a booking to another time reschedules it through the same command
 * as the booking screen: the conflict check runs before anything is saved, and a refusal puts the booking
 * back and says why; a booking someone changed since the range was read is refused naming who and when, with
 * Reload. A performer who signs in sees their own gigs; the schedule shown exports as .ics. What was loaded and
 * the move live in {@link CalendarViewModel}; this class is CalendarFX's plumbing.
 */
public final class CalendarScreen implements Screen {
    /** The most bookings one range shows; a fuller range says so and asks for a filter. */
    static final int RANGE_MAX = CalendarViewModel.RANGE_MAX;
    private static final List<BookingStatus> STATUSES = CalendarViewModel.STATUSES;

    public record Deps(BookingQuery query, BookingService bookings, CommandBus bus,
                       PerformerQuery performers, ClientQuery clients,
                       VenueQuery venues, IcsExport ics, RouteQuery routes,
                       Supplier<ZoneId> zone, Clock clock, BiConsumer<String, UUID> open) {
    }

    private final Deps deps;
    private final UiContext ui;
    private final CalendarViewModel model;
    private final CalendarView view = new CalendarView();
    private final Map<BookingStatus, Calendar> byStatus = new LinkedHashMap<>();
    /** Performers' places of their own (street performances) from their saved day routes: shown, not moved here. */
    private final Calendar places = new Calendar(tr("calendar.places"));
    private final Label message = new Label();
    private final Button reloadButton = new Button(tr("record.reload"));
    private final BorderPane root = new BorderPane();
    /** Set while the screen itself changes entries (loading, putting one back): not a user's drag. */
    private boolean quiet;

    public CalendarScreen(Deps deps, UiContext ui) {
        this.deps = deps;
        this.ui = ui;
        this.model = new CalendarViewModel(new CalendarViewModel.Deps(deps.query(), deps.bus(), deps.routes(),
                deps.zone(), deps.clock()), ui.actor(), ui.tasks(), ui.errors());
        boolean canMove = model.canMove();
        view.setId("calendarView");
        CalendarSource source = new CalendarSource(tr("calendar.bookings"));
        Calendar.Style[] styles = {Calendar.Style.STYLE3, Calendar.Style.STYLE1, Calendar.Style.STYLE2,
                Calendar.Style.STYLE7};
        for (int i = 0; i < STATUSES.size(); i++) {
            BookingStatus s = STATUSES.get(i);
            Calendar c = new Calendar(tr("calendar.status." + s.name()));
            c.setShortName(s.name().substring(0, 1));
            c.setStyle(styles[i]);
            c.setReadOnly(!model.movable(s));
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
        model.zoneProperty().addListener((o, a, z) -> view.setZoneId(z));
        view.setZoneId(model.zoneProperty().get());
        model.todayProperty().addListener((o, a, today) -> {
            view.setToday(today);
            if (model.from() == null) {
                view.setDate(today);
                view.setRequestedTime(LocalTime.of(17, 0));
            }
        });
        model.loadedProperty().addListener((o, a, l) -> show(l));

        message.setId("calendarMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.alertProperty().addListener((o, a, on) -> {
            message.getStyleClass().remove(Styles.ALERT);
            if (on) {
                message.getStyleClass().add(Styles.ALERT);
            }
        });
        // a move refused because someone changed the booking meanwhile: read the range again
        reloadButton.setId("calendarReload");
        reloadButton.setOnAction(e -> model.reloadAfterRefusal());
        reloadButton.visibleProperty().bind(model.staleProperty().isNotNull());
        reloadButton.managedProperty().bind(reloadButton.visibleProperty());
        HBox said = new HBox(8, message, reloadButton);
        said.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);
        Label title = new Label(tr("area.calendar"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        VBox top = new VBox(8, title, filters(), said);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        root.setCenter(view);
        root.getStyleClass().add(Styles.SCREEN);
    }

    /** The screen's view model (tests). */
    CalendarViewModel model() {
        return model;
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
        statusBox.valueProperty().bindBidirectional(model.status);
        row.getChildren().add(statusBox);
        if (model.seesAll()) {
            var performerBox = BookingFilterFields.performer("calendarPerformer", deps.performers(), ui,
                    model.performer);
            var clientField = BookingFilterFields.client("calendarClient", deps.clients(), ui, model.client);
            var venueField = BookingFilterFields.venue("calendarVenue", deps.venues(), model.venue);
            row.getChildren().addAll(performerBox, clientField, venueField);
        }
        Button clear = new Button(tr("filter.clear"));
        clear.setId("calendarClearFilters");
        clear.setOnAction(e -> {
            model.status.set(null);
            model.performer.set(null);
            model.client.set(null);
            model.venue.set(null);
        });
        Button ics = new Button(tr("ics.export"));
        ics.setId("calendarIcs");
        ics.setOnAction(e -> exportIcs());
        row.getChildren().addAll(clear, ics);
        return row;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
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
                model.show(f, t);
            });
            return;
        }
        askedFrom = from.isBefore(askedFrom) ? from : askedFrom;
        askedTo = to.isAfter(askedTo) ? to : askedTo;
    }

    /** Puts what was read into CalendarFX's calendars (quietly: not a user's change). */
    private void show(CalendarViewModel.Loaded loaded) {
        if (loaded == null) {
            return;
        }
        ZoneId zone = loaded.zone();
        quiet = true;
        try {
            Map<BookingStatus, List<Entry<?>>> entries = new LinkedHashMap<>();
            for (BookingRow r : loaded.bookings()) {
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
            List<Entry<?>> visits = new ArrayList<>(loaded.places().size());
            for (var v : loaded.places()) {
                Entry<RouteQuery.PlaceVisit> e = new Entry<>(v.label() + " · " + v.performer());
                e.setId("place:" + v.id());
                e.setInterval(v.start().atZone(zone), v.end().atZone(zone));
                e.setLocation(v.point() == null ? null : v.point().text());
                e.setUserObject(v);
                visits.add(e);
            }
            places.clear();
            places.addEntries(visits);
        } finally {
            quiet = false;
        }
    }

    /** A booking dragged to another time: the view model reschedules it, or it goes back and the message says why. */
    private void moved(CalendarEvent event) {
        if (quiet || event.getOldInterval() == null || !(event.getEntry().getUserObject() instanceof BookingRow row)) {
            return;
        }
        Entry<?> entry = event.getEntry();
        Interval before = event.getOldInterval();
        Instant start = entry.getStartAsZonedDateTime().toInstant();
        Instant end = entry.getEndAsZonedDateTime().toInstant();
        if (start.equals(before.getStartZonedDateTime().toInstant()) && end.equals(before.getEndZonedDateTime().toInstant())) {
            return;
        }
        // the row the entry was made from: its version is the one the booking was loaded with
        model.reschedule(row, start, end, () -> {
            quiet = true;
            try {
                entry.setInterval(before);
            } finally {
                quiet = false;
            }
        });
    }

    /** The schedule on screen (this performer's, or everyone's the filters allow) as an .ics file. */
    private void exportIcs() {
        PerformerChoice p = model.performer.get();
        String name = (p == null ? tr("calendar.agencyFile") : p.stageName()).replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        ui.saveDialog().ask(root, tr("ics.export"),
                name + ".ics", "ics").ifPresent(path -> {
                    LocalDate from = model.from() == null ? view.getDate().withDayOfMonth(1) : model.from();
                    LocalDate to = model.to() == null ? from.plusMonths(1) : model.to();
                    ZoneId z = model.zoneProperty().get();
                    ui.tasks().run(() -> {
                        int[] n = new int[1];
                        AtomicFile.writeText(path, w -> n[0] = deps.ics().write(ui.actor(),
                                p == null ? null : p.id(), from.atStartOfDay(z).toInstant(),
                                to.plusDays(1).atStartOfDay(z).toInstant(), w));
                        return n[0];
                    }, n -> model.say(tr("ics.exported", n, path.getFileName()), false), ui.errors());
                });
    }
}
