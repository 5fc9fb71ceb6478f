package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingFilter;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.InstanceLock;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.common.Language;
import dev.stagedesk.settings.Appearance;
import dev.stagedesk.settings.StoreControl;
import dev.stagedesk.ui.ConsoleLanguage;
import dev.stagedesk.ui.ColumnWidths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.ErrorDialog;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.FxTaskRunner;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.UiContext;
import java.lang.management.ManagementFactory;
import dev.stagedesk.settings.Agency;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import dev.stagedesk.schedule.DueRulesService;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console: one window, the store opened in the background, welcome on first run, then the shell. */
public final class StagedeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(StagedeskApp.class);
    /** window.properties: the language of the last person who signed in on this machine ("" for the system's). */
    private static final String LANGUAGE = "language";

    private final FxTaskRunner tasks = new FxTaskRunner();
    private InstanceLock lock;
    private volatile AppContext app;
    private UiState uiState;
    /** The shell shown (its bell is told at once when the background timer raises notices). */
    private volatile Shell shown;
    private Stage stage;
    private Theme theme = Theme.LIGHT;
    /** The passphrase the store was opened with (null: not encrypted); kept to confirm changes to it. */
    private char[] passphrase;
    private ScheduledExecutorService dueRulesTimer;

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("Uncaught exception on {}", t.getName(), e);
            Platform.runLater(() -> ErrorDialog.show(stage, e));
        });
        DataFolder folder = DataFolder.resolve(getParameters().getNamed().get("data"));
        try {
            lock = InstanceLock.acquire(folder);
        } catch (InstanceLock.AlreadyOpenException e) {
            LOG.warn(e.getMessage());
            Alert a = new Alert(Alert.AlertType.INFORMATION, e.getMessage(), ButtonType.OK);
            a.setTitle(tr("app.alreadyOpen.title"));
            a.setHeaderText(null);
            a.showAndWait();
            Platform.exit();
            return;
        }
        uiState = new UiState(folder.uiStateFile());
        // until someone signs in: the language the last person who signed in here chose (else the system's)
        ConsoleLanguage.apply(Language.ofCode(uiState.text(LANGUAGE, "")));
        theme = Theme.parse(uiState.text("theme", "LIGHT"));
        theme.apply();
        primary.setTitle(tr("app.title"));
        var icon = StagedeskApp.class.getResourceAsStream("/dev/stagedesk/ui/icon.png");
        if (icon != null) {
            primary.getIcons().add(new Image(icon));
        }
        restoreGeometry(primary);
        ProgressIndicator spinner = new ProgressIndicator();
        VBox opening = new VBox(12, spinner, new Label(tr("app.opening", folder)));
        opening.setAlignment(Pos.CENTER);
        Scene scene = new Scene(new StackPane(opening));
        scene.getStylesheets().add(Objects.requireNonNull(
                StagedeskApp.class.getResource("/dev/stagedesk/ui/stagedesk.css")).toExternalForm());
        ColumnWidths.install(scene, uiState);
        primary.setScene(scene);
        primary.setOnShown(e -> LOG.info("Window shown {} ms after JVM start", sinceJvmStart()));
        primary.setOnCloseRequest(e -> saveGeometry());
        primary.show();
        if (StoreEncryption.isEncrypted(folder)) {
            scene.setRoot(new StackPane(new PassphraseView(folder, tasks, (opened, passphrase) -> {
                this.passphrase = passphrase;
                afterOpen(opened);
            }, e -> ErrorDialog.show(primary, e))));
            ready("passphrase");
            return;
        }
        tasks.run(() -> AppContext.open(folder), this::afterOpen, e -> {
            LOG.error("Could not open the store in {}", folder, e);
            ErrorDialog.show(primary, e);
        });
    }

    /** The store is open: welcome on first run, else sign-in. */
    private void afterOpen(AppContext context) {
        tasks.run(() -> new Opened(context, context.settings.agency(), context.users.hasUsers()), opened -> {
            app = opened.app();
            if (opened.agency().isEmpty() || !opened.hasUsers()) {
                showWelcome(opened.agency().isPresent());
            } else {
                showSignIn(opened.agency().get().name());
            }
        }, e -> {
            LOG.error("Could not read the store in {}", context.folder, e);
            ErrorDialog.show(stage, e);
        });
    }

    /** What the first background step found: the store, its agency (if set up), and whether it has users. */
    private record Opened(AppContext app, Optional<Agency> agency, boolean hasUsers) {
    }

    private void showWelcome(boolean agencyExists) {
        WelcomeView welcome = new WelcomeView(app, agencyExists, tasks, e -> ErrorDialog.show(stage, e),
                (actor, storeKey) -> {
                    if (storeKey == null) {
                        showShell(actor);
                    } else {
                        storeControl(actor).changeEncryption(storeKey);
                    }
                });
        StackPane root = new StackPane(welcome);
        stage.getScene().setRoot(root);
        ready("welcome");
    }

    private void showSignIn(String agency) {
        stage.getScene().setRoot(new StackPane(new SignInView(app.users, agency, tasks, e -> ErrorDialog.show(stage, e),
                this::showShell)));
        ready("sign-in");
    }

    private void showShell(Actor actor) {
        tasks.run(() -> new SignedIn(app.settings.requireAgency(), app.settings.language(actor)),
                signedIn -> showShell(actor, signedIn.agency(), signedIn.language()), e -> ErrorDialog.show(stage, e));
    }

    /** What the console needs of the store once someone signed in: the agency, and the user's language. */
    private record SignedIn(Agency agency, Optional<Language> language) {
    }

    private void showShell(Actor actor, Agency agency, Optional<Language> language) {
        useLanguage(language);
        Shell shell = mountShell(actor, agency);
        startDueRulesTimer();
        digestOncePerDay(shell, actor, agency);
        tasks.run(() -> app.backups.autoBackupIfDue(actor, agency.name(), agency.backupKeepDays()),
                written -> written.forEach(f -> LOG.info("Daily backup written: {}", f)),
                e -> LOG.warn("Daily backup failed", e));
        ready("shell");
    }

    /**
     * The console in the user's language: texts, and the formats of dates and amounts (kept on this machine too, so
     * the next sign-in screen speaks it).
     */
    private void useLanguage(Optional<Language> language) {
        ConsoleLanguage.apply(language);
        uiState.put(LANGUAGE, language.map(Language::code).orElse(""));
        uiState.save();
    }

    /** The shell with its lock screen, built in the console's current language and formats. */
    private Shell mountShell(Actor actor, Agency agency) {
        Format.useAgencyZone(agency.timeZone());
        UiContext ui = new UiContext(actor, tasks, e -> {
            LOG.warn("Action failed", e);
            ErrorDialog.show(stage, e);
        });
        stage.setTitle(tr("app.titleWithAgency", agency.name()));
        Shell shell = new Shell(app, ui, appearance(actor), storeControl(actor));
        LockScreen lock = new LockScreen(new ModalHost(shell),
                app.users, actor, tasks,
                e -> ErrorDialog.show(stage, e));
        lock.lockAfterIdle(agency.idleLockMinutes());
        stage.getScene().setRoot(lock);
        shown = shell;
        return shell;
    }

    /**
     * Settings → Appearance: the theme switches in place; a chosen language (already stored for the user) rebuilds
     * the shell in it at once, reopened on the same Settings tab.
     */
    private Appearance appearance(Actor actor) {
        return new Appearance() {
            @Override
            public void toggleTheme() {
                StagedeskApp.this.toggleTheme();
            }

            @Override
            public boolean languageChosen(Optional<Language> chosen) {
                useLanguage(chosen);
                // the agency read again: its name or idle time may have been saved since sign-in
                tasks.run(app.settings::requireAgency, agency -> mountShell(actor, agency).showAppearance(),
                        e -> ErrorDialog.show(stage, e));
                return true;
            }
        };
    }

    /** The first sign-in of a day (per user, on this machine) opens the digest: unread notices, today's events. */
    private void digestOncePerDay(Shell shell, Actor actor, Agency agency) {
        LocalDate today = LocalDate.now(app.clock.withZone(agency.timeZone()));
        String key = "digest." + actor.username();
        if (today.toString().equals(uiState.text(key, ""))) {
            return;
        }
        uiState.put(key, today.toString());
        uiState.save();
        AppContext current = app;
        // counted, not read: one row asked for, the (capped) total is the day's events
        tasks.run(() -> current.bookingQuery.page(actor, new PageRequest("", "date", true, 0, 1),
                new BookingFilter(null, today.atStartOfDay(agency.timeZone()).toInstant(),
                        today.plusDays(1).atStartOfDay(agency.timeZone()).toInstant(), null, null, null, null, null))
                .total(),
                events -> shell.notices().showDigest(today, events), e -> LOG.warn("Digest failed", e));
    }

    /**
     * The rules that run on their own ({@link dev.stagedesk.schedule.DueRulesService}: holds, follow-ups, notices,
     * recurring expenses, overdue payments): at start-up and every minute while the console is open, in the
     * background. The rules, their isolation and the agency's date live in the service; this only calls it.
     */
    private void startDueRulesTimer() {
        if (dueRulesTimer != null) {
            return;
        }
        dueRulesTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "due-rules-timer");
            t.setDaemon(true);
            return t;
        });
        dueRulesTimer.scheduleWithFixedDelay(() -> {
            AppContext current = app;
            if (current == null) {
                return;
            }
            try {
                var report = current.dueRules.runDue();
                Shell current0 = shown;
                if (current0 != null && report.outcomes().stream().anyMatch(o -> o.count() > 0
                        && (o.rule().equals(DueRulesService.NOTICES) || o.rule().equals(DueRulesService.OVERDUE)))) {
                    Platform.runLater(() -> current0.notices().refresh()); // the bell counts what was just raised
                }
            } catch (RuntimeException e) {
                LOG.warn("Running the due rules failed", e); // e.g. the store closed under the timer
            }
        }, 0, 60, TimeUnit.SECONDS);
    }

    /** Settings' handle on the store file: its encryption, converted with the console reopening on it. */
    private StoreControl storeControl(Actor actor) {
        return new StoreControl() {
            @Override
            public boolean encrypted() {
                return passphrase != null;
            }

            @Override
            public boolean isCurrentPassphrase(char[] candidate) {
                return passphrase != null && Arrays.equals(passphrase, candidate);
            }

            @Override
            public void changeEncryption(char[] next) {
                ProgressIndicator spinner = new ProgressIndicator();
                VBox busy = new VBox(12, spinner, new Label(tr("encryption.converting")));
                busy.setAlignment(Pos.CENTER);
                stage.getScene().setRoot(new StackPane(busy));
                AppContext open = app;
                app = null;
                tasks.run(() -> StoreConversion.change(open, actor, passphrase, next), reopened -> {
                    app = reopened;
                    passphrase = next;
                    showShell(actor);
                }, e -> {
                    if (e instanceof StoreConversion.ReopenedAfterFailure failed) {
                        app = failed.store();
                        showShell(actor);
                        ErrorDialog.show(stage, failed.getCause());
                    } else {
                        LOG.error("Store conversion failed", e);
                        ErrorDialog.show(stage, e);
                    }
                });
            }
        };
    }

    private void ready(String what) {
        long ms = sinceJvmStart();
        LOG.info("Ready ({}) {} ms after JVM start", what, ms);
        if (Boolean.getBoolean("stagedesk.exitAfterStartup")) {
            System.out.println("startup-ms=" + ms);
            System.out.flush();
            Platform.exit();
        }
    }

    private void toggleTheme() {
        theme = theme.other();
        theme.apply();
        uiState.put("theme", theme.name());
        uiState.save();
    }

    private void restoreGeometry(Stage s) {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().filter(sc -> !sc.equals(Screen.getPrimary()))
                .forEach(sc -> screens.add(sc.getVisualBounds()));
        WindowBounds b = WindowBounds.clamp(uiState.has("x") ? uiState.number("x", 0) : null,
                uiState.has("y") ? uiState.number("y", 0) : null,
                uiState.number("width", WindowBounds.DEFAULT_WIDTH), uiState.number("height", WindowBounds.DEFAULT_HEIGHT),
                screens);
        s.setMinWidth(WindowBounds.minWidth(screens.get(0)));
        s.setMinHeight(WindowBounds.minHeight(screens.get(0)));
        s.setX(b.x());
        s.setY(b.y());
        s.setWidth(b.width());
        s.setHeight(b.height());
        s.setMaximized(uiState.flag("maximized"));
    }

    private void saveGeometry() {
        if (uiState == null || stage == null) {
            return;
        }
        uiState.put("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            uiState.put("x", stage.getX());
            uiState.put("y", stage.getY());
            uiState.put("width", stage.getWidth());
            uiState.put("height", stage.getHeight());
        }
        uiState.put("theme", theme.name());
        uiState.save();
    }

    @Override
    public void stop() {
        saveGeometry();
        if (dueRulesTimer != null) {
            dueRulesTimer.shutdownNow();
        }
        tasks.close();
        if (app != null) {
            app.close();
        }
        if (lock != null) {
            lock.close();
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
