package dev.stagedesk.map;

import java.util.Arrays;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingFilterFields;
import dev.stagedesk.common.Display;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.UiContext;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

/**
 * The map's filter bar: layers, the day or its week, a status, an act or genre, a performer; Fit, Go to town and
 * the Google Maps switch. Says what is chosen ({@link #choice()}) and when it changed: {@code changed} gets true
 * when the view should move to what the new filter finds, false when only a layer was turned on or off.
 */
final class MapFilterBar {
    private final FlowPane bar = new FlowPane(8, 6);
    private final CheckBox venues = check("layerVenues", tr("map.layer.venues"), true);
    private final CheckBox bookings = check("layerBookings", tr("map.layer.bookings"), true);
    private final CheckBox homes = check("layerHomes", tr("map.layer.homes"), false);
    private final CheckBox route = check("layerRoute", tr("map.layer.route"), true);
    private final DatePicker day = new DateField();
    private final ComboBox<String> range = new ComboBox<>();
    private final ComboBox<BookingStatus> status = new ComboBox<>();
    private final TextField actOrGenre = new TextField();
    private final ObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>();

    /**
     * {@code fit} moves the map to what was last shown; {@code goTo} to a town found by name; {@code said} shows
     * what the town search says.
     */
    MapFilterBar(UiContext ui, PerformerQuery performers, LocalDate today, Node googleSwitch, Runnable fit,
                 Consumer<Gazetteer.City> goTo, Consumer<String> said, Consumer<Boolean> changed) {
        day.setId("mapDay");
        day.setValue(today);
        range.setId("mapRange");
        range.getItems().setAll(tr("map.range.day"), tr("map.range.week"));
        range.setValue(range.getItems().get(0));
        status.setId("mapStatus");
        status.getItems().setAll(Arrays.asList(null, BookingStatus.HOLD, BookingStatus.CONFIRMED,
                BookingStatus.COMPLETED, BookingStatus.CANCELLED));
        status.setValue(null);
        status.setPromptText(tr("map.status.all"));
        CodeLabels.on(status, BookingStatus.class, tr("map.status.all"));
        actOrGenre.setId("mapActGenre");
        actOrGenre.setPromptText(tr("map.actOrGenre"));
        actOrGenre.setPrefColumnCount(10);
        SearchableComboBox<PerformerChoice> who = BookingFilterFields.performer("mapPerformer", performers, ui,
                performer);
        if (!ui.actor().can(Permission.PERFORMERS_VIEW) && ui.actor().performerId() != null) {
            // a performer: their own day
            performer.set(new PerformerChoice(ui.actor().performerId(), ui.actor().username(), null));
            who.setDisable(true);
        }
        Button fitButton = new Button(tr("map.fit"));
        fitButton.setId("mapFit");
        fitButton.setOnAction(e -> fit.run());
        TextField town = TownSearch.field("mapGoTo", ui, goTo, said);
        bar.getChildren().setAll(venues, bookings, homes, route, new Label(tr("map.day")), day, range, status,
                actOrGenre, who, fitButton, town, googleSwitch);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        for (var c : List.of(venues, bookings, homes, route)) {
            c.setOnAction(e -> changed.accept(false));
        }
        // a new filter shows what it found: the view moves to it
        day.valueProperty().addListener((o, a, b) -> changed.accept(true));
        range.valueProperty().addListener((o, a, b) -> changed.accept(true));
        status.valueProperty().addListener((o, a, b) -> changed.accept(true));
        actOrGenre.setOnAction(e -> changed.accept(true));
        performer.addListener((o, a, b) -> changed.accept(true));
    }

    private static CheckBox check(String id, String text, boolean on) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setSelected(on);
        return c;
    }

    Node node() {
        return bar;
    }

    /** What is chosen now ({@code day} null when the field is empty). */
    MapChoice choice() {
        BookingStatus s = status.getValue();
        return new MapChoice(venues.isSelected(), bookings.isSelected(), homes.isSelected(), route.isSelected(),
                day.getValue(), range.getItems().indexOf(range.getValue()) == 1, s,
                actOrGenre.getText(), performer.get());
    }
}
