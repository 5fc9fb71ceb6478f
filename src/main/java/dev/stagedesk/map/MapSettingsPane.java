package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.UiContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Settings › Map & travel: the travel estimate (road factor, speed, set-up buffer) and the Google Maps key. */
public final class MapSettingsPane extends VBox {
    public MapSettingsPane(MapSettings settings, UiContext ui) {
        super(12);
        setId("mapSettingsPane");
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField factor = grid.add(tr("map.settings.roadFactor"), "roadFactorPct", new TextField());
        TextField speed = grid.add(tr("map.settings.speed"), "averageSpeedKmh", new TextField());
        TextField buffer = grid.add(tr("map.settings.buffer"), "setupBufferMinutes", new TextField());
        PasswordField key = grid.add(tr("map.settings.key"), "googleMapsKey", new PasswordField());
        Label hint = new Label(tr("map.settings.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        Label saved = new Label();
        saved.setId("mapSettingsSaved");
        Button save = new Button(tr("action.save"));
        save.setId("mapSettingsSave");
        boolean edit = ui.actor().can(Permission.SETTINGS_EDIT);
        save.setDisable(!edit);
        ui.tasks().run(settings::values, v -> {
            factor.setText(Integer.toString(v.roadFactorPct()));
            speed.setText(Integer.toString(v.averageSpeedKmh()));
            buffer.setText(Integer.toString(v.setupBufferMinutes()));
            key.setText(v.googleMapsKey() == null ? "" : v.googleMapsKey());
        }, ui.errors());
        save.setOnAction(e -> {
            Validator v = new Validator();
            Integer f = required("roadFactorPct", factor.getText(), v);
            Integer s = required("averageSpeedKmh", speed.getText(), v);
            Integer b = required("setupBufferMinutes", buffer.getText(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> {
                settings.update(ui.actor(), new MapSettings.Values(f, s, b, key.getText()));
                return true;
            }, ok -> saved.setText(tr("map.settings.saved")));
        });
        getChildren().addAll(grid, hint, save, saved);
    }

    private static Integer required(String field, String text, Validator v) {
        Integer n = Parse.integer(field, text, v);
        v.check(n != null || !(text == null || text.isBlank()), field, tr("validation.required"));
        return n;
    }
}
