package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ShellUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 42, false, DemoDataService.Progress.NONE);
        ui = new UiFixture(app, stage);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void everySidebarAreaOpensAndShowsDataFromTheStore(FxRobot robot) {
        for (Area area : Area.values()) {
            robot.clickOn("#nav-" + area.nodeId().substring(5));
            UiFixture.until(() -> robot.lookup("#" + area.nodeId()).tryQuery().isPresent());
            assertThat(ui.shell.current()).isEqualTo(area);
        }
        robot.clickOn("#nav-bookings");
        UiFixture.until(() -> !robot.lookup("#bookingsTable").queryAs(TableView.class).getItems().isEmpty());
        robot.clickOn("#nav-dashboard");
        UiFixture.until(() -> robot.lookup("#tileUpcoming").tryQuery().isPresent());
        assertThat(robot.lookup("#statusSync").queryAs(Label.class).getText()).isEqualTo("No cloud endpoint configured");
        ui.assertNoErrors();
    }

    @Test
    void keyboardShortcutsAndArrowKeysNavigate(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        UiFixture.until(() -> ui.shell.current() == Area.CLIENTS_VENUES);
        robot.clickOn("#nav-dashboard");
        robot.type(KeyCode.DOWN, 2);
        UiFixture.until(() -> ui.shell.current() == Area.BOOKINGS);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        UiFixture.until(() -> robot.lookup("#calendarView").tryQuery().isPresent());
        ui.assertNoErrors();
    }

    @Test
    void dashboardTileOpensTheListBehindIt(FxRobot robot) {
        UiFixture.until(() -> robot.lookup("#tileNewInquiries").tryQuery().isPresent());
        robot.clickOn("#tileNewInquiries");
        UiFixture.until(() -> ui.shell.current() == Area.INQUIRIES);
        ui.assertNoErrors();
    }
}
