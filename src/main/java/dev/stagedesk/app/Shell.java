package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

    public Shell(AppContext app, UiContext ui, Runnable toggleTheme) {
        this(app, ui, toggleTheme, dev.stagedesk.settings.StoreControl.NONE);
    }

    public Shell(AppContext app, UiContext ui, Runnable toggleTheme, dev.stagedesk.settings.StoreControl store) {
        this.factory = area -> Screens.create(area, app, ui, this::show, toggleTheme, store);
        sidebar.setItems(FXCollections.observableArrayList(
                java.util.Arrays.stream(Area.values()).filter(a -> a.openTo(ui.actor())).toList()));
        getStyleClass().add("shell");
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebar.setPrefWidth(210);
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

        setLeft(sidebar);
        setCenter(content);
        setBottom(status);
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                for (Area a : sidebar.getItems()) {
                    scene.getAccelerators().put(new KeyCodeCombination(a.shortcut(), KeyCombination.SHORTCUT_DOWN),
                            () -> show(a));
                }
            }
        });
        show(sidebar.getItems().get(0));
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
