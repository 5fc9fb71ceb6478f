package dev.stagedesk.map;

import dev.stagedesk.map.MapScene.Marker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;

/**
 * The online map: the same scene drawn on Google Maps through a {@link GoogleMapsPort}. Markers at one place
 * become one Google marker (clicking it reports all of them, as the offline map does); at most
 * {@link #MAX_MARKERS} are drawn (Google's own markers slow down past that), the screen says so.
 */
public final class GoogleMapSurface implements MapSurface {
    public static final int MAX_MARKERS = 2_000;

    private final GoogleMapsPort port;
    private boolean ready;
    private MapScene scene = MapScene.EMPTY;
    private List<GeoPoint> pendingFit;
    private String selected;
    private final Map<String, List<Marker>> byGoogleKey = new HashMap<>();
    private BiConsumer<List<Marker>, Point2D> onMarkers = (m, p) -> { };
    private Consumer<GeoPoint> onPick;
    private int drawn;

    public GoogleMapSurface(GoogleMapsPort port) {
        this.port = port;
        port.onMarkerClicked(key -> {
            List<Marker> ms = byGoogleKey.get(key);
            if (ms != null) {
                onMarkers.accept(ms, centreOnScreen());
            }
        });
        port.onMapClicked(p -> {
            if (onPick != null) {
                onPick.accept(p);
            }
        });
        port.whenReady(() -> {
            ready = true;
            draw();
            if (pendingFit != null) {
                fit(pendingFit);
            }
        });
    }

    @Override
    public Node node() {
        return port.node();
    }

    @Override
    public String kind() {
        return "google";
    }

    public boolean ready() {
        return ready;
    }

    /** How many Google markers the last scene became. */
    public int drawnMarkers() {
        return drawn;
    }

    @Override
    public void show(MapScene scene) {
        this.scene = scene;
        draw();
    }

    @Override
    public void select(String key) {
        selected = key;
        draw();
    }

    @Override
    public void fit(List<GeoPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        if (!ready) {
            pendingFit = List.copyOf(points);
            return;
        }
        double s = 90;
        double w = 180;
        double n = -90;
        double e = -180;
        for (GeoPoint p : points) {
            s = Math.min(s, p.latitude());
            n = Math.max(n, p.latitude());
            w = Math.min(w, p.longitude());
            e = Math.max(e, p.longitude());
        }
        port.fit(new GeoPoint(s, w), new GeoPoint(n, e));
    }

    @Override
    public void setOnMarkersClicked(BiConsumer<List<Marker>, Point2D> handler) {
        onMarkers = handler == null ? (m, p) -> { } : handler;
    }

    @Override
    public void setOnPointPicked(Consumer<GeoPoint> handler) {
        onPick = handler;
    }

    private void draw() {
        byGoogleKey.clear();
        if (!ready) {
            return;
        }
        port.clear();
        for (MapScene.Circle c : scene.circles()) {
            port.addCircle(c.centre(), c.km() * 1000, "#dc2626");
        }
        for (MapScene.Line l : scene.lines()) {
            port.addLine(List.of(l.from(), l.to()), l.feasible() ? "#2563eb" : "#dc2626", !l.feasible());
        }
        // one Google marker per layer and place
        Map<String, List<Marker>> groups = new LinkedHashMap<>();
        for (Marker m : scene.markers()) {
            String place = m.layer() + "@" + m.point().latitude() + "," + m.point().longitude();
            groups.computeIfAbsent(m.layer() == MapScene.Layer.ROUTE ? m.key() : place, k -> new ArrayList<>()).add(m);
        }
        drawn = 0;
        for (var g : groups.entrySet()) {
            if (drawn == MAX_MARKERS) {
                break;
            }
            List<Marker> ms = g.getValue();
            Marker first = ms.get(0);
            boolean isSelected = selected != null && ms.stream().anyMatch(m -> m.key().equals(selected));
            String title = ms.size() == 1 ? first.detail() : ms.size() + " × " + first.label();
            String label = first.layer() == MapScene.Layer.ROUTE ? first.label()
                    : ms.size() > 1 ? Integer.toString(ms.size()) : null;
            port.addMarker(g.getKey(), first.point(), title, isSelected ? "#f59e0b" : hex(OfflineMapView.colour(ms)),
                    label);
            byGoogleKey.put(g.getKey(), List.copyOf(ms));
            drawn++;
        }
    }

    private Point2D centreOnScreen() {
        Node n = port.node();
        Bounds b = n == null ? null : n.localToScreen(n.getBoundsInLocal());
        return b == null ? new Point2D(0, 0) : new Point2D(b.getCenterX(), b.getCenterY());
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
