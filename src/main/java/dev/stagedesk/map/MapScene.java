package dev.stagedesk.map;

import dev.stagedesk.common.BookingStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a map shows, independent of who draws it (the offline map or Google's): markers by layer, circles
 * (radius clauses) and lines (a route's legs). Both implementations of {@link MapSurface} draw the same scene.
 */
public record MapScene(List<Marker> markers, List<Circle> circles, List<Line> lines) {
    public static final MapScene EMPTY = new MapScene(List.of(), List.of(), List.of());

    public enum Layer { VENUES, BOOKINGS, HOMES, ROUTE }

    /**
     * One marker. {@code key} is unique in the scene ("booking:ID", "venue:ID", "home:ID", "stop:N");
     * {@code status} colours bookings (HOLD, CONFIRMED, COMPLETED, CANCELLED), {@code label} is its short name,
     * {@code detail} the essentials a popover shows, {@code recordId} what opening it opens.
     */
    public record Marker(String key, Layer layer, GeoPoint point, String label, String detail, BookingStatus status,

                         UUID recordId, Instant when) {
    }

    /** A radius clause: {@code km} around {@code centre}; {@code label} names the clause and its booking. */
    public record Circle(String key, GeoPoint centre, double km, String label) {
    }

    /** One leg of a route, {@code feasible} false when it cannot be made in time; {@code label} "12 km · 25 min". */
    public record Line(GeoPoint from, GeoPoint to, boolean feasible, String label) {
    }

    public List<Marker> markers(Layer layer) {
        return markers.stream().filter(m -> m.layer() == layer).toList();
    }
}
