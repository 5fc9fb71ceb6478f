package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** "Client X deleted. [Undo] [×]": shown while an {@link UndoDelete} has something to undo. */
public final class UndoBar extends HBox {
    public UndoBar(UndoDelete undo, String idPrefix) {
        super(8);
        getStyleClass().add(Styles.UNDO_BAR);
        setId(idPrefix + "UndoBar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
        Label text = new Label();
        text.textProperty().bind(undo.messageProperty());
        Button undoButton = new Button(tr("action.undo"));
        undoButton.setId(idPrefix + "Undo");
        undoButton.setOnAction(e -> undo.undo());
        Button close = new Button("×");
        close.setOnAction(e -> undo.dismiss());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(text, undoButton, grow, close);
        managedProperty().bind(undo.messageProperty().isNotEmpty());
        visibleProperty().bind(managedProperty());
    }
}
