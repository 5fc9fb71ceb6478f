package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import javafx.collections.MapChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Two-column form: label, control, and under the control the field's error (id {@code <field>Error}). */
public final class FormGrid extends GridPane {
    private final FormState state;
    private int row;

    public FormGrid(FormState state) {
        this.state = state;
        setHgap(12);
        setVgap(2);
        setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(280);
        getColumnConstraints().addAll(labels, fields);
        Label general = new Label();
        general.setId("formError");
        general.getStyleClass().add(Styles.FIELD_ERROR);
        general.setWrapText(true);
        general.textProperty().bind(state.generalErrorProperty());
        general.managedProperty().bind(general.textProperty().isNotEmpty());
        general.visibleProperty().bind(general.managedProperty());
        Hyperlink reload = new Hyperlink(tr("record.reload"));
        reload.setId("formReload");
        reload.managedProperty().bind(state.staleProperty());
        reload.visibleProperty().bind(state.staleProperty());
        reload.setOnAction(e -> state.reload());
        add(new VBox(general, reload), 0, row++, 2, 1);
    }

    /** Adds a field. {@code field} is the name the service uses in its errors (and the control's id). */
    public <C extends Control> C add(String labelText, String field, C control) {
        Label label = new Label(labelText);
        label.setLabelFor(control);
        // a control hidden for now (a note with nothing to say yet) takes its label with it, leaving no gap
        label.managedProperty().bind(control.managedProperty());
        label.visibleProperty().bind(control.visibleProperty());
        control.setId(field);
        control.setMaxWidth(Double.MAX_VALUE);
        if (control instanceof Label text) { // an explanation in a form wraps at the form's width
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
        }
        Label error = new Label();
        error.setId(field + "Error");
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        Runnable update = () -> {
            String message = state.errors().get(field);
            error.setText(message == null ? "" : message);
            error.setManaged(message != null);
            error.setVisible(message != null);
            if (message == null) {
                control.getStyleClass().remove(Styles.INVALID);
            } else if (!control.getStyleClass().contains(Styles.INVALID)) {
                control.getStyleClass().add(Styles.INVALID);
            }
        };
        state.errors().addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
        add(label, 0, row);
        add(control, 1, row++);
        add(error, 1, row++);
        setMargin(error, new Insets(0, 0, 4, 0));
        return control;
    }
}
