package dev.stagedesk.settings;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.StoreEncryption;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Encrypt the store, give it a new passphrase, or remove its encryption (Settings → Appearance & store). */
public final class EncryptionFormViewModel {
    public final StringProperty currentPassphrase = new SimpleStringProperty("");
    public final StringProperty passphrase = new SimpleStringProperty("");
    public final StringProperty repeatPassphrase = new SimpleStringProperty("");
    public final BooleanProperty remove = new SimpleBooleanProperty(false);

    private final StoreControl store;
    private final FormState state;

    public EncryptionFormViewModel(StoreControl store, TaskRunner tasks, Consumer<Throwable> onUnexpected) {
        this.store = store;
        this.state = new FormState(tasks, onUnexpected);
    }

    public FormState state() {
        return state;
    }

    public boolean encrypted() {
        return store.encrypted();
    }

    /** Checks the fields; if they are right, closes the form ({@code close}) and starts the conversion. */
    public void submit(Runnable close) {
        List<FieldError> errors = new ArrayList<>();
        if (store.encrypted() && !store.isCurrentPassphrase(currentPassphrase.get().toCharArray())) {
            errors.add(new FieldError("currentPassphrase", I18n.tr("encryption.wrongPassphrase")));
        }
        char[] next = remove.get() ? null : passphrase.get().toCharArray();
        if (next != null) {
            try {
                StoreEncryption.validateNew(next, repeatPassphrase.get().toCharArray());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            state.show(errors);
            return;
        }
        close.run();
        store.changeEncryption(next);
    }
}
