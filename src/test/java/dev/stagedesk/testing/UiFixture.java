package dev.stagedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.Shell;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.FxTaskRunner;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.UiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Mounts the real shell with real services over a temporary store. */
public final class UiFixture implements AutoCloseable {
    public final AppContext app;
    public final FxTaskRunner tasks = new FxTaskRunner();
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    public final Shell shell;
    /** What the next "save as" dialog answers (null: the user cancels). */
    public volatile Path nextSave;
    /** What the next "open file" dialog answers (null: the user cancels). */
    public volatile Path nextOpen;

    public UiFixture(AppContext app, Stage stage) {
        this(app, stage, Actor.owner());
    }

    public UiFixture(AppContext app, Stage stage, Actor actor) {
        // a fixed number format, so a test that types "714.00" passes on a German computer too
        this(app, stage, actor, Locale.UK);
    }

    /** With the number format amounts are typed in ({@code Locale.GERMANY}: "1.250,50"). */
    public UiFixture(AppContext app, Stage stage, Actor actor, Locale locale) {
        this.app = app;
        UiContext ui = new UiContext(actor, tasks, errors::add,
                (owner, title, name, extension) -> Optional.ofNullable(nextSave),
                (owner, title) -> Optional.ofNullable(nextOpen), locale);
        shell = new Shell(app, ui, () -> { });
        Scene scene = new Scene(new ModalHost(shell), 1280, 800);
        scene.getStylesheets().add(UiFixture.class.getResource("/dev/stagedesk/ui/stagedesk.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Waits (polling, no sleeps) until the condition holds, up to 10 s. */
    public static void until(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    /** The whole text of a label or cell as drawn: ends in "…" when it was cut (wrapped lines joined). */
    public static String shown(Labeled l) {
        StringBuilder b = new StringBuilder();
        for (Node n : l.getChildrenUnmodifiable()) {
            if (n instanceof Text t) {
                b.append(t.getText());
            }
        }
        return b.toString().replace("\n", " ").replaceAll(" +", " ").strip();
    }

    public void assertNoErrors() {
        assertThat(errors).isEmpty();
    }

    @Override
    public void close() {
        tasks.close();
        app.close();
        // the console's locale became the JVM's format locale (Format.use): give the next test the run's own
        Format.use(RUN_LOCALE);
    }

    /** The format locale the test run started with (surefire: en-GB). */
    private static final Locale RUN_LOCALE = Locale.getDefault(Locale.Category.FORMAT);
}
