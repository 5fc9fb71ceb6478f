package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.TaskRunner;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** The store is encrypted: ask for its passphrase before anything else, and open it with that. */
final class PassphraseView extends VBox {
    PassphraseView(DataFolder folder, TaskRunner tasks, BiConsumer<AppContext, char[]> onOpened,
                   Consumer<Throwable> onUnexpected) {
        super(10);
        setAlignment(Pos.CENTER);
        setMaxWidth(380);
        setPadding(new Insets(24));
        Label title = new Label(tr("passphrase.title"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label hint = new Label(tr("passphrase.hint", folder));
        hint.setWrapText(true);
        PasswordField field = new PasswordField();
        field.setId("storePassphrase");
        field.setPromptText(tr("passphrase.prompt"));
        Label error = new Label();
        error.setId("storePassphraseError");
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        Button open = new Button(tr("passphrase.open"));
        open.setId("openStore");
        open.setDefaultButton(true);
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> {
            char[] passphrase = field.getText().toCharArray();
            error.setText("");
            open.setDisable(true);
            tasks.run(() -> AppContext.open(folder, passphrase), app -> onOpened.accept(app, passphrase), ex -> {
                open.setDisable(false);
                if (ex instanceof UserFacingException) {
                    error.setText(ex.getMessage());
                    field.selectAll();
                    field.requestFocus();
                } else {
                    onUnexpected.accept(ex);
                }
            });
        });
        getChildren().addAll(title, hint, field, error, open);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                field.requestFocus();
            }
        });
    }
}
