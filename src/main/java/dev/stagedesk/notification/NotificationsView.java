package dev.stagedesk.notification;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.notification.NotificationQuery.Row;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.Sheet;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The bell in the top bar (unread count), the list it opens (open, mark read or unread, mark all read,
 * delete, filter by kind, choose the kinds one wants), desktop toasts for notices that arrive while the console
 * is open (ControlsFX), and the day's digest shown at the first sign-in of a day.
 */
public final class NotificationsView {
    /** How often the bell looks for new notices. */
    static final Duration POLL = Duration.seconds(15);

    private final NotificationQuery query;
    private final NotificationService service;
    private final UiContext ui;
    /** The agency's zone (reads the store: off the FX thread); notice times are shown in it. */
    private final Supplier<ZoneId> agencyZone;
    private volatile ZoneId zone = Format.agencyZone();
    private final BiConsumer<String, UUID> open;
    private final Button bell = new Button();
    private final Label count = new Label();
    /** The unread count the bell shows; the digest shows the same one. */
    private final IntegerProperty unread = new SimpleIntegerProperty(-1);
    private final Timeline poll;
    private Instant seenUpTo;
    private boolean toasts = true;

    public NotificationsView(NotificationQuery query, NotificationService service, UiContext ui,
                             Supplier<ZoneId> agencyZone, BiConsumer<String, UUID> open) {
        this.query = query;
        this.agencyZone = agencyZone;
        this.service = service;
        this.ui = ui;
        this.open = open;
        bell.setId("notificationBell");
        count.setId("notificationCount");
        count.getStyleClass().add("badge");
        count.setVisible(false);
        FontIcon icon = new FontIcon("fa-bell");
        icon.getStyleClass().add("bell-icon");
        StackPane graphic = new StackPane(icon, count);
        StackPane.setAlignment(count, Pos.TOP_RIGHT);
        graphic.setMinWidth(30);
        bell.setGraphic(graphic);
        bell.setOnAction(e -> showList());
        poll = new Timeline(new KeyFrame(POLL, e -> {
            var window = bell.getScene() == null ? null : bell.getScene().getWindow();
            if (window == null || !window.isShowing()) {
                stopPolling(); // this shell is gone (signed out, store reopened): it no longer asks
                return;
            }
            refresh();
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    /** The bell (for the top bar); starts polling once shown. */
    public Node bell() {
        bell.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                poll.stop();
            } else {
                poll.play();
            }
        });
        refresh();
        return bell;
    }

    private void stopPolling() {
        poll.stop();
    }

    /** Whether new notices pop up as desktop toasts (off in tests that do not look at them). */
    public void setToasts(boolean on) {
        this.toasts = on;
    }

    /** Reads the unread count (and what is new since the last look, for the toasts) in the background. */
    public void refresh() {
        Instant since = seenUpTo;
        ui.tasks().run(() -> new Fresh(query.unreadCount(ui.actor()),
                since == null ? List.of() : query.unreadSince(ui.actor(), since, 4),
                since == null ? latest() : null), f -> {
                    showUnread(f.unread());
                    if (seenUpTo == null) {
                        seenUpTo = f.latest() == null ? Instant.EPOCH : f.latest();
                    }
                    for (Row r : f.fresh()) {
                        if (r.createdAt().isAfter(seenUpTo)) {
                            seenUpTo = r.createdAt();
                        }
                    }
                    toast(f.fresh());
                }, ui.errors());
    }

    private void showUnread(int n) {
        count.setText(n > 99 ? "99+" : Integer.toString(n));
        count.setVisible(n > 0);
        bell.setTooltip(new Tooltip(tr("notices.bell", n)));
        unread.set(n);
    }

    /** The unread count the bell shows (-1 before it was first read). */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    private Instant latest() {
        var rows = query.page(ui.actor(), new PageRequest("", null, false, 0, 1), null, false).rows();
        return rows.isEmpty() ? Instant.EPOCH : rows.get(0).createdAt();
    }

    private record Fresh(int unread, List<Row> fresh, Instant latest) {
    }

    private void toast(List<Row> fresh) {
        if (!toasts || fresh.isEmpty() || bell.getScene() == null || bell.getScene().getWindow() == null
                || !bell.getScene().getWindow().isShowing()) {
            return;
        }
        if (fresh.size() > 3) {
            org.controlsfx.control.Notifications.create().owner(bell.getScene().getWindow())
                    .title(tr("notices.title")).text(fitToast(tr("notices.more", fresh.size()))).hideAfter(Duration.seconds(8))
                    .onAction(e -> showList()).showInformation();
            return;
        }
        for (Row r : fresh) {
            org.controlsfx.control.Notifications.create().owner(bell.getScene().getWindow())
                    .title(fitToast(r.title(), TOAST_COLUMNS, 1)).text(r.body() == null ? "" : fitToast(r.body()))
                    .hideAfter(Duration.seconds(8))
                    .onAction(e -> openRow(r)).showInformation();
        }
    }

    /** The widest a toast's line is, in characters: about 400 px, well inside the narrowest window (900 px). */
    static final int TOAST_COLUMNS = 56;
    static final int TOAST_LINES = 4;

    static String fitToast(String text) {
        return fitToast(text, TOAST_COLUMNS, TOAST_LINES);
    }

    /**
     * A toast grows as wide as its longest line and ControlsFX does not wrap it, so a long notice ran past the
     * window's edge: break the text at word boundaries into lines of at most {@code columns} characters, at most
     * {@code lines} of them, the last ending in "…" when text was left out.
     */
    static String fitToast(String text, int columns, int lines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        int i = 0;
        while (i < words.length && out.size() < lines) {
            String w = words[i].length() > columns ? words[i].substring(0, columns - 1) + "…" : words[i];
            if (line.length() == 0) {
                line.append(w);
                i++;
            } else if (line.length() + 1 + w.length() <= columns) {
                line.append(' ').append(w);
                i++;
            } else {
                out.add(line.toString());
                line.setLength(0);
            }
        }
        if (line.length() > 0 && out.size() < lines) {
            out.add(line.toString());
        }
        if (i < words.length && !out.isEmpty()) {
            String last = out.get(out.size() - 1);
            out.set(out.size() - 1, (last.length() >= columns ? last.substring(0, columns - 1) : last) + "…");
        }
        return String.join("\n", out);
    }

    // ------------------------------------------------------------------------------------------ the list

    private final ListView<Row> list = new ListView<>();
    private final ComboBox<String> kind = new ComboBox<>();
    private final CheckBox unreadOnly = new CheckBox(tr("notices.unreadOnly"));
    private final Label summary = new Label();

    /** Opens the list of one's notifications over the window. */
    public void showList() {
        list.setId("noticesList");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefSize(640, 420);
        list.setPlaceholder(new Label(tr("notices.none")));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    setText(null);
                    setId(null);
                    return;
                }
                Label title = new Label(r.title());
                title.getStyleClass().add(r.unread() ? Styles.SECTION : Styles.MUTED);
                Label body = new Label(r.body() == null ? "" : r.body());
                body.setWrapText(true);
                body.setMaxWidth(600);
                Label meta = new Label(Display.label(NotificationKind.class, r.kind()) + " · "
                        + Format.dateTime(r.createdAt(), zone));
                meta.getStyleClass().add(Styles.MUTED);
                setGraphic(new VBox(2, title, body, meta));
                setId("notice-" + r.id());
                setText(null);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                openRow(list.getSelectionModel().getSelectedItem());
            }
        });
        kind.setId("noticesKind");
        List<String> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(Notifications.KINDS);
        kind.setItems(FXCollections.observableArrayList(kinds));
        kind.setConverter(kindNames());
        kind.setPromptText(tr("notices.anyKind"));
        kind.setOnAction(e -> reload());
        unreadOnly.setId("noticesUnreadOnly");
        unreadOnly.setOnAction(e -> reload());
        summary.setId("noticesSummary");
        summary.getStyleClass().add(Styles.MUTED);
        Button openButton = button("noticesOpen", tr("notices.open"), () -> {
            Row r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                openRow(r);
            }
        });
        Button read = button("noticesMarkRead", tr("notices.markRead"), () -> act(ids -> service.markRead(ui.actor(), ids, true)));
        Button unread = button("noticesMarkUnread", tr("notices.markUnread"),
                () -> act(ids -> service.markRead(ui.actor(), ids, false)));
        Button all = button("noticesMarkAll", tr("notices.markAllRead"), () -> ui.tasks().run(
                () -> service.markAllRead(ui.actor(), kind.getValue()), n -> changed(), ui.errors()));
        Button delete = button("noticesDelete", tr("notices.delete"), () -> act(ids -> service.delete(ui.actor(), ids)));
        Button kindsButton = button("noticesKinds", tr("notices.kinds"), this::chooseKinds);
        for (Button b : List.of(openButton, read, unread, delete)) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        Label heading = new Label(tr("notices.title"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        HBox filters = new HBox(8, kind, unreadOnly, summary);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, openButton, read, unread, all, delete, kindsButton);
        Sheet.show(bell, "noticesSheet", 720, "noticesClose", heading, filters, list, actions);
        reload();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void reload() {
        String k = kind.getValue();
        boolean only = unreadOnly.isSelected();
        ui.tasks().run(() -> {
            var page = query.page(ui.actor(), new PageRequest("", null, false, 0, 500), k, only);
            return new Loaded(page.rows(), page.total(), query.unreadCount(ui.actor()), agencyZone.get());
        }, l -> {
            zone = l.zone();
            list.getItems().setAll(l.rows());
            summary.setText(tr("notices.count", l.total(), l.unread()));
        }, ui.errors());
    }

    private record Loaded(List<Row> rows, int total, int unread, ZoneId zone) {
    }

    private void act(Function<List<UUID>, Integer> command) {
        List<UUID> ids = list.getSelectionModel().getSelectedItems().stream().map(Row::id).toList();
        ui.tasks().run(() -> command.apply(ids), n -> changed(), ui.errors());
    }

    private void changed() {
        reload();
        refresh();
    }

    /** Marks it read and goes to the record it is about. */
    private void openRow(Row r) {
        ui.tasks().run(() -> r.unread() ? service.markRead(ui.actor(), List.of(r.id()), true) : 0, n -> {
            refresh();
            if (list.getScene() != null && ModalHost.of(list).isOpen()) {
                ModalHost.of(list).close();
            }
            if (r.entityType() != null && r.entityId() != null) {
                open.accept(r.entityType(), r.entityId());
            }
        }, ui.errors());
    }

    private void chooseKinds() {
        ui.tasks().run(() -> query.wanted(ui.actor()), wanted -> {
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            List<CheckBox> boxes = new ArrayList<>();
            for (String k : Notifications.KINDS) {
                CheckBox box = new CheckBox(Display.label(NotificationKind.class, k));
                box.setSelected(wanted.contains(k));
                boxes.add(box);
                grid.add("", "kind-" + k, box);
            }
            Label hint = new Label(tr("notices.kindsHint"));
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.MUTED);
            grid.add("", "kindsHint", hint);
            FormDialog.show(list, tr("notices.kindsTitle"), grid, state, tr("action.save"), close -> {
                Set<String> chosen = new LinkedHashSet<>();
                for (int i = 0; i < boxes.size(); i++) {
                    if (boxes.get(i).isSelected()) {
                        chosen.add(Notifications.KINDS.get(i));
                    }
                }
                state.submit(() -> service.choose(ui.actor(), chosen), saved -> {
                    close.run();
                    summary.setText(tr("notices.saved", saved.size(), Notifications.KINDS.size()));
                });
            });
        }, ui.errors());
    }

    private static StringConverter<String> kindNames() {
        return new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? tr("notices.anyKind") : Display.label(NotificationKind.class, k);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        };
    }

    // ------------------------------------------------------------------------------------------ digest

    /**
     * The day's digest: unread notices by kind and the day's events, with a way into the list. It reads the same
     * count as the bell, and reads again whenever the bell's count changes while it is open (notices raised just
     * after sign-in), so the two never disagree.
     */
    public void showDigest(LocalDate today, int eventsToday) {
        VBox body = new VBox(6);
        Label heading = new Label(tr("digest.title", Format.date(today)));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        heading.setWrapText(true);
        VBox counts = new VBox(6);
        counts.setId("digestCounts");
        Button toList = button("digestOpenNotices", tr("digest.open"), () -> {
            ModalHost.of(bell).close();
            showList();
        });
        toList.setDisable(true);
        body.getChildren().addAll(heading, new Label(tr("digest.events", eventsToday)), counts, toList);
        Runnable load = () -> ui.tasks().run(() -> query.digest(ui.actor()), d -> {
            counts.getChildren().clear();
            if (d.unread() == 0) {
                counts.getChildren().add(new Label(tr("digest.nothing")));
            } else {
                Label total = new Label(tr("digest.unread", d.unread()));
                total.setId("digestUnread");
                counts.getChildren().add(total);
                d.unreadByKind().forEach((k, n) -> counts.getChildren().add(new Label("  " + kindLabel(k) + ": " + n)));
            }
            toList.setDisable(d.unread() == 0);
            if (unread.get() != d.unread()) {
                showUnread(d.unread()); // the bell catches up at once rather than at its next poll
            }
        }, ui.errors());
        ChangeListener<Number> again = (o, a, b) -> {
            if (body.getScene() != null) {
                load.run();
            }
        };
        unread.addListener(again);
        body.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null && a != null) {
                unread.removeListener(again);
            }
        });
        load.run();
        Sheet.show(bell, "digestSheet", 480, "digestClose", body);
    }

    private static String kindLabel(String kind) {
        return Display.label(NotificationKind.class, kind);
    }

}
