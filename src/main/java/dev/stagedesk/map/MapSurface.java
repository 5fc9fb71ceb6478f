package dev.stagedesk.map;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;

/**
 * A map the screen draws on: the offline map ({@link OfflineMapView}) or Google Maps ({@link GoogleMapSurface}).
 * Both show the same {@link MapScene}, select a marker by key, report clicks on markers (several at once when they
 * share a place or form a cluster that cannot open further) and, when asked, the point clicked on the map.
 */
public interface MapSurface {
    Node node();

    /** Draws the scene (replacing the last one). */
    void show(MapScene scene);

    /** Highlights one marker (null: none). */
    void select(String key);

    /** Moves and zooms so that every point is in view (nothing for an empty list). */
    void fit(List<GeoPoint> points);

    /** Called with the markers clicked and where on the screen (for a popover). */
    void setOnMarkersClicked(BiConsumer<List<MapScene.Marker>, Point2D> handler);

    /** While set, a click on the map away from markers reports the point (picking a place); null turns it off. */
    void setOnPointPicked(Consumer<GeoPoint> handler);

    /** "offline" or "google": which one this is, for the status line. */
    String kind();
}
