package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.UserService;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The window's top layer: after a while without keyboard or mouse it covers everything and asks for the
 * signed-in user's password. What lies beneath (an open form with unsaved text) stays exactly as it was.
 */
public final class LockScreen extends StackPane {
    private final Node content;
    private final VBox overlay;
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    private PauseTransition idle;

    public LockScreen(Node content, UserService users, Actor actor, TaskRunner tasks, Consumer<Throwable> onError) {
        this.content = content;
        setId("lockScreen");
        Label title = new Label(tr("lock.title"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label who = new Label(tr("lock.who", actor.username()));
        password.setId("unlockPassword");
        password.setMaxWidth(320);
        error.setId("unlockError");
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.setMaxWidth(420);
        Button unlock = new Button(tr("lock.unlock"));
        unlock.setId("unlockButton");
        Runnable tryUnlock = () -> {
            char[] secret = password.getText().toCharArray();
            password.clear();
            tasks.run(() -> users.signIn(actor.username(), secret), ok -> unlock(), e -> {
                if (e instanceof UserFacingException) {
                    error.setText(e.getMessage());
                } else {
                    onError.accept(e);
                }
            });
        };
        unlock.setOnAction(e -> tryUnlock.run());
        password.setOnAction(e -> tryUnlock.run());
        overlay = new VBox(12, title, who, password, unlock, error);
        overlay.setAlignment(Pos.CENTER);
        overlay.getStyleClass().add("lock-overlay");
        overlay.setVisible(false);
        getChildren().addAll(content, overlay);
    }

    /** Locks after {@code minutes} without input; 0 never locks. */
    public void lockAfterIdle(int minutes) {
        if (minutes > 0) {
            lockAfterIdle(Duration.minutes(minutes));
        }
    }

    void lockAfterIdle(Duration after) {
        idle = new PauseTransition(after);
        idle.setOnFinished(e -> lock());
        for (var type : List.of(MouseEvent.ANY, KeyEvent.ANY, ScrollEvent.ANY)) {
            addEventFilter(type, this::activity);
        }
        idle.playFromStart();
    }

    private void activity(Event e) {
        if (!isLocked() && idle != null) {
            idle.playFromStart();
        }
    }

    public void lock() {
        error.setText("");
        overlay.setVisible(true);
        content.setDisable(true);
        password.requestFocus();
    }

    private void unlock() {
        overlay.setVisible(false);
        content.setDisable(false);
        error.setText("");
        if (idle != null) {
            idle.playFromStart();
        }
    }

    public boolean isLocked() {
        return overlay.isVisible();
    }
}
