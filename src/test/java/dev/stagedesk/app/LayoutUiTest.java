package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.PagedTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: every screen at 1280×720, light and dark, over demo data: no number column cut ("BK-2026-0…"), no
 * status message cut or widening the window, no visible control outside the window, and no CSS warning
 * (ControlsFX and CalendarFX look up Modena's colours, which the AtlantaFX themes do not define).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutUiTest {
    static final double W = 1280;
    static final double H = 720;

    @TempDir
    Path dir;
    UiFixture ui;
    Stage stage;
    final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    final Logger css = Logger.getLogger("javafx.css");
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String text = r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    text += " " + p;
                }
            }
            cssWarnings.add(text);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        css.addHandler(capture);
        var app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 42, false, DemoDataService.Progress.NONE);
        Theme.LIGHT.apply();
        ui = new UiFixture(app, stage);
        ui.shell.notices().setToasts(false);
        stage.setWidth(W);
        stage.setHeight(H);
    }

    @AfterEach
    void close() {
        css.removeHandler(capture);
        Theme.LIGHT.apply();
        ui.close();
    }

    @Test
    void everyScreenFitsAt1280x720InBothThemes(FxRobot robot) {
        UiFixture.until(() -> stage.getScene().getHeight() == H && stage.getScene().getWidth() == W);
        List<String> problems = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            robot.interact(theme::apply);
            for (Area area : Area.values()) {
                robot.interact(() -> ui.shell.show(area));
                settle();
                check(theme + " " + area, problems);
                // and each tab of the screen (Invoices & Payments, Settings, a booking's tabs...)
                for (TabPane tabs : visible(TabPane.class)) {
                    for (Tab tab : List.copyOf(tabs.getTabs())) {
                        robot.interact(() -> tabs.getSelectionModel().select(tab));
                        settle();
                        check(theme + " " + area + " / " + tab.getText(), problems);
                    }
                }
                WaitForAsyncUtils.clearExceptions(); // the map's Google view throws with no network
            }
        }
        assertThat(problems).isEmpty();
        assertThat(cssWarnings).filteredOn(w -> w.contains("ClassCastException")).isEmpty();
        ui.assertNoErrors();
    }

    @Test
    void aLongStatusMessageWrapsInsideTheWindow(FxRobot robot) {
        UiFixture.until(() -> stage.getScene().getWidth() == W);
        robot.interact(() -> ui.shell.show(Area.BOOKINGS));
        settle();
        Label message = robot.lookup("#bookingMessage").queryAs(Label.class);
        String text = "Booking BK-2026-000972 created for Summer gala in the old town hall of Kleinstadt an der "
                + "Mosel, 21:00–02:00, with three performers on hold and a deposit due in fourteen days.";
        robot.interact(() -> message.setText(text));
        settle();
        assertThat(stage.getScene().getWidth()).isEqualTo(W);
        assertThat(shown(message)).as("the whole message is shown").isEqualTo(text);
        List<String> problems = new ArrayList<>();
        check("status message", problems);
        assertThat(problems).isEmpty();
        Bounds bell = robot.lookup("#notificationBell").query().localToScene(
                robot.lookup("#notificationBell").query().getLayoutBounds());
        assertThat(bell.getMaxX()).isLessThanOrEqualTo(W);
    }

    private void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            UiFixture.until(() -> visible(ProgressIndicator.class).isEmpty()
                    || visible(TableView.class).stream().noneMatch(t -> t.getItems().isEmpty()));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String shown(Labeled l) {
        return UiFixture.shown(l);
    }

    private void check(String where, List<String> problems) {
        Scene scene = stage.getScene();
        WaitForAsyncUtils.waitForFxEvents();
        var done = WaitForAsyncUtils.asyncFx(() -> {
            for (TableView<?> table : visible(TableView.class)) {
                for (Node n : table.lookupAll(".table-cell")) {
                    if (n instanceof TableCell<?, ?> cell && cell.isVisible() && cell.getItem() instanceof String s
                            && !s.isEmpty() && cell.getTableColumn() != null
                            && PagedTable.isKeyColumn(cell.getTableColumn())) {
                        String drawn = shown(cell);
                        if (drawn.endsWith("…") && !s.endsWith("…")) {
                            problems.add(where + ": " + table.getId() + " cuts " + s + " to " + drawn);
                        }
                    }
                }
            }
            for (Node n : visible(Label.class)) {
                if (n.getId() != null && n.getId().endsWith("Message")) {
                    Label l = (Label) n;
                    String drawn = shown(l);
                    if (!l.getText().isEmpty() && drawn.endsWith("…") && !l.getText().endsWith("…")) {
                        problems.add(where + ": message " + l.getId() + " cut to " + drawn);
                    }
                }
            }
            outside(scene.getRoot(), scene, where, problems);
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Visible controls whose bounds leave the window (content inside scroll panes and lists may). */
    private static void outside(Node node, Scene scene, String where, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Control c && c.getWidth() > 0 && c.getHeight() > 0) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1) {
                problems.add(where + ": " + describe(c) + " lies outside the window at " + round(b));
                return; // one report per subtree
            }
        }
        if (node instanceof ScrollPane || node instanceof VirtualFlow<?> || node.getClip() != null) {
            return; // clipped: what lies beyond is scrolled to
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                outside(child, scene, where, problems);
            }
        }
    }

    private static String describe(Control c) {
        String text = c instanceof Labeled l ? " \"" + l.getText() + "\"" : "";
        return c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()) + text;
    }

    private static String round(Bounds b) {
        return String.format("[%.0f,%.0f – %.0f,%.0f]", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> List<T> visible(Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(stage.getScene().getRoot(), type, found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (!node.isVisible()) {
            return;
        }
        if (type.isInstance(node)) {
            found.add((T) node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, type, found);
            }
        }
    }
}
