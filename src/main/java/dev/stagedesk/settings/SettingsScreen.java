package dev.stagedesk.settings;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.catalogue.PackagesPane;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Agency settings, appearance (theme, language), and the store (location, audit log check). */
public final class SettingsScreen implements Screen {
    private final SettingsService settings;
    private final UiContext ui;
    private final SettingsViewModel vm;
    private final VBox root;

    private final UsersPane users;
    private final AuditPane audit;
    private final PackagesPane packages;
    private final BillingPane billing;
    private final TabPane tabs;
    private final ComboBox<String> language = new ComboBox<>();
    private final Label languageMessage = new Label();
    /** True while the screen sets the language box itself (loading), so only a person's choice is stored. */
    private boolean showingLanguage;
    private Runnable loadReasons = () -> { };

    public SettingsScreen(SettingsService settings, UserService userService,
                          Function<Actor,
                                  List<PerformerChoice>> performers,
                          AuditLog auditLog, BackupService backups,
                          Path dataFolder, UiContext ui, Appearance appearance, StoreControl store,
                          PackagesPane packages, LostReasons inquiries) {
        this.settings = settings;
        this.ui = ui;
        this.packages = packages;
        this.vm = new SettingsViewModel(settings, ui.actor(), ui.tasks(), ui.errors());
        VBox agency = new VBox(8, agencyForm(), agencyActions());
        if (ui.actor().can(Permission.INQUIRIES_VIEW)) {
            agency.getChildren().addAll(lostReasons(inquiries));
        }
        VBox general = new VBox(14, section(tr("settings.appearance")));
        general.getChildren().addAll(appearance(appearance));
        general.getChildren().add(section(tr("settings.store")));
        general.getChildren().addAll(store(dataFolder, backups, store));

        users = new UsersPane(userService, performers, ui,
                () -> settings.agency().map(Agency::timeZone).orElse(ZoneOffset.UTC));
        billing = new BillingPane(settings, ui);
        tabs = new TabPane(tab("settingsAgencyTab", tr("settings.agency"), agency),
                tab("billingTab", tr("settings.billing"), billing),
                tab("usersTab", tr("settings.users"), users),
                tab("settingsGeneralTab", tr("settings.general"), general));
        if (packages != null) {
            tabs.getTabs().add(1, packagesTab(packages));
        }
        audit = ui.actor().can(Permission.AUDIT_VIEW) ? new AuditPane(auditLog, ui) : null;
        if (audit != null) {
            tabs.getTabs().add(auditTab(audit));
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.settings"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    /** The agency's identity, contact and the defaults of its rules. */
    private FormGrid agencyForm() {
        FormGrid form = new FormGrid(vm.state());
        bind(form.add(tr("settings.name"), "name", new TextField()), vm.name);
        bind(form.add(tr("settings.baseCurrency"), "baseCurrency", new TextField()), vm.baseCurrency);
        bind(form.add(tr("settings.timeZone"), "timeZone", new TextField()), vm.timeZone);
        bind(form.add(tr("settings.legalName"), "legalName", new TextField()), vm.legalName);
        bind(form.add(tr("settings.addressLine1"), "addressLine1", new TextField()), vm.addressLine1);
        bind(form.add(tr("settings.postalCode"), "postalCode", new TextField()), vm.postalCode);
        bind(form.add(tr("settings.city"), "city", new TextField()), vm.city);
        bind(form.add(tr("settings.countryCode"), "countryCode", new TextField()), vm.countryCode);
        bind(form.add(tr("settings.taxId"), "taxId", new TextField()), vm.taxId);
        bind(form.add(tr("settings.email"), "email", new TextField()), vm.email);
        bind(form.add(tr("settings.phone"), "phone", new TextField()), vm.phone);
        TextArea bank = form.add(tr("settings.bankDetails"), "bankDetails", new TextArea());
        bank.setPrefRowCount(2);
        bank.textProperty().bindBidirectional(vm.bankDetails);
        bind(form.add(tr("settings.defaultTaxRate"), "defaultTaxRate", new TextField()), vm.defaultTaxRate);
        bind(form.add(tr("settings.holdExpiryDays"), "holdExpiryDays", new TextField()), vm.holdExpiryDays);
        bind(form.add(tr("settings.challengeHours"), "challengeHours", new TextField()), vm.challengeHours);
        bind(form.add(tr("settings.idleLockMinutes"), "idleLockMinutes", new TextField()), vm.idleLockMinutes);
        bind(form.add(tr("settings.backupKeepDays"), "backupKeepDays", new TextField()), vm.backupKeepDays);
        return form;
    }

    /** Save, and the line saying it was saved. */
    private HBox agencyActions() {
        Button save = new Button(tr("action.save"));
        save.setId("saveSettings");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.state().savingProperty());
        save.setOnAction(e -> vm.save());
        Label saved = new Label();
        saved.setId("settingsSaved");
        saved.textProperty().bind(vm.savedMessage);
        HBox actions = new HBox(10, save, saved);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** The reasons an inquiry can be lost for, one a line (editable with {@code SETTINGS_EDIT}). */
    private List<Node> lostReasons(LostReasons inquiries) {
        TextArea reasons = new TextArea();
        reasons.setId("lostReasons");
        reasons.setPrefRowCount(5);
        Label reasonsError = new Label();
        reasonsError.setId("lostReasonsError");
        reasonsError.getStyleClass().add(Styles.FIELD_ERROR);
        Button saveReasons = new Button(tr("settings.saveLostReasons"));
        saveReasons.setId("saveLostReasons");
        saveReasons.setDisable(!ui.actor().can(Permission.SETTINGS_EDIT));
        reasons.setEditable(ui.actor().can(Permission.SETTINGS_EDIT));
        loadReasons = () -> ui.tasks().run(inquiries::lostReasons, r -> reasons.setText(String.join("\n", r)),
                ui.errors());
        saveReasons.setOnAction(e -> ui.tasks().run(() -> inquiries.setLostReasons(ui.actor(),
                Arrays.asList(reasons.getText().split("\n"))), kept -> {
                    reasons.setText(String.join("\n", kept));
                    reasonsError.setText(tr("settings.lostReasonsSaved"));
                }, error -> {
                    if (error instanceof UserFacingException) {
                        reasonsError.setText(error.getMessage());
                    } else {
                        ui.errors().accept(error);
                    }
                }));
        return List.of(section(tr("settings.lostReasons")), reasons, new HBox(10, saveReasons, reasonsError));
    }

    /**
     * The theme, and the console's language: "System default (English)", "English", "Deutsch" (each language in its
     * own words, so a person who switched by mistake finds the way back). A choice is stored for this user and the
     * console is rebuilt in it at once ({@link Appearance#languageChosen}).
     */
    private List<Node> appearance(Appearance appearance) {
        Button theme = new Button(tr("settings.toggleTheme"));
        theme.setId("toggleTheme");
        theme.setOnAction(e -> appearance.toggleTheme());
        language.setId("language");
        language.getItems().setAll(SettingsService.SYSTEM_LANGUAGE);
        language.getItems().addAll(Language.codes());
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : SettingsService.SYSTEM_LANGUAGE.equals(code)
                        ? tr("settings.languageSystem", Language.system().endonym())
                        : Language.ofCode(code).map(Language::endonym).orElse(code);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        language.valueProperty().addListener((o, old, code) -> {
            if (!showingLanguage && code != null) {
                chooseLanguage(Language.ofCode(code), appearance);
            }
        });
        languageMessage.setId("languageMessage");
        languageMessage.setWrapText(true);
        languageMessage.setMinWidth(0);
        HBox languageRow = new HBox(10, new Label(tr("settings.language")), language, languageMessage);
        languageRow.setAlignment(Pos.CENTER_LEFT);
        return List.of(theme, languageRow);
    }

    private void chooseLanguage(Optional<Language> chosen, Appearance appearance) {
        ui.tasks().run(() -> settings.chooseLanguage(ui.actor(), chosen.orElse(null)), stored -> {
            if (!appearance.languageChosen(stored)) {
                languageMessage.setText(tr("settings.languageNextSignIn"));
            }
        }, ui.errors());
    }

    /** Where the store is, checking its audit log, a backup now, and its encryption. */
    private List<Node> store(Path dataFolder, BackupService backups, StoreControl store) {
        Label folder = new Label(tr("status.data", dataFolder));
        Label auditResult = new Label();
        auditResult.setId("auditResult");
        auditResult.setWrapText(true); // the report has a line per finding: it wraps, never widens the window
        auditResult.setMinWidth(0);
        HBox.setHgrow(auditResult, Priority.ALWAYS);
        Button verify = new Button(tr("settings.verifyAudit"));
        verify.setId("verifyAudit");
        verify.setOnAction(e -> ui.tasks().run(() -> {
            return String.join("\n", backups.anchors().verify().lines());
        }, auditResult::setText, ui.errors()));
        HBox auditRow = new HBox(10, verify, auditResult);
        auditRow.setAlignment(Pos.CENTER_LEFT);
        Label backupResult = new Label();
        backupResult.setId("backupResult");
        Button backup = new Button(tr("backup.now"));
        backup.setId("backupNow");
        backup.setDisable(!ui.actor().can(Permission.BACKUP_RESTORE));
        backup.setOnAction(e -> {
            Path file = dataFolder.resolve("backups")
                    .resolve(BackupService.manualFileName(LocalDateTime.now()));
            ui.tasks().run(() -> backups.backup(ui.actor(), file, settings.requireAgency().name()),
                    info -> backupResult.setText(tr("backup.written", file)), ui.errors());
        });
        HBox backupRow = new HBox(10, backup, backupResult);
        backupRow.setAlignment(Pos.CENTER_LEFT);
        Label encryptionState = new Label(tr(store.encrypted() ? "encryption.stateOn" : "encryption.stateOff"));
        encryptionState.setId("encryptionState");
        Button encryption = new Button(tr(store.encrypted() ? "encryption.change" : "encryption.encrypt"));
        encryption.setId("changeEncryption");
        encryption.setDisable(!ui.actor().can(Permission.SETTINGS_EDIT));
        encryption.setOnAction(e -> openEncryptionForm(store, ui));
        HBox encryptionRow = new HBox(10, encryption, encryptionState);
        encryptionRow.setAlignment(Pos.CENTER_LEFT);
        return List.of(folder, auditRow, backupRow, encryptionRow);
    }

    /** The service packages (read again whenever the tab is chosen). */
    private static Tab packagesTab(PackagesPane packages) {
        Tab packagesTab = new Tab(tr("settings.packages"), packages);
        packagesTab.setId("packagesTab");
        packagesTab.setOnSelectionChanged(e -> {
            if (packagesTab.isSelected()) {
                packages.reload();
            }
        });
        return packagesTab;
    }

    /** The audit log (read again whenever the tab is chosen). */
    private static Tab auditTab(AuditPane audit) {
        Tab auditTab = new Tab(tr("settings.audit"), audit);
        auditTab.setId("auditTab");
        auditTab.setOnSelectionChanged(e -> {
            if (auditTab.isSelected()) {
                audit.reload();
            }
        });
        return auditTab;
    }

    /** Shows the General tab (theme, language, store): where the console reopens after a change of language. */
    public void showGeneral() {
        tabs.getTabs().stream().filter(t -> "settingsGeneralTab".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private static Tab tab(String id, String title, Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(12, 4, 4, 4));
        box.setMaxWidth(780);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Tab t = new Tab(title, scroll);
        t.setId(id);
        return t;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static void bind(TextField f, StringProperty p) {
        f.textProperty().bindBidirectional(p);
    }

    @Override
    public Node node() {
        return root;
    }

    /** A tab another feature adds (the map's settings), before the General tab. */
    public void addTab(String id, String title, Node content) {
        Tab t = tab(id, title, content);
        int general = tabs.getTabs().indexOf(tabs.getTabs().stream()
                .filter(x -> "settingsGeneralTab".equals(x.getId())).findFirst().orElse(null));
        tabs.getTabs().add(general < 0 ? tabs.getTabs().size() : general, t);
    }

    @Override
    public void activate() {
        billing.load();
        vm.load();
        users.reload();
        loadReasons.run();
        ui.tasks().run(() -> settings.language(ui.actor()), chosen -> {
            showingLanguage = true;
            language.setValue(chosen.map(Language::code).orElse(SettingsService.SYSTEM_LANGUAGE));
            showingLanguage = false;
        }, ui.errors());
    }

    private void openEncryptionForm(StoreControl store, UiContext ui) {
        EncryptionFormViewModel form = new EncryptionFormViewModel(store, ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(form.state());
        if (form.encrypted()) {
            grid.add(tr("encryption.current"), "currentPassphrase", new PasswordField())
                    .textProperty().bindBidirectional(form.currentPassphrase);
        }
        var next = grid.add(tr("encryption.new"), "passphrase", new PasswordField());
        next.textProperty().bindBidirectional(form.passphrase);
        var repeat = grid.add(tr("encryption.repeat"), "repeatPassphrase", new PasswordField());
        repeat.textProperty().bindBidirectional(form.repeatPassphrase);
        if (form.encrypted()) {
            var remove = grid.add(tr("encryption.removeLabel"), "remove", new CheckBox());
            remove.selectedProperty().bindBidirectional(form.remove);
            next.disableProperty().bind(form.remove);
            repeat.disableProperty().bind(form.remove);
        }
        Label warning = new Label(tr("encryption.warning"));
        warning.setWrapText(true);
        warning.setPrefWidth(320);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        grid.add("", "warning", warning);
        FormDialog.show(this.node(), tr(form.encrypted() ? "encryption.changeTitle" : "encryption.encryptTitle"), grid,
                form.state(), form::submit);
    }
}
