package dev.stagedesk.client;

import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.TaskRunner;
import dev.stagedesk.ui.UndoDelete;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The clients list: search, filters, paging; delete with undo. */
public final class ClientListViewModel {
    public static final int PAGE_SIZE = 100;

    public final ObjectProperty<ClientKind> kindFilter = new SimpleObjectProperty<>();
    public final StringProperty cityFilter = new SimpleStringProperty("");
    public final BooleanProperty showDeleted = new SimpleBooleanProperty();
    public final UndoDelete undo = new UndoDelete();

    private final ClientService service;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> onError;
    private final PagedListViewModel<ClientRow> list;

    public ClientListViewModel(ClientQuery query, ClientService service, Actor actor, TaskRunner tasks,
                               Consumer<Throwable> onError) {
        this.service = service;
        this.actor = actor;
        this.tasks = tasks;
        this.onError = onError;
        this.list = new PagedListViewModel<>(tasks, PAGE_SIZE,
                r -> query.page(actor, r, new ClientFilter(kindFilter.get(), cityFilter.get(), showDeleted.get())), onError);
        kindFilter.addListener((o, a, b) -> list.firstPage());
        showDeleted.addListener((o, a, b) -> list.firstPage());
        cityFilter.addListener((o, a, b) -> list.firstPage());
    }

    public PagedListViewModel<ClientRow> list() {
        return list;
    }

    /** Loads the full client behind a row, for the edit form. */
    public void open(ClientRow row, Consumer<Client> then) {
        tasks.run(() -> service.find(row.id()).orElseThrow(), then, onError);
    }

    public void delete(ClientRow row) {
        tasks.run(() -> service.delete(actor, row.id()), deleted -> {
            undo.offer(I18n.tr("clients.deleted", deleted.name()),
                    () -> tasks.run(() -> service.restore(actor, deleted.id()), restored -> list.reload(), onError));
            list.reload();
        }, onError);
    }
}
