package dev.stagedesk.map;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.UiContext;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The route panel beside the map: the performer's day as stops in order with each leg's distance and time (a late
 * leg red, with why), drag to reorder, Suggest order, Add place, Remove place, Save as schedule. Everything it
 * shows and does is {@link RoutePanelViewModel}'s.
 */
final class RoutePanel {
    private final RoutePanelViewModel model;
    private final UiContext ui;
    private final PlaceTools places;
    private final VBox panel = new VBox(8);
    private final ListView<Route.Stop> stopList;

    /** {@code selected} gets the map marker key of the stop chosen in the list. */
    RoutePanel(RoutePanelViewModel model, UiContext ui, PlaceTools places, Consumer<String> selected) {
        this.model = model;
        this.ui = ui;
        this.places = places;
        this.stopList = new ListView<>(model.order());
        panel.setId("routePanel");
        panel.setPadding(new Insets(0, 0, 0, 10));
        panel.setPrefWidth(340);
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label summary = new Label();
        summary.setId("routeSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        model.lateProperty().addListener((o, was, late) -> {
            summary.getStyleClass().removeAll("text-danger");
            if (late) {
                summary.getStyleClass().add("text-danger");
            }
        });
        stopList.setId("routeStops");
        stopList.setCellFactory(l -> new StopCell());
        VBox.setVgrow(stopList, Priority.ALWAYS);
        Button suggest = new Button(tr("map.suggest"));
        suggest.setId("routeSuggest");
        suggest.setOnAction(e -> model.suggest());
        suggest.disableProperty().bind(model.canSuggest().not());
        Button add = new Button(tr("map.addStop"));
        add.setId("routeAddStop");
        add.setOnAction(e -> openAddStop());
        Button remove = new Button(tr("map.removeStop"));
        remove.setId("routeRemoveStop");
        remove.setOnAction(e -> model.remove(stopList.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(stopList.getSelectionModel().selectedItemProperty().isNull());
        Button save = new Button(tr("map.saveRoute"));
        save.setId("routeSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.canSave().not());
        FlowPane buttons = new FlowPane(6, 6, suggest, add, remove, save);
        panel.getChildren().setAll(title, summary, stopList, new Label(tr("map.dragHint")));
        if (model.canEdit()) {
            panel.getChildren().add(buttons);
        }
        panel.visibleProperty().bind(model.dayProperty().isNotNull());
        panel.managedProperty().bind(panel.visibleProperty());
        stopList.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                selected.accept(RoutePanelViewModel.markerKey(i.intValue()));
            }
        });
        model.changesProperty().addListener((o, a, b) -> stopList.refresh());
    }

    Node node() {
        return panel;
    }

    /** Moves a stop and keeps it chosen (drag and drop, and tests). */
    boolean move(int from, int to) {
        boolean moved = model.move(from, to);
        if (moved) {
            stopList.getSelectionModel().select(to);
        }
        return moved;
    }

    /** A stop with its time, and the leg that leads to it (red with the reason when it cannot be made). */
    private final class StopCell extends ListCell<Route.Stop> {
        StopCell() {
            setOnDragDetected(e -> {
                if (getItem() == null || !model.canEdit()) {
                    return;
                }
                var db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putString(Integer.toString(getIndex()));
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() instanceof StopCell && e.getDragboard().hasString()) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                int from = Integer.parseInt(e.getDragboard().getString());
                int to = getItem() == null ? model.order().size() - 1 : getIndex();
                e.setDropCompleted(move(from, to));
                e.consume();
            });
        }

        @Override
        protected void updateItem(Route.Stop s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().remove("route-late");
            Route.Schedule schedule = model.schedule();
            if (empty || s == null || schedule == null || getIndex() >= schedule.legs().size()) {
                setText(null);
                setGraphic(null);
                return;
            }
            int i = getIndex();
            Label head = new Label(model.heading(i));
            head.setWrapText(true);
            head.setStyle("-fx-font-weight: bold");
            Label sub = new Label(model.detail(i));
            sub.setWrapText(true);
            VBox box = new VBox(2, head, sub);
            String problem = model.problem(i);
            if (problem != null) {
                Label late = new Label(problem);
                late.setWrapText(true);
                late.setId("legProblem");
                late.setStyle("-fx-text-fill: #dc2626");
                box.getChildren().add(late);
                getStyleClass().add("route-late");
            }
            box.setMaxWidth(300);
            setText(null);
            setGraphic(box);
        }
    }

    private void openAddStop() {
        RouteQuery.Day d = model.day();
        if (d == null) {
            return;
        }
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField label = grid.add(tr("map.stop.label"), "label", new TextField());
        TextField where = grid.add(tr("map.stop.coordinates"), "latitude", new TextField());
        where.setPromptText("52.5200, 13.4050");
        BiConsumer<String, String> set = (lat, lon) -> where.setText(lat + ", " + lon);
        Label found = new Label();
        grid.add("", "lookUp", places.lookUp(label::getText, set, found));
        grid.add("", "lookUpNote", found);
        grid.add("", "pick", places.pick(() -> {
            try {
                return GeoPoint.parse("latitude", where.getText());
            } catch (RuntimeException e) {
                return d.home();
            }
        }, set));
        TextField from = grid.add(tr("map.stop.windowStart"), "windowStart", new TextField("14:00"));
        TextField to = grid.add(tr("map.stop.windowEnd"), "windowEnd", new TextField("16:00"));
        TextField stay = grid.add(tr("map.stop.stay"), "stayMinutes", new TextField("45"));
        FormDialog.show(panel, tr("map.addStopTitle", d.performer()), grid, state, close -> model.addStop(state,
                label.getText(), where.getText(), from.getText(), to.getText(), stay.getText(), close));
    }
}
