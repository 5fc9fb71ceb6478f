package dev.stagedesk.ui;

import dev.stagedesk.security.Actor;
import java.util.function.Consumer;

/**
 * What every view needs besides its own services: who acts, where slow work runs, where errors go, and how
 * to ask for a file to save to.
 */
public record UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors, SaveDialog saveDialog) {

    public UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors) {
        this(actor, tasks, errors, SaveDialog.SYSTEM);
    }
}
