package dev.stagedesk.settings;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Settings → General → "Verify audit log" compares with the anchors too, and says what it found. */
@ExtendWith(ApplicationExtension.class)
class AuditVerifyUiTest {
    @TempDir
    Path dir;
    UiFixture ui;

    @Start
    void start(Stage stage) {
        var app = TestStore.open(dir);
        app.users.createFirstAdmin(Actor.owner(), "ana", "Ana", "correct horse".toCharArray());
        Actor ana = app.users.signIn("ana", "correct horse".toCharArray());
        app.backups.backup(ana, dir.resolve("backups").resolve("auto-2026-11-21.zip"), "Test Agency");
        // the newest entries deleted with their counter: the chain alone still checks out
        long keep = app.auditLog.head().orElseThrow().seq() - 2;
        app.database.dsl().deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(keep)).execute();
        app.database.dsl().update(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.LAST_VALUE, keep)
                .where(NUMBER_SEQUENCE.SERIES.eq("AUDIT")).execute();
        ui = new UiFixture(app, stage, ana);
        ui.shell.show(Area.SETTINGS);
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void verifyReportsATruncationTheChainAloneMisses(FxRobot robot) {
        robot.clickOn("#settingsGeneralTab");
        robot.clickOn("#verifyAudit");
        UiFixture.until(() -> robot.lookup("#auditResult").queryAs(Label.class).getText().contains("Truncation found"));
        String report = robot.lookup("#auditResult").queryAs(Label.class).getText();
        assertThat(report).startsWith("Audit log intact").contains("Anchors checked: 2 (1 in ")
                .contains("auto-2026-11-21.zip");
        ui.assertNoErrors();
    }
}
