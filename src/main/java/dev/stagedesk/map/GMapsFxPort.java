package dev.stagedesk.map;

import com.lynden.gmapsfx.GoogleMapView;
import com.lynden.gmapsfx.javascript.event.GMapMouseEvent;
import com.lynden.gmapsfx.javascript.event.UIEventType;
import com.lynden.gmapsfx.javascript.object.GoogleMap;
import com.lynden.gmapsfx.javascript.object.LatLong;
import com.lynden.gmapsfx.javascript.object.LatLongBounds;
import com.lynden.gmapsfx.javascript.object.MVCArray;
import com.lynden.gmapsfx.javascript.object.MapOptions;
import com.lynden.gmapsfx.javascript.object.MapShape;
import com.lynden.gmapsfx.javascript.object.MapTypeIdEnum;
import com.lynden.gmapsfx.javascript.object.Marker;
import com.lynden.gmapsfx.javascript.object.MarkerOptions;
import com.lynden.gmapsfx.shapes.Circle;
import com.lynden.gmapsfx.shapes.CircleOptions;
import com.lynden.gmapsfx.shapes.Polyline;
import com.lynden.gmapsfx.shapes.PolylineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * {@link GoogleMapsPort} on GMapsFX: Google Maps' JavaScript in a WebView, with the agency's API key. Markers use
 * Google's symbol path (a coloured circle) so every status keeps its colour without image files.
 */
public final class GMapsFxPort implements GoogleMapsPort {
    private final GoogleMapView view;
    private GoogleMap map;
    private final List<Runnable> whenReady = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private final List<MapShape> shapes = new ArrayList<>();
    private Consumer<String> markerClicked = k -> { };
    private Consumer<GeoPoint> mapClicked = p -> { };

    public GMapsFxPort(String apiKey) {
        view = new GoogleMapView(Locale.getDefault().getLanguage(), apiKey);
        view.setId("googleMap");
        view.addMapInializedListener(() -> {
            MapOptions options = new MapOptions().center(new LatLong(50, 10)).zoom(4).mapType(MapTypeIdEnum.ROADMAP)
                    .streetViewControl(false).mapTypeControl(false);
            map = view.createMap(options);
            map.addMouseEventHandler(UIEventType.click, (GMapMouseEvent e) -> mapClicked.accept(
                    new GeoPoint(e.getLatLong().getLatitude(), e.getLatLong().getLongitude())));
            whenReady.forEach(Runnable::run);
            whenReady.clear();
        });
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void whenReady(Runnable ready) {
        if (map != null) {
            ready.run();
        } else {
            whenReady.add(ready);
        }
    }

    @Override
    public void clear() {
        markers.forEach(map::removeMarker);
        markers.clear();
        shapes.forEach(map::removeMapShape);
        shapes.clear();
    }

    @Override
    public void addMarker(String key, GeoPoint at, String title, String colour, String label) {
        MarkerOptions o = new MarkerOptions().position(new LatLong(at.latitude(), at.longitude())).title(title);
        if (label != null) {
            o.label(label);
        }
        var m = new Marker(o);
        // a coloured circle: Google's symbol path, set on the marker's JavaScript peer
        m.getJSObject().call("setIcon", view.getWebview().getEngine().executeScript("({path: google.maps.SymbolPath"
                + ".CIRCLE, scale: 8, fillColor: '" + colour + "', fillOpacity: 1, strokeColor: '#ffffff', strokeWeight: 2})"));
        map.addMarker(m);
        map.addUIEventHandler(m, UIEventType.click, js -> markerClicked.accept(key));
        markers.add(m);
    }

    @Override
    public void addCircle(GeoPoint centre, double metres, String colour) {
        Circle c = new Circle(new CircleOptions().center(new LatLong(centre.latitude(), centre.longitude()))
                .radius(metres).fillColor(colour).fillOpacity(0.1).strokeColor(colour).strokeWeight(1.5));
        map.addMapShape(c);
        shapes.add(c);
    }

    @Override
    public void addLine(List<GeoPoint> points, String colour, boolean dashed) {
        MVCArray path = new MVCArray(points.stream().map(p -> new LatLong(p.latitude(), p.longitude())).toArray());
        Polyline l = new Polyline(new PolylineOptions().path(path).strokeColor(colour).strokeWeight(dashed ? 2 : 4)
                .strokeOpacity(dashed ? 0.6 : 0.9));
        map.addMapShape(l);
        shapes.add(l);
    }

    @Override
    public void fit(GeoPoint southWest, GeoPoint northEast) {
        map.fitBounds(new LatLongBounds(new LatLong(southWest.latitude(), southWest.longitude()),
                new LatLong(northEast.latitude(), northEast.longitude())));
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
