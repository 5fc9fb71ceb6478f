package dev.stagedesk.ui;

import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.security.Actor;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What every view needs besides its own services: who acts, where slow work runs, where errors go, how to ask
 * for files to save to and to read, and the locale: the number format typed amounts are read in ({@link #amounts()})
 * and the style dates and times are shown in ({@link Format}).
 */
public record UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors, SaveDialog saveDialog,
                        OpenDialog openDialog, Locale locale) {

    /** The console's dates and times follow the same locale as its amounts ({@link Format#use}). */
    public UiContext {
        Format.use(locale);
    }

    public UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors) {
        this(actor, tasks, errors, SaveDialog.SYSTEM, OpenDialog.SYSTEM);
    }

    /** With this computer's number format ({@code Locale.getDefault(Locale.Category.FORMAT)}). */
    public UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors, SaveDialog saveDialog,
                     OpenDialog openDialog) {
        this(actor, tasks, errors, saveDialog, openDialog, Locale.getDefault(Locale.Category.FORMAT));
    }

    /**
     * Where errors of an edit go when the screen can show the record again: a stale edit (someone saved the record
     * since it was loaded) becomes a {@link ReloadOffer} that runs {@code reload}; anything else goes to
     * {@link #errors()} as it is.
     */
    public Consumer<Throwable> errors(Runnable reload) {
        return error -> {
            var stale = ReloadOffer.staleIn(error);
            errors.accept(stale == null ? error : new ReloadOffer(stale, reload));
        };
    }

    /** How amounts typed into money fields are read and pre-filled: the user's locale ("1.250,50" in German). */
    public AmountStyle amounts() {
        return AmountStyle.of(locale);
    }
}
