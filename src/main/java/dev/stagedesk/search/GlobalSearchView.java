package dev.stagedesk.search;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.search.GlobalSearchQuery.Hit;
import dev.stagedesk.search.GlobalSearchQuery.Results;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The search box of Ctrl+K: a sheet over the window with one field and the results grouped by kind, updated
 * as one types (in the background; a keystroke typed while a search runs is searched right after it, the ones
 * in between are skipped). Up and Down move through the results, Enter opens the one selected (the first
 * when none is), Escape closes.
 */
public final class GlobalSearchView {
    /** Results per kind. */
    static final int PER_KIND = 5;

    /** A row of the list: a kind's heading, or a result. */
    record Row(GlobalSearchQuery.Kind heading, Hit hit) {
    }

    private final UiContext ui;
    private final Function<String, Results> search;
    private final BiConsumer<String, UUID> open;
    private final TextField field = new TextField();
    private final ListView<Row> list = new ListView<>();
    private final Label status = new Label();
    private final VBox sheet;
    private boolean running;
    private String pending;

    public GlobalSearchView(UiContext ui, Function<String, Results> search, BiConsumer<String, UUID> open) {
        this.ui = ui;
        this.search = search;
        this.open = open;
        field.setId("globalSearchField");
        field.setPromptText(tr("globalSearch.prompt"));
        list.setId("globalSearchResults");
        list.setPrefHeight(420);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setId(null);
                getStyleClass().remove(Styles.SECTION);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                if (item.heading() != null) {
                    Label l = new Label(tr("globalSearch.kind." + item.heading().name()));
                    l.getStyleClass().addAll(Styles.SECTION, Styles.MUTED);
                    setGraphic(l);
                    setDisable(true);
                    return;
                }
                setDisable(false);
                Label title = new Label(item.hit().title());
                Label detail = new Label(item.hit().detail());
                detail.getStyleClass().add(Styles.MUTED);
                setGraphic(new VBox(1, title, detail));
                setId("hit-" + item.hit().kind().name().toLowerCase(Locale.ROOT) + "-" + item.hit().id());
            }
        });
        list.setOnMouseClicked(e -> {
            Row r = list.getSelectionModel().getSelectedItem();
            if (r != null && r.hit() != null && e.getClickCount() >= 1) {
                choose(r.hit());
            }
        });
        status.setId("globalSearchStatus");
        status.getStyleClass().add(Styles.MUTED);
        status.setText(tr("globalSearch.hint"));
        field.textProperty().addListener((o, a, text) -> request(text));
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                move(1);
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                move(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                Row r = list.getSelectionModel().getSelectedItem();
                Hit h = r != null && r.hit() != null ? r.hit() : first();
                if (h != null) {
                    choose(h);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        sheet = new VBox(8, field, status, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        sheet.setId("globalSearch");
        sheet.getStyleClass().add("modal-sheet");
        sheet.setPadding(new Insets(14));
        sheet.setMaxWidth(640);
        sheet.setMaxHeight(Region.USE_PREF_SIZE);
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    /** Opens the box over the window of {@code anchor} (nothing happens while another sheet is open). */
    public void show(Node anchor) {
        ModalHost host = ModalHost.of(anchor);
        if (host.isOpen()) {
            return;
        }
        host.open(sheet);
        field.selectAll();
        Platform.runLater(field::requestFocus);
    }

    private void close() {
        if (sheet.getParent() != null) {
            ModalHost.of(sheet).close();
        }
    }

    private void choose(Hit h) {
        close();
        open.accept(h.openEntity(), h.openId());
    }

    private Hit first() {
        return list.getItems().stream().map(Row::hit).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private void move(int step) {
        int i = list.getSelectionModel().getSelectedIndex();
        int n = list.getItems().size();
        for (int j = i + step; j >= 0 && j < n; j += step) {
            if (list.getItems().get(j).hit() != null) {
                list.getSelectionModel().select(j);
                list.scrollTo(Math.max(0, j - 3));
                return;
            }
        }
    }

    private void request(String text) {
        if (running) {
            pending = text;
            return;
        }
        running = true;
        ui.tasks().run(() -> search.apply(text), this::shown, e -> {
            running = false;
            pending = null;
            ui.errors().accept(e);
        });
    }

    private void shown(Results results) {
        running = false;
        if (pending != null) {
            String next = pending;
            pending = null;
            request(next);
            return; // what is on screen now is older than what was typed
        }
        List<Row> rows = new ArrayList<>();
        results.groups().forEach((kind, hits) -> {
            rows.add(new Row(kind, null));
            hits.forEach(h -> rows.add(new Row(null, h)));
        });
        list.getItems().setAll(rows);
        if (results.text().isBlank()) {
            status.setText(tr("globalSearch.hint"));
        } else if (results.isEmpty()) {
            status.setText(tr("globalSearch.nothing", results.text()));
        } else {
            status.setText(tr("globalSearch.found", results.all().size()));
            move(1);
        }
    }
}
