package dev.stagedesk.app;

import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.Font;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.invoice.InvoicesPaymentsScreen;
import dev.stagedesk.notification.NotificationsView;
import dev.stagedesk.search.GlobalSearchView;
import dev.stagedesk.settings.Appearance;
import dev.stagedesk.settings.SettingsScreen;
import dev.stagedesk.settings.StoreControl;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** The main window's content: sidebar of areas, the current area, and a status bar. */
public final class Shell extends BorderPane {
    private final ListView<Area> sidebar = new ListView<>();
    private final StackPane content = new StackPane();
    private final Map<Area, Screen> screens = new EnumMap<>(Area.class);
    private final Function<Area, Screen> factory;
    private final GlobalSearchView search;
    private final NotificationsView notices;

    public Shell(AppContext app, UiContext ui, Runnable toggleTheme) {
        this(app, ui, toggleTheme, StoreControl.NONE);
    }

    public Shell(AppContext app, UiContext ui, Runnable toggleTheme, StoreControl store) {
        this(app, ui, Appearance.themeOnly(toggleTheme), store);
    }

    /**
     * Wide enough for the longest area title in the console's language ("Kunden & Veranstaltungsorte" in German),
     * at the sidebar's type size (stagedesk.css: 1.05em, 14 px padding each side), never narrower than 210.
     */
    static double sidebarWidth(List<Area> areas) {
        Font font = Font.font(Font.getDefault().getSize() * 1.05);
        double widest = 0;
        for (Area a : areas) {
            Text t = new Text(a.title());
            t.setFont(font);
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.max(210, Math.ceil(widest + 2 * 14 + 12));
    }

    /** With the window's theme and language ({@link Appearance}: a chosen language rebuilds the shell in it). */
    public Shell(AppContext app, UiContext ui, Appearance appearance, StoreControl store) {
        this.factory = area -> Screens.create(area, app, ui, this::show, this::openRecord, appearance, store);
        ui.tasks().run(app::agencyZone, Format::useAgencyZone, ui.errors());
        sidebar.setItems(FXCollections.observableArrayList(
                Arrays.stream(Area.values()).filter(a -> a.openTo(ui.actor())).toList()));
        getStyleClass().add("shell");
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebar.setPrefWidth(sidebarWidth(sidebar.getItems()));
        sidebar.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Area item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setId(empty || item == null ? null : "nav-" + item.nodeId().substring(5));
            }
        });
        sidebar.getSelectionModel().selectedItemProperty().addListener((o, a, area) -> {
            if (area != null) {
                display(area);
            }
        });
        content.setPadding(new Insets(14));

        Label location = new Label(tr("status.data", app.folder));
        location.setId("statusData");
        Label sync = new Label(tr("status.syncNone"));
        sync.setId("statusSync");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label user = new Label(tr("status.user", ui.actor().username()));
        user.setId("statusUser");
        HBox status = new HBox(16, location, grow, user, sync);
        status.setId("statusBar");
        status.getStyleClass().add(Styles.STATUS_BAR);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(4, 10, 4, 10));

        search = new GlobalSearchView(ui,
                text -> app.globalSearch.search(ui.actor(), text, 5), this::openRecord);
        notices = new NotificationsView(app.notificationQuery, app.notifications, ui,
                app::agencyZone, this::openRecord);
        Button searchButton = new Button(tr("globalSearch.button"));
        searchButton.setId("globalSearchButton");
        searchButton.getStyleClass().add("search-button");
        searchButton.setOnAction(e -> search.show(this));
        searchButton.setFocusTraversable(false);
        Region topGrow = new Region();
        HBox.setHgrow(topGrow, Priority.ALWAYS);
        HBox top = new HBox(8, topGrow, searchButton, notices.bell());
        top.setId("topBar");
        top.setAlignment(Pos.CENTER_RIGHT);
        top.setPadding(new Insets(6, 14, 0, 14));
        BorderPane main = new BorderPane(content);
        main.setTop(top);

        setLeft(sidebar);
        setCenter(main);
        setBottom(status);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K,
                        KeyCombination.SHORTCUT_DOWN), unlessModal(() -> search.show(this)));
                for (Area a : sidebar.getItems()) {
                    scene.getAccelerators().put(new KeyCodeCombination(a.shortcut(), KeyCombination.SHORTCUT_DOWN),
                            unlessModal(() -> show(a)));
                }
            }
        });
        show(sidebar.getItems().get(0));
    }

    /** Keyboard shortcuts do nothing while a sheet is open over the shell (or the shell is disabled). */
    private Runnable unlessModal(Runnable action) {
        return () -> {
            for (Parent p = getParent(); p != null; p = p.getParent()) {
                if (p instanceof ModalHost host && host.isOpen()) {
                    return;
                }
            }
            if (!isDisabled()) {
                action.run();
            }
        };
    }

    /** Goes to an area (as a click in the sidebar would). */
    public void show(Area area) {
        if (!sidebar.getItems().contains(area)) {
            return; // not open to this user
        }
        if (sidebar.getSelectionModel().getSelectedItem() != area) {
            sidebar.getSelectionModel().select(area);
        } else {
            display(area);
        }
    }

    /**
     * Goes to the area that shows a record and opens it there (a search result, a notification): "client" and
     * "venue" in Clients & Venues, "booking" (also for an invoice's or payment's booking) in Bookings...
     */
    public void openRecord(String entity, UUID id) {
        Area area = switch (entity) {
            case "client", "venue" -> Area.CLIENTS_VENUES;
            case "performer" -> Area.PERFORMERS;
            case "inquiry" -> Area.INQUIRIES;
            case "booking" -> Area.BOOKINGS;
            case "invoice", InvoicesPaymentsScreen.OVERDUE_RECEIVABLES -> Area.INVOICES_PAYMENTS;
            default -> null;
        };
        if (area == null || !sidebar.getItems().contains(area)) {
            return;
        }
        show(area);
        screens.get(area).open(entity, id);
    }

    /** Settings → General (theme, language): where the console reopens after a change of language. */
    public void showAppearance() {
        show(Area.SETTINGS);
        if (screens.get(Area.SETTINGS) instanceof SettingsScreen settings) {
            settings.showGeneral();
        }
    }

    /** The bell and the notification list (the console shows the day's digest through it). */
    public NotificationsView notices() {
        return notices;
    }

    /** The screen of an area once it was shown, else null (tests drive a screen's own methods through it). */
    public Screen screen(Area area) {
        return screens.get(area);
    }

    public Area current() {
        return sidebar.getSelectionModel().getSelectedItem();
    }

    private void display(Area area) {
        Screen screen = screens.computeIfAbsent(area, factory);
        Node node = screen.node();
        node.setId(area.nodeId());
        content.getChildren().setAll(node);
        screen.activate();
    }
}
