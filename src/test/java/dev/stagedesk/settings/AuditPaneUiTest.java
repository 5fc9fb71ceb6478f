package dev.stagedesk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Settings → Audit reads as sentences with names, at the agency's local time; never JSON or ids. */
@ExtendWith(ApplicationExtension.class)
class AuditPaneUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir); // agency in Europe/Berlin, clock at 10:00 UTC
        app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace"));
        ui = new UiFixture(app, stage);
        ui.shell.show(Area.SETTINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLogSaysWhatHappenedInWords(FxRobot robot) {
        robot.clickOn("#auditTab");
        TableView<AuditLine> table = robot.lookup("#auditTable").queryAs(TableView.class);
        UiFixture.until(() -> table.getItems().size() >= 2);
        AuditLine newest = table.getItems().get(0);
        assertThat(newest.sentence()).isEqualTo("Created the client Ada Lovelace");
        assertThat(newest.record()).isEqualTo("Client Ada Lovelace");
        assertThat(newest.when()).isEqualTo("21 Nov 2026 11:00"); // Berlin, not UTC
        for (int c = 0; c < table.getColumns().size(); c++) {
            assertThat(String.valueOf(table.getColumns().get(c).getCellData(0))).doesNotContain("{")
                    .doesNotContain(newest.entry().entityId().toString());
        }
        ui.assertNoErrors();
    }
}
