package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.TaskRunner;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** First run on an empty store: the agency's name, base currency and time zone; demo data or empty. */
public final class WelcomeView extends VBox {

    /**
     * @param onDone called with the new administrator, signed in, and the passphrase to encrypt the store with
     *               (null: not encrypted). When the store already has its agency (a store from before sign-in
     *               existed) only the administrator is asked for.
     */
    public WelcomeView(AppContext app, boolean agencyExists, TaskRunner tasks, Consumer<Throwable> onError,
                       BiConsumer<Actor, char[]> onDone) {
        super(14);
        setPadding(new Insets(32));
        setMaxWidth(620);
        setId("welcome");
        Label title = new Label(tr("welcome.title"));
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label intro = new Label(tr("welcome.intro"));
        intro.setWrapText(true);
        FormState state = new FormState(tasks, onError);
        FormGrid form = new FormGrid(state);
        TextField name = form.add(tr("settings.name"), "name", new TextField());
        ComboBox<String> currency = form.add(tr("settings.baseCurrency"), "baseCurrency",
                new ComboBox<>(FXCollections.observableArrayList(Currencies.COMMON)));
        currency.setEditable(true);
        currency.setValue("EUR");
        ComboBox<String> zone = form.add(tr("settings.timeZone"), "timeZone",
                new ComboBox<>(FXCollections.observableArrayList(ZoneId.getAvailableZoneIds().stream().sorted().toList())));
        zone.setEditable(true);
        zone.setValue(ZoneId.systemDefault().getId());
        TextField adminName = form.add(tr("welcome.adminName"), "username", new TextField("admin"));
        PasswordField password = form.add(tr("welcome.password"), "password", new PasswordField());
        PasswordField repeat = form.add(tr("welcome.repeatPassword"), "repeatPassword", new PasswordField());
        CheckBox encrypt = form.add(tr("welcome.encrypt"), "encrypt",
                new CheckBox(tr("welcome.encryptHint")));
        encrypt.setId("encryptStore");
        PasswordField passphrase = form.add(tr("encryption.new"), "passphrase", new PasswordField());
        PasswordField repeatPassphrase = form.add(tr("encryption.repeat"), "repeatPassphrase", new PasswordField());
        passphrase.disableProperty().bind(encrypt.selectedProperty().not());
        repeatPassphrase.disableProperty().bind(encrypt.selectedProperty().not());
        if (agencyExists) {
            for (Node n : form.getChildren()) {
                Integer row = GridPane.getRowIndex(n);
                if (row != null && row >= 1 && row <= 6) {
                    n.setManaged(false);
                    n.setVisible(false);
                }
            }
            intro.setText(tr("welcome.adminOnly"));
        }
        ProgressBar progress = new ProgressBar(0);
        progress.setId("welcomeProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        Label progressText = new Label();
        progressText.getStyleClass().add(Styles.MUTED);
        Button demo = new Button(tr("welcome.demo"));
        demo.setId("startDemo");
        demo.setDefaultButton(true);
        Button empty = new Button(tr("welcome.empty"));
        empty.setId("startEmpty");
        demo.disableProperty().bind(state.savingProperty());
        empty.disableProperty().bind(state.savingProperty());
        Consumer<Boolean> start = withDemo -> {
            AgencyDraft draft = AgencyDraft.initial(name.getText(), editorValue(currency), editorValue(zone));
            if (!password.getText().equals(repeat.getText())) {
                state.show(List.of(new FieldError("repeatPassword",
                        tr("welcome.passwordsDiffer"))));
                return;
            }
            char[] storeKey = encrypt.isSelected() ? passphrase.getText().toCharArray() : null;
            if (storeKey != null) {
                try {
                    StoreEncryption.validateNew(storeKey, repeatPassphrase.getText().toCharArray());
                } catch (ValidationException e) {
                    state.show(e.errors());
                    return;
                }
            }
            char[] secret = password.getText().toCharArray();
            String user = adminName.getText();
            progress.setVisible(withDemo);
            DemoDataService.Progress report = (phase, done, total) -> Platform.runLater(() -> {
                progress.setProgress((double) done / total);
                progressText.setText(tr("welcome.progress", phase));
            });
            state.submit(() -> {
                var admin = app.users.firstAdmin(user, null, secret);
                if (agencyExists) {
                    app.bus.execute(Actor.owner(), admin);
                } else {
                    app.bus.executeAll(Actor.owner(), List.of(new SettingsService.SetUpAgency(draft), admin));
                }
                if (withDemo) {
                    app.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 42, false, report);
                }
                return app.users.signIn(user, secret);
            }, actor -> onDone.accept(actor, storeKey));
        };
        if (agencyExists) {
            demo.setVisible(false);
            demo.setManaged(false);
            empty.setText(tr("welcome.createAdmin"));
            empty.setDefaultButton(true);
        }
        demo.setOnAction(e -> start.accept(true));
        empty.setOnAction(e -> start.accept(false));
        HBox buttons = new HBox(10, demo, empty);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, intro, form, buttons, progress, progressText);
    }

    private static String editorValue(ComboBox<String> box) {
        String typed = box.getEditor().getText();
        return typed == null || typed.isBlank() ? box.getValue() : typed.strip();
    }
}
