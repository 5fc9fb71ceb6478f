package dev.stagedesk.venue;

import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.TaskRunner;
import dev.stagedesk.ui.UndoDelete;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The venues list: search, filters, paging; delete with undo. */
public final class VenueListViewModel {
    public static final int PAGE_SIZE = 100;

    public final StringProperty cityFilter = new SimpleStringProperty("");
    public final BooleanProperty missingCoordinates = new SimpleBooleanProperty();
    public final BooleanProperty showDeleted = new SimpleBooleanProperty();
    public final UndoDelete undo = new UndoDelete();

    private final VenueService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    private final PagedListViewModel<VenueRow> list;

    public VenueListViewModel(VenueQuery query, VenueService service, Actor actor, TaskRunner tasks,
                              Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.onError = onError;
        this.list = new PagedListViewModel<>(tasks, PAGE_SIZE, r -> query.page(r,
                new VenueFilter(cityFilter.get(), missingCoordinates.get(), showDeleted.get())), onError);
        cityFilter.addListener((o, a, b) -> list.firstPage());
        missingCoordinates.addListener((o, a, b) -> list.firstPage());
        showDeleted.addListener((o, a, b) -> list.firstPage());
    }

    public PagedListViewModel<VenueRow> list() {
        return list;
    }

    public void open(VenueRow row, Consumer<Venue> then) {
        tasks.run(() -> service.find(row.id()).orElseThrow(), then, onError);
    }

    public void delete(VenueRow row) {
        tasks.run(() -> service.delete(actor, row.id()), deleted -> {
            undo.offer(I18n.tr("venues.deleted", deleted.name()),
                    () -> tasks.run(() -> service.restore(actor, deleted.id()), restored -> list.reload(), onError));
            list.reload();
        }, onError);
    }
}
