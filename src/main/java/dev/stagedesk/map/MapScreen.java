package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingFilterFields;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.map.MapScene.Layer;
import dev.stagedesk.map.MapScene.Marker;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;

/**
 * The map area: layers (venues; bookings of a day or week coloured by status, with their radius clauses; home
 * bases; one performer's route for the day), a popover for clicked markers that opens the record. It composes
 * parts that each do one thing: {@link MapFilterBar} (what to show), {@link MapSwitch} with
 * {@link MapSourceViewModel} (offline map or Google Maps, asking {@link GoogleProbe} whether Google answers) and
 * {@link RoutePanel} with {@link RoutePanelViewModel} (the performer's day: order, legs, save as schedule).
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
    private final MapSourceViewModel source;
    private final MapSwitch mapSwitch;
    private final MapFilterBar bar;
    private final RoutePanelViewModel route;
    private final RoutePanel routePanel;
    private final Label statusLine = new Label();
    private final Label message = new Label();
    private final Label selection = new Label();
    private MapScene base = MapScene.EMPTY;
    private List<GeoPoint> lastFit = List.of();
    private PopOver popOver;
    private long loads;
    private boolean fitNext = true;

    public MapScreen(Deps deps, UiContext ui) {
        this(deps, ui, GoogleProbe.MAPS);
    }

    /** With the check whether Google answers ({@link GoogleProbe#MAPS} in the console). */
    public MapScreen(Deps deps, UiContext ui, GoogleProbe probe) {
        this.deps = deps;
        this.ui = ui;
        root.setId("mapScreen");
        source = new MapSourceViewModel(deps.settings(), probe, ui.tasks(), ui.errors());
        mapSwitch = new MapSwitch(source, deps.online(), () -> {
            fitNext = true;
            reload();
        });
        route = new RoutePanelViewModel(deps.routeQuery(), deps.routes(), ui.actor(), ui.tasks(), ui.errors());
        routePanel = new RoutePanel(route, ui, deps.places(), key -> mapSwitch.surface().select(key));
        bar = new MapFilterBar(ui, deps.performers(), LocalDate.now(deps.clock().withZone(deps.zone().get())),
                mapSwitch.toggle(), () -> mapSwitch.surface().fit(lastFit),
                town -> mapSwitch.surface().fit(TownSearch.around(town.point())), message::setText, refit -> {
                    fitNext |= refit;
                    reload();
                });
        message.setId("mapMessage");
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        route.messageProperty().addListener((o, a, said) -> {
            if (!said.isEmpty()) {
                message.setText(said);
            }
        });
        source.message.addListener((o, a, said) -> message.setText(said));
        route.changesProperty().addListener((o, a, b) -> draw());
        statusLine.setId("mapStatusLine");
        selection.setId("mapSelection");
        HBox bottom = new HBox(16, statusLine, selection);
        bottom.setPadding(new Insets(6, 0, 0, 0));
        VBox south = new VBox(4, message, bottom);
        mapSwitch.setOnMarkersClicked(this::markersClicked);
        root.setTop(bar.node());
        root.setCenter(mapSwitch.node());
        root.setBottom(south);
        root.setRight(routePanel.node());
        ui.tasks().run(Basemap::shipped, mapSwitch.offline()::setBasemap, ui.errors());
        // Google Maps when a key is set and Google answers; the offline map otherwise (and to switch back to)
        source.check();
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
        return mapSwitch.offline();
    }

    public MapSurface surface() {
        return mapSwitch.surface();
    }

    // ------------------------------------------------------------------------------------------ loading

    private record Loaded(List<Marker> venues, MapQuery.Bookings bookings, List<Marker> homes, RouteQuery.Day day) {
    }

    void reload() {
        MapChoice c = bar.choice();
        if (c.day() == null) {
            message.setText(tr("map.dayRequired"));
            return;
        }
        MapFilter filter = c.filter();
        String act = c.actOrGenre();
        long mine = ++loads;
        ui.tasks().run(() -> new Loaded(c.venues() ? deps.map().venues(ui.actor()) : List.of(),
                c.bookings() ? deps.map().bookings(ui.actor(), filter) : null,
                c.homes() ? deps.map().homes(ui.actor(), act) : List.of(),
                c.showsRoute() ? deps.routeQuery().day(ui.actor(), c.performer().id(), c.day()) : null), l -> {
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
        int bookingCount = l.bookings() == null ? 0 : l.bookings().markers().size();
        statusLine.setText(tr("map.statusLine", bookingCount, l.venues().size(), l.homes().size(),
                tr(mapSwitch.surface().kind().equals("google") ? "map.kind.google" : "map.kind.offline")));
        List<String> notes = new ArrayList<>();
        if (capped) {
            notes.add(tr("map.capped", MapQuery.MAX_BOOKINGS));
        }
        if (noPlace > 0) {
            notes.add(tr("map.withoutPlace", noPlace));
        }
        message.setText(String.join(" ", notes));
        route.show(l.day()); // draws the scene with the route
        boolean found = l.bookings() != null && !l.bookings().markers().isEmpty();
        if (fitNext && (found || l.day() != null || lastFit.isEmpty())) {
            fitNext = false;
            List<GeoPoint> pts = l.day() != null && !route.points().isEmpty() ? route.points()
                    : (found ? l.bookings().markers() : markers).stream().map(Marker::point).toList();
            lastFit = pts;
            mapSwitch.surface().fit(pts);
        } else {
            lastFit = markers.stream().map(Marker::point).toList();
        }
    }

    /** The layers as read, with the route as now planned (numbered stops, legs red where late). */
    private void draw() {
        List<Marker> markers = new ArrayList<>(base.markers());
        List<MapScene.Line> lines = new ArrayList<>();
        RouteQuery.Day day = route.day();
        Route.Schedule schedule = route.schedule();
        if (day != null && schedule != null) {
            ZoneId zone = day.zone();
            List<Route.Stop> order = route.order();
            for (int i = 0; i < order.size(); i++) {
                Route.Stop s = order.get(i);
                Route.Leg leg = schedule.legs().get(i);
                if (s.point() != null) {
                    markers.add(new Marker(RoutePanelViewModel.markerKey(i), Layer.ROUTE, s.point(),
                            Integer.toString(i + 1), (i + 1) + ". " + s.label() + "\n" + Format.time(leg.start(), zone),
                            null, RoutePanelViewModel.bookingOf(s), leg.start()));
                }
                if (i > 0 && leg.from().point() != null && s.point() != null) {
                    lines.add(new MapScene.Line(leg.from().point(), s.point(), leg.feasible(),
                            RoutePanelViewModel.legText(leg)));
                }
            }
        }
        mapSwitch.surface().show(new MapScene(markers, base.circles(), lines));
    }

    /** Moves a stop of the route (drag and drop, and tests). */
    public boolean move(int from, int to) {
        return routePanel.move(from, to);
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
        MapSurface surface = mapSwitch.surface();
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
}
