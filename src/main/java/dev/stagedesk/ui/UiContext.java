package dev.stagedesk.ui;

import dev.stagedesk.security.Actor;
import java.util.function.Consumer;

/**
 * What every view needs besides its own services: who acts, where slow work runs, where errors go, and how
 * to ask for files to save to and to read.
 */
public record UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors, SaveDialog saveDialog,
                        OpenDialog openDialog) {

    public UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors) {
        this(actor, tasks, errors, SaveDialog.SYSTEM, OpenDialog.SYSTEM);
    }
}
