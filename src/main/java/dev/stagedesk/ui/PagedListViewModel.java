package dev.stagedesk.ui;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of a searchable, sortable, paged list: what to ask the store for and what came back. Loads run on the
 * task runner; an answer to an older request is dropped, so fast typing never shows stale rows.
 */
public final class PagedListViewModel<T> {
    private final TaskRunner tasks;
    private final Function<PageRequest, Page<T>> source;
    private final Consumer<Throwable> onError;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty offset = new SimpleIntegerProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty exported = new SimpleStringProperty("");
    private final int pageSize;
    private String sortKey;
    private boolean ascending = true;
    private long generation;
    private boolean totalIsLowerBound;

    public PagedListViewModel(TaskRunner tasks, int pageSize, Function<PageRequest, Page<T>> source,
                              Consumer<Throwable> onError) {
        this.tasks = tasks;
        this.pageSize = pageSize;
        this.source = source;
        this.onError = onError;
    }

    public ObservableList<T> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyIntegerProperty offsetProperty() {
        return offset;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** "1–50 of 100,000" */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** "1,234 rows exported to bookings.csv" after an export. */
    public StringProperty exportedProperty() {
        return exported;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Sort by a column (null = the list's default) and go back to the first page. */
    public void sortBy(String key, boolean asc) {
        this.sortKey = key;
        this.ascending = asc;
        offset.set(0);
        reload();
    }

    /** New search text: back to the first page. */
    public void search(String text) {
        search.set(text == null ? "" : text);
        offset.set(0);
        reload();
    }

    public boolean hasNext() {
        return offset.get() + pageSize < total.get() || (totalIsLowerBound && rows.size() == pageSize);
    }

    public boolean hasPrevious() {
        return offset.get() > 0;
    }

    public void next() {
        if (hasNext()) {
            offset.set(offset.get() + pageSize);
            reload();
        }
    }

    public void previous() {
        if (hasPrevious()) {
            offset.set(Math.max(0, offset.get() - pageSize));
            reload();
        }
    }

    public void firstPage() {
        offset.set(0);
        reload();
    }

    /**
     * Every row the list holds with its current search and sort, read page by page (up to {@code max} rows): what
     * an export writes. Runs on the caller's thread: call it from a background task.
     */
    public List<T> all(int max) {
        List<T> out = new ArrayList<>();
        int chunk = 1000;
        while (out.size() < max) {
            Page<T> page = source.apply(new PageRequest(search.get(), sortKey, ascending, out.size(), chunk));
            out.addAll(page.rows());
            if (page.rows().size() < chunk) {
                break;
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** Loads the current page again (after a filter change or a save). */
    public void reload() {
        long mine = ++generation;
        PageRequest request = new PageRequest(search.get(), sortKey, ascending, offset.get(), pageSize);
        loading.set(true);
        tasks.run(() -> source.apply(request), page -> {
            if (mine != generation) {
                return;
            }
            totalIsLowerBound = page.totalIsLowerBound();
            rows.setAll(page.rows());
            total.set(page.total());
            loading.set(false);
            summary.set(page.rows().isEmpty() ? "0"
                    : I18n.tr("list.range", page.offset() + 1, page.offset() + page.rows().size(),
                    page.total(), page.totalIsLowerBound() ? "+" : ""));

        }, error -> {
            if (mine == generation) {
                loading.set(false);
                onError.accept(error);
            }
        });
    }
}
