package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenuesPane;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The buttons a form with coordinates gets (venues, performers' home bases): look the address up (Google, cached;
 * a message when offline or without a key) and pick the point on the offline map. Both fill the form's fields; the
 * service still checks the range when saving.
 */
public final class PlaceTools {
    private final Places places;
    private final UiContext ui;

    public PlaceTools(Places places, UiContext ui) {
        this.places = places;
        this.ui = ui;
    }

    /**
     * "Look up address": {@code address} gives the text, {@code set} receives latitude and longitude as typed text,
     * {@code note} says what was found (Google's address, or that the point is only a town's centre, and why).
     */
    public Button lookUp(Supplier<String> address, BiConsumer<String, String> set, Label note) {
        Button b = new Button(tr("place.lookUp"));
        b.setId("placeLookUp");
        note.setWrapText(true);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        b.setOnAction(e -> {
            note.setText("");
            ui.tasks().run(() -> places.locate(ui.actor(), address.get()), p -> {
                set.accept(coordinate(p.point().latitude()), coordinate(p.point().longitude()));
                note.setText(p.approximate() ? p.formatted()
                        : tr("place.found", p.formatted() == null ? "" : p.formatted()));
                note.getStyleClass().remove("warning-text");
                if (p.approximate()) {
                    note.getStyleClass().add("warning-text");
                }
            }, ui.errors());
        });
        return b;
    }

    /** The tools as the venue form takes them: its typed coordinates read as a point (none when they are not one). */
    public VenuesPane.Places forVenues() {
        return new VenuesPane.Places() {
            @Override
            public Button lookUp(Supplier<String> address, BiConsumer<String, String> set, Label note) {
                return PlaceTools.this.lookUp(address, set, note);
            }

            @Override
            public Button pick(Supplier<String> typed, BiConsumer<String, String> set) {
                return PlaceTools.this.pick(() -> {
                    try {
                        return GeoPoint.parse("latitude", typed.get());
                    } catch (RuntimeException e) {
                        return null;
                    }
                }, set);
            }
        };
    }

    /** "Pick on map…": a window with the offline map; a click fills the fields and closes it. */
    public Button pick(Supplier<GeoPoint> current, BiConsumer<String, String> set) {
        Button b = new Button(tr("place.pick"));
        b.setId("placePick");
        b.setOnAction(e -> {
            OfflineMapView map = new OfflineMapView(null);
            ui.tasks().run(Basemap::shipped, map::setBasemap, ui.errors());
            Stage stage = new Stage();
            stage.initModality(Modality.APPLICATION_MODAL);
            if (b.getScene() != null) {
                stage.initOwner(b.getScene().getWindow());
            }
            stage.setTitle(tr("place.pickTitle"));
            Label hint = new Label(tr("place.pickHint"));
            TextField goTo = TownSearch.field("pickGoTo", ui, town -> map.centerOn(town.point(), 12),
                    hint::setText);
            HBox top = new HBox(8, goTo, hint);
            top.setAlignment(Pos.CENTER_LEFT);
            top.setPadding(new Insets(6));
            BorderPane root = new BorderPane(map, top, null, null, null);
            stage.setScene(new Scene(root, 800, 560));
            GeoPoint at = current.get();
            stage.setOnShown(x -> {
                if (at != null) {
                    map.centerOn(at, 13);
                    map.show(new MapScene(List.of(new MapScene.Marker("here", MapScene.Layer.VENUES, at,
                            "", "", null, null, null)), List.of(), List.of()));
                } else {
                    map.centerOn(new GeoPoint(50, 10), 4);
                }
            });
            map.setOnPointPicked(p -> {
                set.accept(coordinate(p.latitude()), coordinate(p.longitude()));
                stage.close();
            });
            stage.show();
        });
        return b;
    }

    static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
