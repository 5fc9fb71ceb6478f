package dev.stagedesk.map;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * What {@link GoogleMapSurface} needs of Google Maps, in plain values: the seam between the map abstraction and
 * GMapsFX ({@link GMapsFxPort}), so the translation of layers, selection and clicks is tested without a network
 * (a recording port in the tests; GMapsFX cannot load Google's script offline).
 */
public interface GoogleMapsPort {
    Node node();

    /** Runs {@code ready} once the map has loaded (never, when Google cannot be reached). */
    void whenReady(Runnable ready);

    void clear();

    /** {@code colour} as "#rrggbb"; {@code label} a short text on the marker (a route stop's number), may be null. */
    void addMarker(String key, GeoPoint at, String title, String colour, String label);

    void addCircle(GeoPoint centre, double metres, String colour);

    void addLine(List<GeoPoint> points, String colour, boolean dashed);

    void fit(GeoPoint southWest, GeoPoint northEast);

    void onMarkerClicked(Consumer<String> key);

    void onMapClicked(Consumer<GeoPoint> point);
}
