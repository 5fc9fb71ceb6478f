package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A sheet to look at rather than fill in (a history, a performer's month, documents): content and Close. */
public final class Sheet {
    private Sheet() {
    }

    /** Opens the content over the window of {@code anchor}; Close (or Escape) returns to what was under it. */
    public static VBox show(Node anchor, String id, double maxWidth, String closeId, Node... content) {
        ModalHost host = ModalHost.of(anchor);
        Button close = new Button(tr("action.close"));
        close.setId(closeId);
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> host.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox sheet = new VBox(12, content);
        sheet.getChildren().add(buttons);
        sheet.setId(id);
        sheet.getStyleClass().add("modal-sheet");
        sheet.setPadding(new Insets(18));
        sheet.setMaxWidth(maxWidth);
        sheet.setMaxHeight(Region.USE_PREF_SIZE);
        host.open(sheet);
        Platform.runLater(close::requestFocus);
        return sheet;
    }
}
