package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/**
 * What every editable list does the same way: deleted rows struck through, double-click or Enter opens the
 * row, Delete deletes it, and Edit / Delete buttons (ids {@code edit<Noun>}, {@code delete<Noun>}).
 */
public final class RecordListTools {
    private RecordListTools() {
    }

    public static <T> void install(PagedTable<T> list, String noun, Predicate<T> isDeleted, Consumer<T> open,
                                   Consumer<T> delete) {
        TableView<T> table = list.table();
        Runnable openSelected = () -> {
            T row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                open.accept(row);
            }
        };
        Runnable deleteSelected = () -> {
            T row = table.getSelectionModel().getSelectedItem();
            if (row != null && !isDeleted.test(row)) {
                delete.accept(row);
            }
        };
        Button edit = new Button(tr("action.edit"));
        edit.setId("edit" + noun);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> openSelected.run());
        Button remove = new Button(tr("action.delete"));
        remove.setId("delete" + noun);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> deleteSelected.run());
        list.addTools(edit, remove);
        table.setRowFactory(tv -> {
            TableRow<T> row = new TableRow<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("deleted-row");
                    if (!empty && item != null && isDeleted.test(item)) {
                        getStyleClass().add("deleted-row");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected.run();
            }
        });
    }
}
