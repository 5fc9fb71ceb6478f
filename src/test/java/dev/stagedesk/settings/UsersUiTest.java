package dev.stagedesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.Format;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class UsersUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.users.createFirstAdmin(Actor.owner(), "ana", "Ana", "correct horse".toCharArray());
        ui = new UiFixture(app, stage, app.users.signIn("ana", "correct horse".toCharArray()));
        ui.shell.show(Area.SETTINGS);
    }

    @AfterEach
    void close() {
        ui.close();
        Format.useAgencyZone(null);
    }

    @Test
    void lastSignInIsShownInTheAgencysZoneNotTheMachines(FxRobot robot) {
        TestStore.onAUtcMachine(() -> {
            TestStore.zone(ui.app, "Pacific/Auckland");
            robot.interact(() -> ui.shell.show(Area.DASHBOARD));
            robot.interact(() -> ui.shell.show(Area.SETTINGS));
            robot.clickOn("#usersTab");
            // signed in at 10:00 UTC on 21 November: 23:00 in Auckland
            String auckland = Format.dateTime(TestStore.NOW, ZoneId.of("Pacific/Auckland"));
            assertThat(auckland).contains("23:00");
            UiFixture.until(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .anyMatch(c -> auckland.equals(c.getText())));
            assertThat(robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .map(TableCell::getText)).noneMatch(t -> t != null && t.contains("10:00"));
        });
        ui.assertNoErrors();
    }

    @Test
    void adminCreatesACoordinatorWhoCanSignIn(FxRobot robot) {
        robot.clickOn("#usersTab");
        UiFixture.until(() -> robot.lookup("#usersTable").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn("#newUser");
        UiFixture.until(() -> robot.lookup("#saveButton").tryQuery().isPresent());
        robot.clickOn("#username").write("cora");
        robot.clickOn("#displayName").write("Cora");
        robot.clickOn("#roleCOORDINATOR");
        robot.clickOn("#password").write("sunny day 42");
        robot.clickOn("#repeatPassword").write("sunny day 4");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> "The two passwords differ.".equals(
                robot.lookup("#repeatPasswordError").queryAs(Label.class).getText()));
        robot.clickOn("#repeatPassword").write("2");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#usersTable").queryAs(TableView.class).getItems().size() == 2);
        List<String> tabs = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).map(Tab::getId).toList();
        assertThat(tabs).contains("auditTab");
        Actor cora = ui.app.users.signIn("cora", "sunny day 42".toCharArray());
        assertThat(cora.roles()).containsExactly(Role.COORDINATOR);
        ui.assertNoErrors();
    }

    @Test
    void aPerformerUserIsLinkedToTheirPerformerRecord(FxRobot robot) {
        var performer = ui.app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova",
                "Nora Vance", null, null, List.of("DJ"), List.of(), 0, "EUR", 0, 0, null, null,
                null, true, null));
        robot.clickOn("#usersTab");
        UiFixture.until(() -> robot.lookup("#usersTable").queryAs(TableView.class).getItems().size() == 1);
        robot.clickOn("#newUser");
        UiFixture.until(() -> robot.lookup("#saveButton").tryQuery().isPresent());
        robot.clickOn("#username").write("nora");
        robot.clickOn("#displayName").write("Nora");
        robot.clickOn("#rolePERFORMER");
        robot.clickOn("#password").write("sunny day 42");
        robot.clickOn("#repeatPassword").write("sunny day 42");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> "Link a performer user to their performer record.".equals(
                robot.lookup("#performerError").queryAs(Label.class).getText()));
        @SuppressWarnings("unchecked")
        SearchableComboBox<PerformerChoice> pick =
                robot.lookup("#userPerformer").queryAs(SearchableComboBox.class);
        assertThat(pick.getItems()).extracting(Object::toString).contains("DJ Nova (Nora Vance)");
        robot.interact(() -> pick.getSelectionModel().select(1));
        robot.clickOn("#saveButton");
        UiFixture.until(() -> robot.lookup("#usersTable").queryAs(TableView.class).getItems().size() == 2);
        Actor nora = ui.app.users.signIn("nora", "sunny day 42".toCharArray());
        assertThat(nora.performerId()).isEqualTo(performer.id());
        ui.assertNoErrors();
    }
}
