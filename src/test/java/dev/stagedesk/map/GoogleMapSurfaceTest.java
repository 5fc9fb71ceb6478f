package dev.stagedesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.map.MapScene.Layer;
import dev.stagedesk.map.MapScene.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

/**
 * The Google Maps side of the map abstraction, through a recording {@link GoogleMapsPort}: GMapsFX cannot load
 * Google's script without a network, so what is tested is what the surface asks of Google — the same scene as the
 * offline map (markers by place and colour, circles, route legs), selection, and clicks coming back as markers.
 */
class GoogleMapSurfaceTest {
    static final class RecordingPort implements GoogleMapsPort {
        final List<String> calls = new ArrayList<>();
        Runnable ready;
        Consumer<String> markerClicked;
        Consumer<GeoPoint> mapClicked;

        @Override
        public Node node() {
            return null;
        }

        @Override
        public void whenReady(Runnable ready) {
            this.ready = ready;
        }

        @Override
        public void clear() {
            calls.clear();
        }

        @Override
        public void addMarker(String key, GeoPoint at, String title, String colour, String label) {
            calls.add("marker " + key + " " + colour + " " + label + " | " + title.lines().findFirst().orElse(""));
        }

        @Override
        public void addCircle(GeoPoint centre, double metres, String colour) {
            calls.add("circle " + centre.text() + " " + Math.round(metres) + " " + colour);
        }

        @Override
        public void addLine(List<GeoPoint> points, String colour, boolean dashed) {
            calls.add("line " + points.size() + " " + colour + (dashed ? " dashed" : ""));
        }

        @Override
        public void fit(GeoPoint southWest, GeoPoint northEast) {
            calls.add("fit " + southWest.text() + " " + northEast.text());
        }

        @Override
        public void onMarkerClicked(Consumer<String> key) {
            markerClicked = key;
        }

        @Override
        public void onMapClicked(Consumer<GeoPoint> point) {
            mapClicked = point;
        }
    }

    static final GeoPoint HALL = new GeoPoint(52.52, 13.405);
    static final GeoPoint PARK = new GeoPoint(52.40, 13.04);

    static Marker booking(String number, GeoPoint at, BookingStatus status) {
        return new Marker("booking:" + number, Layer.BOOKINGS, at, number, number + " · Gala", status, UUID.randomUUID(),
                null);
    }

    @Test
    void drawsTheSceneOnceGoogleIsReadyWithOneMarkerPerPlaceAndTheOfflineColours() {
        RecordingPort port = new RecordingPort();
        GoogleMapSurface surface = new GoogleMapSurface(port);
        MapScene scene = new MapScene(List.of(booking("BK-1", HALL, BookingStatus.CONFIRMED), booking("BK-2", HALL, BookingStatus.CONFIRMED),
                booking("BK-3", PARK, BookingStatus.HOLD),
                new Marker("venue:v", Layer.VENUES, PARK, "Schloss", "Schloss", null, UUID.randomUUID(), null)),
                List.of(new MapScene.Circle("radius:x", HALL, 50, "BK-1: no other show")),
                List.of(new MapScene.Line(HALL, PARK, true, "27 km · 45 min"),
                        new MapScene.Line(PARK, HALL, false, "27 km · 45 min")));
        surface.show(scene);
        surface.fit(List.of(HALL, PARK));
        assertThat(port.calls).as("nothing before the map has loaded").isEmpty();

        port.ready.run();
        assertThat(surface.ready()).isTrue();
        assertThat(port.calls).contains("circle 52.52000, 13.40500 50000 #dc2626", "line 2 #2563eb",
                "line 2 #dc2626 dashed", "fit 52.40000, 13.04000 52.52000, 13.40500");
        // two bookings at the hall: one marker labelled 2, green (confirmed); the hold amber; the venue grey
        assertThat(port.calls.stream().filter(c -> c.startsWith("marker")).toList()).containsExactly(
                "marker BOOKINGS@52.52,13.405 #16a34a 2 | 2 × BK-1",
                "marker BOOKINGS@52.4,13.04 #d97706 null | BK-3 · Gala",
                "marker VENUES@52.4,13.04 #64748b null | Schloss");
        assertThat(surface.drawnMarkers()).isEqualTo(3);
    }

    @Test
    void clicksComeBackAsTheMarkersAtThatPlaceAndSelectionIsHighlighted() {
        RecordingPort port = new RecordingPort();
        GoogleMapSurface surface = new GoogleMapSurface(port);
        port.ready.run();
        surface.show(new MapScene(List.of(booking("BK-1", HALL, BookingStatus.CONFIRMED), booking("BK-2", HALL, BookingStatus.HOLD)), List.of(),
                List.of()));
        List<List<Marker>> clicked = new ArrayList<>();
        surface.setOnMarkersClicked((ms, at) -> clicked.add(ms));
        port.markerClicked.accept("BOOKINGS@52.52,13.405");
        assertThat(clicked).singleElement().satisfies(ms -> assertThat(ms).extracting(Marker::label)
                .containsExactly("BK-1", "BK-2"));
        surface.select("booking:BK-2");
        assertThat(port.calls).singleElement().satisfies(c -> assertThat(c).contains("#f59e0b"));

        List<GeoPoint> picked = new ArrayList<>();
        port.mapClicked.accept(PARK);
        assertThat(picked).isEmpty();
        surface.setOnPointPicked(picked::add);
        port.mapClicked.accept(PARK);
        assertThat(picked).containsExactly(PARK);
    }

    @Test
    void drawsAtMostItsLimitOfGoogleMarkers() {
        RecordingPort port = new RecordingPort();
        GoogleMapSurface surface = new GoogleMapSurface(port);
        port.ready.run();
        List<Marker> many = new ArrayList<>();
        for (int i = 0; i < GoogleMapSurface.MAX_MARKERS + 50; i++) {
            many.add(booking("BK-" + i, new GeoPoint(50 + i * 0.001, 10), BookingStatus.CONFIRMED));
        }
        surface.show(new MapScene(many, List.of(), List.of()));
        assertThat(surface.drawnMarkers()).isEqualTo(GoogleMapSurface.MAX_MARKERS);
        assertThat(port.calls).hasSize(GoogleMapSurface.MAX_MARKERS);
    }
}
