package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.testing.UiFixture;
import dev.stagedesk.ui.FxTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An encrypted store asks for its passphrase first; a wrong one is explained, the right one opens it. */
@ExtendWith(ApplicationExtension.class)
class PassphraseUiTest {
    @TempDir
    Path dir;
    final FxTaskRunner tasks = new FxTaskRunner();
    final List<AppContext> opened = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        TestStore.open(dir).close();
        DataFolder folder = new DataFolder(dir);
        StoreEncryption.change(folder, null, "blue whale sings".toCharArray());
        stage.setScene(new Scene(new StackPane(new PassphraseView(folder, tasks, (app, p) -> opened.add(app),
                errors::add)), 600, 400));
        stage.show();
    }

    @AfterEach
    void close() {
        opened.forEach(AppContext::close);
        tasks.close();
    }

    @Test
    void wrongPassphraseIsExplainedAndTheRightOneOpensTheStore(FxRobot robot) {
        robot.clickOn("#storePassphrase").write("grey whale sings");
        robot.clickOn("#openStore");
        UiFixture.until(() -> "The passphrase is not right.".equals(
                robot.lookup("#storePassphraseError").queryAs(Label.class).getText()));
        assertThat(opened).isEmpty();
        var field = robot.lookup("#storePassphrase").queryAs(PasswordField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write("blue whale sings");
        robot.clickOn("#openStore");
        UiFixture.until(() -> opened.size() == 1);
        assertThat(opened.get(0).settings.agency()).isPresent();
        assertThat(errors).isEmpty();
    }
}
