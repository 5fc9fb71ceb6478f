package dev.stagedesk.expense;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ExpensesVisibilityUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 42, false, DemoDataService.Progress.NONE);
        ui = new UiFixture(app, stage, new Actor(null, "cole", EnumSet.of(Role.COORDINATOR)));
        ui.shell.show(Area.EXPENSES);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    /** Tabs are not nodes: read their ids from the tab panes on screen. */
    private static List<String> tabIds(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).map(Tab::getId).toList();
    }

    @Test
    void aCoordinatorSeesPerformerExpensesButNotTheAgencysOverheadNorTheAuditLog(FxRobot robot) {
        UiFixture.until(() -> !robot.lookup("#performerExpensesTable").queryAs(TableView.class).getItems().isEmpty());
        assertThat(tabIds(robot)).contains("performerExpensesTab").doesNotContain("overheadExpensesTab");
        robot.interact(() -> ui.shell.show(Area.SETTINGS));
        UiFixture.until(() -> tabIds(robot).contains("usersTab"));
        assertThat(tabIds(robot)).doesNotContain("auditTab");
        ui.assertNoErrors();
    }
}
