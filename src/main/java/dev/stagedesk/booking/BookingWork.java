package dev.stagedesk.booking;

import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.ReloadOffer;
import dev.stagedesk.ui.TaskRunner;
import java.util.function.Consumer;

/**
 * What the booking view models work with: the services, who acts, where slow work runs, where errors go and how
 * typed amounts are read. Built by the screen from its dependencies and the {@code UiContext}; tests build one over
 * a store with {@link TaskRunner#direct()}.
 */
public record BookingWork(BookingService service, BookingDetailQuery details, AssignmentService assignments,
                          CommandBus bus, Actor actor, TaskRunner tasks, Consumer<Throwable> errors,
                          AmountStyle amounts) {

    /**
     * Where the errors of an action on a record the screen holds go: a stale edit (someone saved the record since it
     * was loaded) becomes a {@link ReloadOffer} that runs {@code reload}; anything else goes to {@link #errors()}.
     */
    public Consumer<Throwable> errors(Runnable reload) {
        return error -> {
            ConcurrentEditException stale = ReloadOffer.staleIn(error);
            errors.accept(stale == null ? error : new ReloadOffer(stale, reload));
        };
    }
}
