package dev.stagedesk.ui;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What a form shows besides its fields: an error per field, a general message, and whether a save is running.
 * A save goes to the service on the task runner; validation errors come back onto the fields.
 */
public final class FormState {
    private final TaskRunner tasks;
    private final Consumer<Throwable> onUnexpected;
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty generalError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty stale = new SimpleBooleanProperty();
    private Runnable reload;

    public FormState(TaskRunner tasks, Consumer<Throwable> onUnexpected) {
        this.tasks = tasks;
        this.onUnexpected = onUnexpected;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty generalErrorProperty() {
        return generalError;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public void clear() {
        errors.clear();
        generalError.set("");
        stale.set(false);
    }

    /**
     * What "Reload" does when a save is refused because the record changed since the form was filled (the form
     * shows the refusal, who changed it and when, and a Reload button, id {@code formReload}).
     */
    public void onStale(Runnable reload) {
        this.reload = reload;
    }

    /** True while the last save was refused as stale and the form can reload. */
    public BooleanProperty staleProperty() {
        return stale;
    }

    /** Runs the reload given to {@link #onStale}. */
    public void reload() {
        if (reload != null) {
            clear();
            reload.run();
        }
    }

    /** Shows errors found before asking the service (text that is not a number, say). */
    public void show(List<FieldError> fieldErrors) {
        clear();
        fieldErrors.forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
    }

    /** Runs the save; on success {@code onSaved}, on a refusal the messages go next to the fields. */
    public <R> void submit(Callable<R> save, Consumer<R> onSaved) {
        clear();
        saving.set(true);
        tasks.run(save, result -> {
            saving.set(false);
            onSaved.accept(result);
        }, error -> {
            saving.set(false);
            Throwable e = error.getCause() instanceof UserFacingException && !(error instanceof UserFacingException)
                    ? error.getCause() : error;
            if (e instanceof ValidationException ve) {
                show(ve.errors());
            } else if (e instanceof UserFacingException) {
                generalError.set(e.getMessage());
                stale.set(reload != null && ReloadOffer.staleIn(e) != null);
            } else {
                onUnexpected.accept(e);
            }
        });
    }
}
