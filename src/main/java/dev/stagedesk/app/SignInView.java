package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.UserService;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.TaskRunner;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** "Sign in to <agency>": user name and password; wrong password, lock-out and deactivation are explained. */
public final class SignInView extends VBox {

    public SignInView(UserService users, String agencyName, TaskRunner tasks, Consumer<Throwable> onError,
                      Consumer<Actor> onSignedIn) {
        super(14);
        setId("signIn");
        setPadding(new Insets(48));
        setMaxWidth(520);
        Label title = new Label(tr("signIn.title", agencyName));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        FormState state = new FormState(tasks, onError);
        FormGrid form = new FormGrid(state);
        TextField user = form.add(tr("signIn.user"), "username", new TextField());
        PasswordField password = form.add(tr("signIn.password"), "password", new PasswordField());
        Button signIn = new Button(tr("signIn.button"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(state.savingProperty());
        signIn.setOnAction(e -> {
            String name = user.getText();
            char[] secret = password.getText().toCharArray();
            state.submit(() -> users.signIn(name, secret), onSignedIn);
            password.clear();
        });
        getChildren().addAll(title, form, signIn);
        Platform.runLater(user::requestFocus);
    }
}
