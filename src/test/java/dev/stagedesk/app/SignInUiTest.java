package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.FxTaskRunner;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SignInUiTest {
    @TempDir
    Path dir;
    AppContext app;
    final FxTaskRunner tasks = new FxTaskRunner();
    final AtomicReference<Actor> signedIn = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        app = TestStore.open(dir);
        app.users.createFirstAdmin(Actor.owner(), "ana", "Ana", "correct horse".toCharArray());
        stage.setScene(new Scene(new StackPane(new SignInView(app.users, "Test Agency", tasks, e -> {
            throw new AssertionError(e);
        }, signedIn::set)), 900, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        app.close();
    }

    private String formError(FxRobot robot) {
        return robot.lookup("#formError").queryAs(Label.class).getText();
    }

    @Test
    void wrongPasswordIsExplainedThenTheAccountLocksThenTheRightPasswordWorksAfterAReset(FxRobot robot) {
        robot.clickOn("#username").write("ana");
        robot.clickOn("#password").write("wrong password");
        robot.clickOn("#signInButton");
        UiFixture.until(() -> formError(robot).startsWith("Wrong user name or password. 4 more attempts"));
        assertThat(robot.lookup("#password").queryAs(PasswordField.class).getText()).isEmpty();
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#password").write("wrong again");
            robot.clickOn("#signInButton");
            int attempt = i;
            UiFixture.until(() -> attempt < 3 ? formError(robot).contains((3 - attempt) + " more attempt")
                    : formError(robot).contains("is locked until"));
        }
        robot.clickOn("#password").write("correct horse");
        robot.clickOn("#signInButton");
        UiFixture.until(() -> formError(robot).contains("locked after too many failed attempts"));
        assertThat(signedIn.get()).isNull();
        Actor admin = Actor.owner();
        app.users.resetPassword(admin, app.users.all().get(0).id(), "fresh start 1".toCharArray());
        robot.clickOn("#password").write("fresh start 1");
        robot.type(KeyCode.ENTER);
        UiFixture.until(() -> signedIn.get() != null);
        assertThat(signedIn.get().username()).isEqualTo("ana");
    }
}
