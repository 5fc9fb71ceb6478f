package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A modal form sheet. Save runs the form's save; the sheet closes only when it succeeded, otherwise the
 * errors stay next to the fields and nothing was written. Escape or Cancel closes without saving.
 */
public final class FormDialog {
    private FormDialog() {
    }

    public static void show(Node anchor, String title, FormGrid form, FormState state, Consumer<Runnable> save) {
        show(anchor, title, form, state, tr("action.save"), save);
    }

    /** With the button that carries it out named for what it does ("Issue invoice"). */
    public static void show(Node anchor, String title, FormGrid form, FormState state, String okText,
                            Consumer<Runnable> save) {
        ModalHost host = ModalHost.of(anchor);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setId("formScroll");
        Button ok = new Button(okText);
        ok.setId("saveButton");
        ok.setDefaultButton(true);
        ok.disableProperty().bind(state.savingProperty());
        Button cancel = new Button(tr("action.cancel"));
        cancel.setId("cancelButton");
        cancel.setCancelButton(true);
        HBox buttons = new HBox(10, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox sheet = new VBox(12, heading, scroll, buttons);
        sheet.setId("formSheet");
        sheet.getStyleClass().add("modal-sheet");
        sheet.setPadding(new Insets(18));
        sheet.setMaxWidth(600);
        sheet.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        scroll.maxHeightProperty().bind(host.heightProperty().subtract(170));
        cancel.setOnAction(e -> host.close());
        ok.setOnAction(e -> save.accept(host::close));
        sheet.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                host.close();
                e.consume();
            }
        });
        host.open(sheet);
        Node first = form.lookup(".text-field");
        Node focus = first != null ? first : ok;
        javafx.application.Platform.runLater(focus::requestFocus);
    }
}
