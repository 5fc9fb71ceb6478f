package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingFilterFields;
import dev.stagedesk.booking.BookingStatus;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.map.MapScene.Layer;
import dev.stagedesk.map.MapScene.Marker;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.SearchableComboBox;

/**
 * The map area: layers (venues; bookings of a day or week coloured by status, with their radius clauses; home
 * bases; one performer's route for the day), filters, a popover for clicked markers that opens the record, and
 * the route panel (stops in order with each leg's distance and time, late legs explained; suggest an order, drag to
 * adjust, add or remove a place, save as the performer's schedule). Draws on the offline map, or on Google Maps
 * when a key is set and Google answers (switchable).
 */
public final class MapScreen implements Screen {
    public record Deps(MapQuery map, RouteQuery routeQuery, RouteService routes, MapSettings settings,
                       PerformerQuery performers, Supplier<ZoneId> zone, Clock clock,
                       BiConsumer<String, UUID> openRecord, Function<String, MapSurface> online,
                       PlaceTools places) {
    }

    private final Deps deps;
    private final UiContext ui;
    private final BorderPane root = new BorderPane();
    private final StackPane mapHolder = new StackPane();
    private final OfflineMapView offline = new OfflineMapView(null);
    private MapSurface surface = offline;
    private final CheckBox venues = check("layerVenues", tr("map.layer.venues"), true);
    private final CheckBox bookings = check("layerBookings", tr("map.layer.bookings"), true);
    private final CheckBox homes = check("layerHomes", tr("map.layer.homes"), false);
    private final CheckBox route = check("layerRoute", tr("map.layer.route"), true);
    private final DatePicker day = new DateField();
    private final ComboBox<String> range = new ComboBox<>();
    private final ComboBox<BookingStatus> status = new ComboBox<>();
    private final TextField actOrGenre = new TextField();
    private final ObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>();
    private final ToggleButton google = new ToggleButton(tr("map.google"));
    private final Label statusLine = new Label();
    private final Label message = new Label();
    private final Label selection = new Label();
    private final VBox routePanel = new VBox(8);
    private final Label routeTitle = new Label();
    private final Label routeSummary = new Label();
    private final ObservableList<Route.Stop> order = FXCollections.observableArrayList();
    private final ListView<Route.Stop> stopList = new ListView<>(order);
    private RouteQuery.Day routeDay;
    private Route.Schedule schedule;
    private MapScene base = MapScene.EMPTY;
    private List<GeoPoint> lastFit = List.of();
    private PopOver popOver;
    private long loads;
    private boolean fitNext = true;
    /** Said once after the next load (what a save did), before the load's own notes. */
    private String saidAfterLoad;

    public MapScreen(Deps deps, UiContext ui) {
        this.deps = deps;
        this.ui = ui;
        root.setId("mapScreen");
        day.setId("mapDay");
        day.setValue(LocalDate.now(deps.clock().withZone(deps.zone().get())));
        range.setId("mapRange");
        range.getItems().setAll(tr("map.range.day"), tr("map.range.week"));
        range.setValue(range.getItems().get(0));
        status.setId("mapStatus");
        status.getItems().setAll(Arrays.asList(null, BookingStatus.HOLD, BookingStatus.CONFIRMED, BookingStatus.COMPLETED,
                BookingStatus.CANCELLED));
        status.setValue(null);
        status.setPromptText(tr("map.status.all"));

        CodeLabels.on(status, BookingStatus.class, tr("map.status.all"));
        actOrGenre.setId("mapActGenre");
        actOrGenre.setPromptText(tr("map.actOrGenre"));
        actOrGenre.setPrefColumnCount(10);
        SearchableComboBox<PerformerChoice> who = BookingFilterFields.performer("mapPerformer", deps.performers(), ui,
                performer);
        if (!ui.actor().can(Permission.PERFORMERS_VIEW) && ui.actor().performerId() != null) {
            // a performer: their own day
            performer.set(new PerformerChoice(ui.actor().performerId(), ui.actor().username(), null));
            who.setDisable(true);
        }
        google.setId("mapGoogle");
        google.setDisable(true);
        google.setOnAction(e -> useGoogle(google.isSelected()));
        Button fit = new Button(tr("map.fit"));
        fit.setId("mapFit");
        fit.setOnAction(e -> surface.fit(lastFit));
        TextField goTo = TownSearch.field("mapGoTo", ui,
                town -> surface.fit(TownSearch.around(town.point())), message::setText);
        FlowPane bar = new FlowPane(8, 6, venues, bookings, homes, route, new Label(tr("map.day")), day, range, status,
                actOrGenre, who, fit, goTo, google);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        for (var c : List.of(venues, bookings, homes, route)) {
            c.setOnAction(e -> reload());
        }
        // a new filter shows what it found: the view moves to it
        day.valueProperty().addListener((o, a, b) -> refit());
        range.valueProperty().addListener((o, a, b) -> refit());
        status.valueProperty().addListener((o, a, b) -> refit());
        actOrGenre.setOnAction(e -> refit());
        performer.addListener((o, a, b) -> {
            fitNext = true;
            reload();
        });
        message.setId("mapMessage");
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        statusLine.setId("mapStatusLine");
        selection.setId("mapSelection");
        HBox bottom = new HBox(16, statusLine, selection);
        bottom.setPadding(new Insets(6, 0, 0, 0));
        VBox south = new VBox(4, message, bottom);
        mapHolder.getChildren().setAll(offline);
        offline.setOnMarkersClicked(this::markersClicked);
        root.setTop(bar);
        root.setCenter(mapHolder);
        root.setBottom(south);
        buildRoutePanel();
        ui.tasks().run(Basemap::shipped, offline::setBasemap, ui.errors());
        // Google Maps when a key is set and Google answers; the offline map otherwise (and to switch back to)
        ui.tasks().run(() -> {
            MapSettings.Values v = deps.settings().values();
            return v.keyed() && reachable("maps.googleapis.com", 443) ? Boolean.TRUE : v.keyed() ? Boolean.FALSE : null;
        }, online -> {
            google.setDisable(online == null);
            if (Boolean.TRUE.equals(online)) {
                google.setSelected(true);
                useGoogle(true);
            } else if (Boolean.FALSE.equals(online)) {
                message.setText(tr("map.offlineNoNetwork"));
            }
        }, ui.errors());
    }

    private static CheckBox check(String id, String text, boolean on) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(on);
        return c;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        reload();
    }

    /** The offline map (tests click on it). */
    public OfflineMapView offlineMap() {
        return offline;
    }

    public MapSurface surface() {
        return surface;
    }

    // ------------------------------------------------------------------------------------------ loading

    private void refit() {
        fitNext = true;
        reload();
    }

    private record Loaded(List<Marker> venues, MapQuery.Bookings bookings, List<Marker> homes, RouteQuery.Day day) {
    }

    void reload() {
        LocalDate d = day.getValue();
        if (d == null) {
            message.setText(tr("map.dayRequired"));
            return;
        }
        boolean week = range.getItems().indexOf(range.getValue()) == 1;
        LocalDate from = week ? d.with(DayOfWeek.MONDAY) : d;
        LocalDate to = week ? from.plusDays(6) : d;
        BookingStatus st = status.getValue();
        Set<BookingStatus> statuses = st == null ? Set.of() : Set.of(st);

        PerformerChoice p = performer.get();
        String act = actOrGenre.getText();
        MapFilter filter = new MapFilter(from, to, statuses, act, p == null ? null : p.id());
        boolean v = venues.isSelected();
        boolean b = bookings.isSelected();
        boolean h = homes.isSelected();
        boolean r = route.isSelected() && p != null;
        long mine = ++loads;
        ui.tasks().run(() -> new Loaded(v ? deps.map().venues(ui.actor()) : List.of(),
                b ? deps.map().bookings(ui.actor(), filter) : null, h ? deps.map().homes(ui.actor(), act) : List.of(),
                r ? deps.routeQuery().day(ui.actor(), p.id(), d) : null), l -> {
            if (mine == loads) {
                shown(l);
            }
        }, ui.errors());
    }

    private void shown(Loaded l) {
        List<Marker> markers = new ArrayList<>(l.venues());
        List<MapScene.Circle> circles = new ArrayList<>();
        int noPlace = 0;
        boolean capped = false;
        if (l.bookings() != null) {
            markers.addAll(l.bookings().markers());
            circles.addAll(l.bookings().circles());
            noPlace = l.bookings().withoutPlace();
            capped = l.bookings().capped();
        }
        markers.addAll(l.homes());
        base = new MapScene(markers, circles, List.of());
        routeDay = l.day();
        order.setAll(routeDay == null ? List.of() : routeDay.stops());
        routePanel.setVisible(routeDay != null);
        routePanel.setManaged(routeDay != null);
        int bookingCount = l.bookings() == null ? 0 : l.bookings().markers().size();
        statusLine.setText(tr("map.statusLine", bookingCount, l.venues().size(), l.homes().size(),
                tr(surface.kind().equals("google") ? "map.kind.google" : "map.kind.offline")));
        List<String> notes = new ArrayList<>();
        if (saidAfterLoad != null) {
            notes.add(saidAfterLoad);
            saidAfterLoad = null;
        }
        if (capped) {
            notes.add(tr("map.capped", MapQuery.MAX_BOOKINGS));
        }
        if (noPlace > 0) {
            notes.add(tr("map.withoutPlace", noPlace));
        }
        message.setText(String.join(" ", notes));
        routeChanged();
        boolean found = l.bookings() != null && !l.bookings().markers().isEmpty();
        if (fitNext && (found || routeDay != null || lastFit.isEmpty())) {
            fitNext = false;
            List<GeoPoint> pts = routeDay != null && !schedulePoints().isEmpty() ? schedulePoints()
                    : (l.bookings() != null && !l.bookings().markers().isEmpty() ? l.bookings().markers() : markers)
                    .stream().map(Marker::point).toList();
            lastFit = pts;
            surface.fit(pts);
        } else {
            lastFit = markers.stream().map(Marker::point).toList();
        }
    }

    private List<GeoPoint> schedulePoints() {
        List<GeoPoint> pts = new ArrayList<>();
        for (Route.Stop s : order) {
            if (s.point() != null) {
                pts.add(s.point());
            }
        }
        return pts;
    }

    /** The order changed (loaded, suggested, dragged): schedule it again and redraw the route. */
    private void routeChanged() {
        List<Marker> markers = new ArrayList<>(base.markers());
        List<MapScene.Line> lines = new ArrayList<>();
        if (routeDay != null) {
            schedule = Route.schedule(routeDay.home(), List.copyOf(order), routeDay.travel());
            ZoneId zone = routeDay.zone();
            for (int i = 0; i < order.size(); i++) {
                Route.Stop s = order.get(i);
                Route.Leg leg = schedule.legs().get(i);
                if (s.point() != null) {
                    markers.add(new Marker("stop:" + (i + 1), Layer.ROUTE, s.point(), Integer.toString(i + 1),
                            (i + 1) + ". " + s.label() + "\n" + Format.time(leg.start(), zone),
                            null, s.isBooking() ? UUID.fromString(s.key().substring(8)) : null, leg.start()));
                }
                if (i > 0 && leg.from().point() != null && s.point() != null) {
                    lines.add(new MapScene.Line(leg.from().point(), s.point(), leg.feasible(), legText(leg)));
                }
            }
            long late = schedule.late();
            routeSummary.setText(tr("map.routeSummary", order.size(), Math.round(schedule.km()),
                    late == 0 ? tr("map.allWindowsKept") : tr("map.lateLegs", late)));
            routeSummary.getStyleClass().removeAll("text-danger");
            if (late > 0) {
                routeSummary.getStyleClass().add("text-danger");
            }
            routeTitle.setText(tr("map.routeTitle", routeDay.performer(),
                    Format.date(routeDay.day())));
            stopList.refresh();
        }
        surface.show(new MapScene(markers, base.circles(), lines));
    }

    static String legText(Route.Leg leg) {
        return leg.measured() ? tr("map.legText", Math.round(leg.km()), Route.duration(leg.minutes())) : tr("map.legUnknown");
    }

    // ------------------------------------------------------------------------------------------ markers

    private void markersClicked(List<Marker> clicked, Point2D at) {
        // what a coordinator is after first: a route stop, then bookings, home bases, venues
        List<Marker> markers = new ArrayList<>(clicked);
        markers.sort(Comparator.comparingInt(m -> switch (m.layer()) {
            case ROUTE -> 0;
            case BOOKINGS -> 1;
            case HOMES -> 2;
            case VENUES -> 3;
        }));
        surface.select(markers.get(0).key());
        selection.setText(tr("map.selected", markers.get(0).label()));
        VBox box = new VBox(8);
        box.setId("markerPopover");
        box.setPadding(new Insets(10));
        box.setMaxWidth(360);
        int shown = 0;
        for (Marker m : markers) {
            if (shown++ == 8) {
                box.getChildren().add(new Label(tr("map.andMore", markers.size() - 8)));
                break;
            }
            Label text = new Label(m.detail());
            text.setWrapText(true);
            VBox one = new VBox(4, text);
            String entity = switch (m.layer()) {
                case BOOKINGS -> "booking";
                case VENUES -> "venue";
                case HOMES -> "performer";
                case ROUTE -> m.recordId() == null ? null : "booking";
            };
            if (entity != null && m.recordId() != null) {
                Button open = new Button(tr("map.open." + entity));
                open.setId("popoverOpen");
                open.setOnAction(e -> {
                    if (popOver != null) {
                        popOver.hide();
                    }
                    deps.openRecord().accept(entity, m.recordId());
                });
                one.getChildren().add(open);
            }
            box.getChildren().add(one);
        }
        if (popOver != null) {
            popOver.hide();
        }
        popOver = new PopOver(box);
        popOver.setDetachable(false);
        popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_CENTER);
        popOver.show(surface.node(), at.getX(), at.getY() - 8);
    }

    /** The popover now showing (tests read it). */
    public PopOver popOver() {
        return popOver;
    }

    // ------------------------------------------------------------------------------------------ route panel

    private void buildRoutePanel() {
        routePanel.setId("routePanel");
        routePanel.setPadding(new Insets(0, 0, 0, 10));
        routePanel.setPrefWidth(340);
        routeTitle.getStyleClass().add("title-4");
        routeTitle.setWrapText(true);
        routeSummary.setId("routeSummary");
        routeSummary.setWrapText(true);
        stopList.setId("routeStops");
        stopList.setCellFactory(l -> new StopCell());
        VBox.setVgrow(stopList, Priority.ALWAYS);
        boolean edit = ui.actor().can(Permission.BOOKINGS_EDIT);
        Button suggest = new Button(tr("map.suggest"));
        suggest.setId("routeSuggest");
        suggest.setOnAction(e -> suggest());
        Button add = new Button(tr("map.addStop"));
        add.setId("routeAddStop");
        add.setOnAction(e -> openAddStop());
        Button remove = new Button(tr("map.removeStop"));
        remove.setId("routeRemoveStop");
        remove.setOnAction(e -> removeStop());
        remove.disableProperty().bind(stopList.getSelectionModel().selectedItemProperty().isNull());
        Button save = new Button(tr("map.saveRoute"));
        save.setId("routeSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> saveRoute());
        FlowPane buttons = new FlowPane(6, 6, suggest, add, remove, save);
        routePanel.getChildren().setAll(routeTitle, routeSummary, stopList, new Label(tr("map.dragHint")));
        if (edit) {
            routePanel.getChildren().add(buttons);
        }
        routePanel.setVisible(false);
        routePanel.setManaged(false);
        stopList.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                surface.select("stop:" + (order.indexOf(s) + 1));
            }
        });
        root.setRight(routePanel);
    }

    /** A stop with its time, and the leg that leads to it (red with the reason when it cannot be made). */
    private final class StopCell extends ListCell<Route.Stop> {
        StopCell() {
            setOnDragDetected(e -> {
                if (getItem() == null || !ui.actor().can(Permission.BOOKINGS_EDIT)) {
                    return;
                }
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putString(Integer.toString(getIndex()));
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() instanceof StopCell && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                int from = Integer.parseInt(e.getDragboard().getString());
                int to = getItem() == null ? order.size() - 1 : getIndex();
                e.setDropCompleted(move(from, to));
                e.consume();
            });
        }

        @Override
        protected void updateItem(Route.Stop s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().remove("route-late");
            if (empty || s == null || schedule == null || getIndex() >= schedule.legs().size()) {
                setText(null);
                setGraphic(null);
                return;
            }
            int i = getIndex();
            Route.Leg leg = schedule.legs().get(i);
            ZoneId zone = routeDay.zone();
            String window = s.windowStart().equals(s.windowEnd()) ? Format.time(s.windowStart(), zone)
                    : tr("map.window", Format.time(s.windowStart(), zone), Format.time(s.windowEnd(), zone));
            Label head = new Label((i + 1) + ". " + Format.time(leg.start(), zone) + " · " + s.label());
            head.setWrapText(true);
            head.setStyle("-fx-font-weight: bold");
            Label sub = new Label(tr("map.stopLine", window, Route.duration(s.stayMinutes()))
                    + (i == 0 ? "" : " · " + legText(leg)));
            sub.setWrapText(true);
            VBox box = new VBox(2, head, sub);
            if (!leg.feasible()) {
                Label late = new Label(Route.problem(leg, routeDay.travel(), zone));
                late.setWrapText(true);
                late.setId("legProblem");
                late.setStyle("-fx-text-fill: #dc2626");
                box.getChildren().add(late);
                getStyleClass().add("route-late");
            }
            box.setMaxWidth(300);
            setText(null);
            setGraphic(box);
        }
    }

    /** Moves a stop (drag and drop, and tests). */
    public boolean move(int from, int to) {
        if (from < 0 || from >= order.size() || to < 0 || to >= order.size() || from == to) {
            return false;
        }
        List<Route.Stop> next = new ArrayList<>(order);
        next.add(to, next.remove(from));
        order.setAll(next);
        stopList.getSelectionModel().select(to);
        message.setText(tr("map.routeUnsaved"));
        routeChanged();
        return true;
    }

    private void suggest() {
        if (routeDay == null || order.size() < 2) {
            return;
        }
        Route.Schedule before = schedule;
        GeoPoint home = routeDay.home();
        var travel = routeDay.travel();
        List<Route.Stop> given = List.copyOf(order);
        ui.tasks().run(() -> RoutePlanner.plan(home, given, travel), s -> {
            order.setAll(s.order());
            routeChanged();
            message.setText(tr("map.suggested", Math.round(s.km()), Math.round(before.km()),
                    s.late() == 0 ? tr("map.allWindowsKept") : tr("map.lateLegs", s.late())));
        }, ui.errors());
    }

    private void saveRoute() {
        if (routeDay == null) {
            return;
        }
        RouteQuery.Day d = routeDay;
        List<String> keys = order.stream().map(Route.Stop::key).toList();
        ui.tasks().run(() -> deps.routes().save(ui.actor(), d.performerId(), d.day(), keys), s -> {
            saidAfterLoad = tr("map.routeSaved", d.performer(), d.day());
            reload();
        }, ui.errors());
    }

    private void removeStop() {
        Route.Stop s = stopList.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        if (s.isBooking()) {
            message.setText(tr("map.removeGig"));
            return;
        }
        UUID id = UUID.fromString(s.key().substring("stop:".length()));
        ui.tasks().run(() -> {
            deps.routes().remove(ui.actor(), id);
            return null;
        }, x -> reload(), ui.errors());
    }

    private void openAddStop() {
        if (routeDay == null) {
            return;
        }
        RouteQuery.Day d = routeDay;
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField label = grid.add(tr("map.stop.label"), "label", new TextField());
        TextField where = grid.add(tr("map.stop.coordinates"), "latitude", new TextField());
        where.setPromptText("52.5200, 13.4050");
        BiConsumer<String, String> set = (lat, lon) -> where.setText(lat + ", " + lon);
        Label found = new Label();
        grid.add("", "lookUp", deps.places().lookUp(label::getText, set, found));
        grid.add("", "lookUpNote", found);
        grid.add("", "pick", deps.places().pick(() -> {
            try {
                return GeoPoint.parse("latitude", where.getText());
            } catch (RuntimeException e) {
                return d.home();
            }
        }, set));
        TextField from = grid.add(tr("map.stop.windowStart"), "windowStart", new TextField("14:00"));
        TextField to = grid.add(tr("map.stop.windowEnd"), "windowEnd", new TextField("16:00"));
        TextField stay = grid.add(tr("map.stop.stay"), "stayMinutes", new TextField("45"));
        FormDialog.show(root, tr("map.addStopTitle", d.performer()), grid, state, close -> {
            Validator v = new Validator();
            LocalTime start = Parse.time("windowStart", from.getText(), v);
            LocalTime end = Parse.time("windowEnd", to.getText(), v);
            Integer minutes = Parse.minutes("stayMinutes", stay.getText(), v);
            GeoPoint p = null;
            try {
                p = GeoPoint.parse("latitude", where.getText());
            } catch (ValidationException bad) {
                bad.errors().forEach(f -> v.check(false, f.field(), f.message())); // shown with the others
            }
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            GeoPoint at = p;
            state.submit(() -> deps.routes().add(ui.actor(), new RouteService.AddRouteStop(d.performerId(), d.day(),
                    label.getText(), at.latitude(), at.longitude(), start, end, minutes)), id -> {
                close.run();
                reload();
            });
        });
    }

    // ------------------------------------------------------------------------------------------ online

    private void useGoogle(boolean on) {
        if (on) {
            ui.tasks().run(() -> deps.settings().values().googleMapsKey(), key -> {
                if (key == null) {
                    google.setSelected(false);
                    return;
                }
                MapSurface g = deps.online().apply(key);
                switchTo(g);
            }, ui.errors());
        } else {
            switchTo(offline);
        }
    }

    /** Whether a TCP connection to the host opens within two seconds (off the FX thread). */
    static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void switchTo(MapSurface s) {
        surface = s;
        if (s instanceof GoogleMapSurface g) {
            // Google's script may still fail to load (a proxy, a bad key): fall back after a while
            PauseTransition wait = new PauseTransition(Duration.seconds(20));
            wait.setOnFinished(e -> {
                if (surface == g && !g.ready()) {
                    google.setSelected(false);
                    switchTo(offline);
                    message.setText(tr("map.googleDidNotLoad"));
                }
            });
            wait.play();
        }
        s.setOnMarkersClicked(this::markersClicked);
        mapHolder.getChildren().setAll(s.node());
        fitNext = true;
        reload();
    }
}
