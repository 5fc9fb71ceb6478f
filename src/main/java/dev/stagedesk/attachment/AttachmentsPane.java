package dev.stagedesk.attachment;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.UiContext;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The files of one record (a booking's contract and rider, a performer's documents): the list, add (copied into
 * the data folder), save a copy, remove. Shared by every screen that shows attachments.
 */
public final class AttachmentsPane extends VBox {
    public AttachmentsPane(AttachmentService attachments, UiContext ui, String entityType, UUID entityId, String zone,
                           boolean canEdit, Consumer<String> message) {
        super(8);
        ListView<Attachment> files = new ListView<>();
        files.setId("attachmentsList");
        files.setPrefHeight(160);
        files.setPlaceholder(new Label(tr("attachment.none")));
        files.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Attachment a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.fileName() + " · " + size(a.sizeBytes()) + " · "
                        + Format.dateTime(a.addedAt(), zone));
            }
        });
        Runnable load = () -> ui.tasks().run(() -> attachments.list(ui.actor(), entityType, entityId),
                files.getItems()::setAll, ui.errors());
        load.run();
        Button add = new Button(tr("attachment.add"));
        add.setId("addAttachment");
        add.setDisable(!canEdit);
        add.setOnAction(e -> ui.openDialog().ask(this, tr("attachment.add")).ifPresent(file -> ui.tasks().run(
                () -> attachments.attach(ui.actor(), entityType, entityId, file), a -> {
                    message.accept(tr("attachment.added", a.fileName()));
                    load.run();
                }, ui.errors())));
        Button saveCopy = new Button(tr("attachment.saveCopy"));
        saveCopy.setId("saveAttachment");
        saveCopy.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
        saveCopy.setOnAction(e -> {
            Attachment a = files.getSelectionModel().getSelectedItem();
            String ext = a.fileName().contains(".") ? a.fileName().substring(a.fileName().lastIndexOf('.') + 1) : "*";
            ui.saveDialog().ask(this, tr("attachment.saveCopy"), a.fileName(), ext).ifPresent(target -> ui.tasks().run(
                    () -> {
                        attachments.copyTo(ui.actor(), a.id(), target);
                        return target;
                    }, t -> message.accept(tr("quote.pdfSaved", t.getFileName())), ui.errors()));
        });
        Button remove = new Button(tr("attachment.remove"));
        remove.setId("removeAttachment");
        remove.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull()
                .or(new SimpleBooleanProperty(!canEdit)));
        remove.setOnAction(e -> ui.tasks().run(() -> attachments.remove(ui.actor(),
                files.getSelectionModel().getSelectedItem().id()), a -> {
                    message.accept(tr("attachment.removed", a.fileName()));
                    load.run();
                }, ui.errors()));
        getChildren().addAll(files, new HBox(8, add, saveCopy, remove));
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
