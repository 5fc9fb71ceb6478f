package dev.stagedesk.performer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A performer's History: who created and changed the record, from the audit log. */
@ExtendWith(ApplicationExtension.class)
class PerformerHistoryUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        var p = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", "Nora Vance", null, null,
                List.of("DJ"), List.of(), 0, "EUR", 0, 0, null, null, null, true, null));
        app.bus.execute(Actor.owner(), new PerformerService.UpdatePerformer(p.id(), p.version(), new PerformerDraft(
                "DJ Nova", "Nora Vance", null, null, List.of("DJ"), List.of("House"), 0, "EUR", 0, 0, null, null, null,
                true, null)));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.PERFORMERS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void theSelectedPerformersHistoryListsItsChanges(FxRobot robot) {
        TableView<?> table = robot.lookup("#performersTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() == 1);
        assertThat(robot.lookup("#performerHistory").queryButton().isDisabled()).isTrue();
        robot.clickOn("DJ Nova");
        robot.clickOn("#performerHistory");
        UiFixture.until(() -> robot.lookup("#history").tryQuery().isPresent()
                && robot.lookup("#history").queryAs(ListView.class).getItems().size() == 2);
        @SuppressWarnings("unchecked")
        List<String> lines = robot.lookup("#history").queryAs(ListView.class).getItems();
        // sentences, not actions and JSON
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Created the performer DJ Nova"))
                .anySatisfy(l -> assertThat(l).contains("Changed").contains("House"))
                .allSatisfy(l -> assertThat(l).doesNotContain("{").doesNotContain("\""));
        robot.clickOn("#closeHistory");
        UiFixture.until(() -> robot.lookup("#historySheet").tryQuery().isEmpty());
        ui.assertNoErrors();
    }
}
