package dev.stagedesk.ui;

import dev.stagedesk.security.Actor;
import java.util.function.Consumer;

/** What every view needs besides its own services: who acts, where slow work runs, where errors go. */
public record UiContext(Actor actor, TaskRunner tasks, Consumer<Throwable> errors) {
}
