package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The map itself and the switch between the offline map and Google Maps ({@link MapSourceViewModel} decides):
 * holds the surface now drawn on, swaps it in place, and falls back to offline when Google's script does not load.
 */
final class MapSwitch {
    private final MapSourceViewModel model;
    private final Function<String, MapSurface> online;
    private final OfflineMapView offline = new OfflineMapView(null);
    private final StackPane holder = new StackPane();
    private final ToggleButton toggle = new ToggleButton(tr("map.google"));
    private final Runnable switched;
    private BiConsumer<List<MapScene.Marker>, Point2D> clicks = (m, p) -> { };
    private MapSurface surface = offline;

    /** {@code switched} runs after the surface changed (the screen draws its scene on the new one). */
    MapSwitch(MapSourceViewModel model, Function<String, MapSurface> online, Runnable switched) {
        this.model = model;
        this.online = online;
        this.switched = switched;
        holder.getChildren().setAll(offline);
        toggle.setId("mapGoogle");
        toggle.disableProperty().bind(model.available.not());
        toggle.selectedProperty().bindBidirectional(model.google);
        model.google.addListener((o, was, on) -> {
            if (on) {
                model.key(key -> switchTo(online.apply(key)));
            } else if (surface != offline) {
                switchTo(offline);
            }
        });
    }

    /** The map's place in the screen. */
    Node node() {
        return holder;
    }

    /** The Google Maps switch (in the filter bar). */
    ToggleButton toggle() {
        return toggle;
    }

    OfflineMapView offline() {
        return offline;
    }

    MapSurface surface() {
        return surface;
    }

    /** Where clicks on markers go, on whichever surface is drawn. */
    void setOnMarkersClicked(BiConsumer<List<MapScene.Marker>, Point2D> handler) {
        clicks = handler;
        surface.setOnMarkersClicked(handler);
    }

    private void switchTo(MapSurface s) {
        surface = s;
        if (s instanceof GoogleMapSurface g) {
            // Google's script may still fail to load (a proxy, a bad key): fall back after a while
            PauseTransition wait = new PauseTransition(Duration.seconds(20));
            wait.setOnFinished(e -> {
                if (surface == g && !g.ready()) {
                    model.didNotLoad();
                }
            });
            wait.play();
        }
        s.setOnMarkersClicked(clicks);
        holder.getChildren().setAll(s.node());
        switched.run();
    }
}
