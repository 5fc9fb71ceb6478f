package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** A titled screen around one paged list; reloads each time the area is shown. */
public final class ListScreen<T> implements Screen {
    private final BorderPane root = new BorderPane();
    private final PagedTable<T> table;
    private String opens;
    private Consumer<UUID> opener;

    public ListScreen(String title, String idPrefix, UiContext ui, int pageSize,
                      Function<PageRequest, Page<T>> source) {
        this(title, idPrefix, ui, new PagedListViewModel<>(ui.tasks(), pageSize, source, ui.errors()));
    }

    /** Around a list that a feature's own view model holds (its filters, selection and actions). */
    public ListScreen(String title, String idPrefix, UiContext ui, PagedListViewModel<T> list) {
        this.table = new PagedTable<>(list, idPrefix);
        if (ui.actor().can(Permission.DATA_EXPORT)) {
            table.enableExport(ui, title, idPrefix);
        }
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root.getStyleClass().add(Styles.SCREEN);
        root.setTop(heading);
        root.setCenter(table);
        BorderPane.setMargin(heading, new Insets(0, 0, 10, 0));
    }

    public PagedTable<T> table() {
        return table;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        table.viewModel().reload();
    }

    /** How this list shows one of its records when a search result or a notification names it. */
    public void opensRecords(String entity, Consumer<UUID> open) {
        this.opens = entity;
        this.opener = open;
    }

    @Override
    public boolean open(String entity, UUID id) {
        if (opener == null || !entity.equals(opens)) {
            return false;
        }
        opener.accept(id);
        return true;
    }

    /** A filter box over the constants of {@code type}; the first entry (null) means "all". Changing it reloads the list. */
    public <E extends Enum<E>> ComboBox<E> choiceFilter(String id, Class<E> type, ObjectProperty<E> target) {
        ComboBox<E> box = choiceFilterNode(id, List.of(type.getEnumConstants()), target, tr("filter.all"));
        table.addTools(box);
        return box;
    }

    /** The same filter box over {@code values}, not yet placed ({@code allLabel} names the "all" entry). */
    public <E extends Enum<E>> ComboBox<E> choiceFilterNode(String id, List<E> values, ObjectProperty<E> target,
                                                            String allLabel) {
        ComboBox<E> box = enumChoice(id, values, target, allLabel);
        box.valueProperty().addListener((o, a, b) -> table.viewModel().firstPage());
        return box;
    }

    /**
     * A box over states kept equal to {@code target}, the first entry (null) named {@code allLabel}, each labelled
     * through {@link Display#label(Enum)}; it does not reload the list itself (for a view model that reloads when its
     * filter property changes).
     */
    public static <E extends Enum<E>> ComboBox<E> enumChoice(String id, List<E> values, ObjectProperty<E> target,
                                                             String allLabel) {
        List<E> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E v) {
                return v == null ? allLabel : Display.label(v);
            }

            @Override
            public E fromString(String s) {
                return values.stream().filter(v -> Display.label(v).equals(s)).findFirst().orElse(null);
            }
        });
        box.setValue(target.get());
        box.valueProperty().addListener((o, a, b) -> target.set(b));
        target.addListener((o, a, b) -> box.setValue(b));
        return box;
    }

    /** A filter box over enum-like values; the first entry (null) means "all". Changing it reloads the list. */

    public ComboBox<String> choiceFilter(String id, Display.CodeSet codes,
                                         ObjectProperty<String> target) {
        ComboBox<String> box = choiceFilterNode(id, codes, codes.codes(), target, tr("filter.all"));
        table.addTools(box);
        return box;
    }

    /** The same filter box, not yet placed ({@code allLabel} names the "all" entry). */
    public ComboBox<String> choiceFilterNode(String id, Display.CodeSet codes, List<String> values,
                                             ObjectProperty<String> target, String allLabel) {
        ComboBox<String> box = codeChoice(id, codes, values, target, allLabel);
        box.valueProperty().addListener((o, a, b) -> table.viewModel().firstPage());
        return box;
    }

    /**
     * A box over codes kept equal to {@code target}, the first entry (null) named {@code allLabel}; it does not
     * reload the list itself (for a view model that reloads when its filter property changes).
     */
    public static ComboBox<String> codeChoice(String id, Display.CodeSet codes, List<String> values,
                                              ObjectProperty<String> target, String allLabel) {
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? allLabel : Display.label(codes, v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setValue(target.get());
        box.valueProperty().addListener((o, a, b) -> target.set(b));
        target.addListener((o, a, b) -> box.setValue(b));
        return box;
    }

    /**
     * A "History" button: the selected record's audit entries (who changed what, when) in a sheet. Until a
     * record has a detail screen with a History tab, this is where its history is.
     */
    public void historyAction(String id, Function<T, UUID> recordId, Function<T, String> label,
                              Function<UUID, List<AuditLine>> load, UiContext ui) {
        Button history = actionButton(id, tr("history.title"), () -> {
            T row = table.table().getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            Label heading = new Label(tr("history.of", label.apply(row)));
            heading.getStyleClass().add(Styles.SCREEN_TITLE);
            heading.setWrapText(true);
            HistoryList list = new HistoryList(recordId.apply(row), load, ui);
            list.setPrefHeight(320);
            Sheet.show(root, "historySheet", 760, "closeHistory", heading, list);
        }, true);
        table.addTools(history);
    }

    /** A toolbar button; with {@code needsSelection} it is disabled while no row is selected. */
    public Button actionButton(String id, String text, Runnable action, boolean needsSelection) {
        return needsSelection ? actionButton(id, text, action, row -> true) : actionButton(id, text, action, null);
    }

    /**
     * A toolbar button for an action on the selected row: disabled while no row is selected or while
     * {@code applies} says the action does not apply to it (Confirm on a confirmed booking). A null
     * {@code applies} means the action needs no selection.
     */
    public Button actionButton(String id, String text, Runnable action,
                                                    Predicate<T> applies) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            if (applies == null || appliesToSelection(applies)) {
                action.run();
            }
        });
        if (applies != null) {
            bindToSelection(b, applies);
        }
        return b;
    }

    /** Disables {@code control} unless a row is selected and {@code applies} to it; follows reloads. */
    public void bindToSelection(Node control, Predicate<T> applies) {
        var selection = table.table().getSelectionModel().selectedItemProperty();
        control.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !appliesToSelection(applies), selection, table.table().getItems()));
    }

    private boolean appliesToSelection(Predicate<T> applies) {
        T row = table.table().getSelectionModel().getSelectedItem();
        return row != null && applies.test(row);
    }
}
