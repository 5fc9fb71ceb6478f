package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.FxTaskRunner;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LockScreenUiTest {
    @TempDir
    Path dir;
    AppContext app;
    final FxTaskRunner tasks = new FxTaskRunner();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    LockScreen lock;
    Shell shell;

    @Start
    void start(Stage stage) {
        app = TestStore.open(dir);
        app.users.createFirstAdmin(Actor.owner(), "ana", "Ana", "correct horse".toCharArray());
        Actor ana = app.users.signIn("ana", "correct horse".toCharArray());
        shell = new Shell(app, new UiContext(ana, tasks, errors::add), () -> { });
        lock = new LockScreen(new ModalHost(shell), app.users, ana, tasks, errors::add);
        stage.setScene(new Scene(lock, 1280, 800));
        stage.show();
        shell.show(Area.CLIENTS_VENUES);
    }

    @AfterEach
    void close() {
        tasks.close();
        app.close();
    }

    private boolean visible(FxRobot robot, String q) {
        return robot.lookup(q).tryQuery().map(n -> n.isVisible() && n.getParent() != null
                && n.getParent().isVisible()).orElse(false);
    }

    @Test
    void lockingKeepsUnsavedWorkAndAsksForThePassword(FxRobot robot) {
        robot.clickOn("#newClient");
        UiFixture.until(() -> visible(robot, "#saveButton"));
        robot.clickOn("#name").write("Unsaved Person");
        robot.interact(lock::lock);
        assertThat(lock.isLocked()).isTrue();
        robot.clickOn("#unlockPassword").write("wrong password");
        robot.type(KeyCode.ENTER);
        UiFixture.until(() -> robot.lookup("#unlockError").queryAs(Label.class).getText()
                .startsWith("Wrong user name or password."));
        assertThat(lock.isLocked()).isTrue();
        robot.clickOn("#unlockPassword").write("correct horse");
        robot.clickOn("#unlockButton");
        UiFixture.until(() -> !lock.isLocked());
        assertThat(robot.lookup("#name").queryAs(TextField.class).getText()).isEqualTo("Unsaved Person");
        robot.clickOn("#saveButton");
        UiFixture.until(() -> app.clientQuery.suggest(Actor.owner(), "unsaved", 5).size() == 1);
        assertThat(errors).isEmpty();
    }

    @Test
    void locksByItselfAfterTheIdleTime(FxRobot robot) {
        robot.interact(() -> lock.lockAfterIdle(Duration.millis(300)));
        UiFixture.until(lock::isLocked);
        assertThat(errors).isEmpty();
    }
}
