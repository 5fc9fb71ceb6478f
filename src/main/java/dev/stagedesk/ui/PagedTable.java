package dev.stagedesk.ui;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.document.ReportTable;
import dev.stagedesk.document.TableExport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * A list screen's body: search box and tools on top, the table, and a pager. Sorting and paging happen in the
 * store (the view model asks for one page), so it stays instant at any size.
 */
public final class PagedTable<T> extends BorderPane {
    private final PagedListViewModel<T> vm;
    private final PauseTransition debounce;
    private final TableView<T> table = new TableView<>();
    private final HBox toolbar = new HBox(8);
    private FlowPane filters;
    private final TextField search = new TextField();
    private final Region grow = new Region();
    private final List<Map.Entry<String, Function<T, String>>> columns = new ArrayList<>();
    /** The most rows an export of a list writes. */
    public static final int EXPORT_MAX = 1_000_000;
    private String lastSortKey;
    private boolean lastAscending = true;
    /** The status line under the tools ("Booking BK-2026-000972 created"): wraps, never widens the window. */
    private final Label message = new Label();
    /** Widths the user gave columns (by title), remembered per table. */
    private final Map<String, Double> userWidths = new LinkedHashMap<>();
    private boolean widthsLoaded;
    /** True while this class sets widths itself, so only the user's resizes are remembered. */
    private boolean sizing;
    private boolean fitQueued;
    private final PauseTransition saveWidths = new PauseTransition(Duration.millis(400));
    private final Text measure = new Text();
    /** Widest a text column grows to fit its content (the user may drag it wider). */
    static final double MAX_FIT = 380;
    /** Property of a column that must never elide (booking and invoice numbers, amounts). */
    static final String KEY_COLUMN = "stagedesk.keyColumn";

    public PagedTable(PagedListViewModel<T> vm, String idPrefix) {
        this.vm = vm;
        getStyleClass().add("paged-table");
        search.setId(idPrefix + "Search");
        search.setPromptText(tr("list.search"));
        search.setPrefColumnCount(16);
        debounce = new PauseTransition(Duration.millis(180));
        debounce.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        search.setOnAction(e -> {
            debounce.stop();
            vm.search(search.getText());
        });
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.loadingProperty());
        HBox.setHgrow(grow, Priority.ALWAYS);
        toolbar.getChildren().addAll(search, grow, busy);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(0, 0, 8, 0));

        table.setId(idPrefix + "Table");
        table.setItems(vm.rows());
        // columns keep the widths of their content (a horizontal scroll bar when the window is too narrow);
        // the last one takes what is left over
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getItems().addListener((ListChangeListener<T>) c -> queueFit());
        table.widthProperty().addListener((o, a, b) -> queueFit());
        table.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                widthsLoaded = false; // read at the next fit: the window may install its store after this
                queueFit();
            }
        });
        saveWidths.setOnFinished(e -> ColumnWidths.of(table.getScene())
                .save(table.getId(), new LinkedHashMap<>(userWidths)));
        table.setPlaceholder(new Label(tr("list.empty")));
        table.setSortPolicy(t -> {
            String key = null;
            boolean asc = true;
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<T, ?> c = t.getSortOrder().get(0);
                key = (String) c.getUserData();
                asc = c.getSortType() == TableColumn.SortType.ASCENDING;
            }
            if (!Objects.equals(key, lastSortKey) || asc != lastAscending) {
                lastSortKey = key;
                lastAscending = asc;
                vm.sortBy(key, asc);
            }
            return true;
        });

        Button prev = new Button("‹");
        prev.setId(idPrefix + "Prev");
        prev.setOnAction(e -> vm.previous());
        Button next = new Button("›");
        next.setId(idPrefix + "Next");
        next.setOnAction(e -> vm.next());
        Label summary = new Label();
        summary.setId(idPrefix + "Summary");
        summary.textProperty().bind(vm.summaryProperty());
        Runnable pagerState = () -> {
            prev.setDisable(!vm.hasPrevious());
            next.setDisable(!vm.hasNext());
        };
        vm.totalProperty().addListener((o, a, b) -> pagerState.run());
        vm.offsetProperty().addListener((o, a, b) -> pagerState.run());
        pagerState.run();
        Label exported = new Label();
        exported.setId(idPrefix + "Exported");
        exported.getStyleClass().add(Styles.MUTED);
        exported.textProperty().bind(vm.exportedProperty());
        exported.setMinWidth(0);
        HBox.setHgrow(exported, Priority.SOMETIMES);
        summary.setMinWidth(Region.USE_PREF_SIZE);
        HBox pager = new HBox(8, exported, summary, prev, next);
        pager.setAlignment(Pos.CENTER_RIGHT);
        pager.setPadding(new Insets(8, 0, 0, 0));

        message.setId(idPrefix + "Message");
        message.getStyleClass().add("status-message");
        Styles.fitMessage(message);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        setTop(new VBox(toolbar, message));
        setCenter(table);
        setBottom(pager);
    }

    public TableView<T> table() {
        return table;
    }

    public TextField searchField() {
        return search;
    }

    /**
     * Searches the list for {@code text} and selects the first row {@code which} accepts once the page has
     * loaded: how a search result or a notification opens a record of a list without a detail screen.
     */
    public void reveal(String text, Predicate<T> which) {
        ListChangeListener<T> once = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends T> c) {
                table.getItems().removeListener(this); // the page the search loads, found or not
                for (T row : table.getItems()) {
                    if (which.test(row)) {
                        table.getSelectionModel().select(row);
                        table.scrollTo(row);
                        table.requestFocus();
                        return;
                    }
                }
            }
        };
        table.getItems().addListener(once);
        search.setText(text);
        debounce.stop();
        vm.search(text);
    }

    /** Adds filters on a row of their own under the toolbar (it wraps when the window is narrow). */
    public void addFilters(Node... nodes) {
        if (filters == null) {
            filters = new FlowPane(8, 6);
            filters.setId("filterRow");
            filters.setPadding(new Insets(0, 0, 8, 0));
            filters.setAlignment(Pos.CENTER_LEFT);
            setTop(new VBox(toolbar, filters, message));
        }
        filters.getChildren().addAll(nodes);
    }

    /**
     * The list's status line, under its tools: what the last action did. It wraps inside the list's width, so a
     * long message never widens the window.
     */
    public Label message() {
        return message;
    }

    /** Adds tools (filters, buttons) after the search box and the tools added before. */
    public void addTools(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        toolbar.getChildren().addAll(toolbar.getChildren().indexOf(grow), List.of(nodes));
    }

    /** A text column; {@code sortKey} null makes it unsortable. */
    public TableColumn<T, String> column(String title, String sortKey, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setUserData(sortKey);
        c.setSortable(sortKey != null);
        c.setPrefWidth(width);
        c.getProperties().put(Function.class, value);
        if ("number".equals(sortKey) || "booking".equals(sortKey)) {
            c.getProperties().put(KEY_COLUMN, true);
        }
        c.widthProperty().addListener((o, a, b) -> {
            if (!sizing && c.getTableView() != null) {
                userWidths.put(c.getText(), b.doubleValue());
                saveWidths.playFromStart();
            }
        });
        table.getColumns().add(c);
        columns.add(Map.entry(title, value));
        return c;
    }

    /** Marks a column whose texts must never be cut ("BK-2026-000972"): it is never narrower than they are. */
    public static void neverElide(TableColumn<?, ?> c) {
        c.getProperties().put(KEY_COLUMN, true);
    }

    /** Whether {@code c} is a column that never elides. */
    public static boolean isKeyColumn(TableColumn<?, ?> c) {
        return Boolean.TRUE.equals(c.getProperties().get(KEY_COLUMN));
    }

    private void queueFit() {
        if (!fitQueued) {
            fitQueued = true;
            Platform.runLater(() -> {
                fitQueued = false;
                fitColumns();
            });
        }
    }

    /**
     * Sizes each column to its header and the texts of the page shown (a column the user resized keeps that
     * width; a key column is never narrower than its texts), and gives the last column what is left.
     */
    @SuppressWarnings("unchecked")
    public void fitColumns() {
        if (!widthsLoaded && table.getScene() != null) {
            widthsLoaded = true;
            userWidths.clear();
            userWidths.putAll(ColumnWidths.of(table.getScene()).load(table.getId()));
        }
        // the cells' font once rows are drawn; before that the headers' (drawn as soon as the table is shown)
        Font headerFont = fontOf(".column-header .label", Font.getDefault());
        Font cellFont = fontOf(".table-row-cell .table-cell",
                Font.font(headerFont.getFamily(), headerFont.getSize()));
        double cellExtra = 26;
        double headerExtra = 34; // padding and the sort arrow
        sizing = true;
        try {
            double used = 0;
            TableColumn<T, ?> last = null;
            for (TableColumn<T, ?> c : table.getColumns()) {
                if (!c.isVisible()) {
                    continue;
                }
                last = c;
                Function<T, String> value = (Function<T, String>) c.getProperties().get(Function.class);
                double content = 0;
                if (value != null) {
                    for (T row : table.getItems()) {
                        content = Math.max(content, textWidth(value.apply(row), cellFont));
                    }
                }
                double fit = Math.ceil(Math.max(textWidth(c.getText(), headerFont) + headerExtra, content + cellExtra));
                boolean key = isKeyColumn(c);
                double min = key ? fit : 40;
                c.setMinWidth(min);
                Double user = userWidths.get(c.getText());
                double w = user != null ? Math.max(min, user) : key ? fit : Math.min(fit, Math.max(MAX_FIT, min));
                c.setPrefWidth(w);
                used += c.getWidth();
            }
            if (last != null && !userWidths.containsKey(last.getText())) {
                double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 18 - used;
                if (room > 0) {
                    last.setPrefWidth(last.getWidth() + room);
                }
            }
        } finally {
            sizing = false;
        }
    }

    private Font fontOf(String selector, Font fallback) {
        for (Node n : table.lookupAll(selector)) {
            if (n instanceof Labeled l && l.getFont() != null) {
                return l.getFont();
            }
        }
        return fallback;
    }

    private double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * An Export menu: the whole list as it is searched and sorted, with its columns as shown, to CSV (plain or
     * Excel-friendly) or PDF. {@code title} heads the PDF.
     */
    public void enableExport(UiContext ui, String title, String idPrefix) {
        MenuButton export = new MenuButton(tr("list.export"));
        export.setId(idPrefix + "Export");
        MenuItem csv = new MenuItem(tr("list.exportCsv"));
        csv.setId(idPrefix + "ExportCsv");
        MenuItem excel = new MenuItem(tr("list.exportExcel"));
        MenuItem pdf = new MenuItem(tr("list.exportPdf"));
        csv.setOnAction(e -> export(ui, title, "csv", false));
        excel.setOnAction(e -> export(ui, title, "csv", true));
        pdf.setOnAction(e -> export(ui, title, "pdf", false));
        export.getItems().addAll(csv, excel, pdf);
        addTools(export);
    }

    private void export(UiContext ui, String title, String extension, boolean excel) {
        ui.saveDialog().ask(this, tr("list.export"), title + "." + extension, extension).ifPresent(file ->
                ui.tasks().run(() -> {
                    List<T> rows = vm.all(EXPORT_MAX);
                    ReportTable t = asTable(title, rows);
                    if (extension.equals("pdf")) {
                        AtomicFile.write(file, out -> TableExport.pdf(t, out));
                    } else {
                        AtomicFile.writeText(file, w -> TableExport.csv(t,
                                new TableExport.CsvOptions(excel, false), w));
                    }
                    return rows.size();
                }, n -> vm.exportedProperty().set(tr("list.exported", n, file.getFileName())), ui.errors()));
    }

    /** The rows as a table of the columns' texts as shown. */
    public ReportTable asTable(String title, List<T> rows) {
        List<ReportTable.Column> cols = columns.stream()
                .map(c -> ReportTable.text(c.getKey())).toList();
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (T row : rows) {
            List<Object> line = new ArrayList<>(columns.size());
            for (var c : columns) {
                line.add(c.getValue().apply(row));
            }
            cells.add(line);
        }
        String search = vm.searchProperty().get();
        return new ReportTable(title, search.isBlank() ? null : tr("list.searchedFor", search),
                cols, cells, null);
    }

    /** A right-aligned column for amounts and counts. */
    public TableColumn<T, String> numberColumn(String title, String sortKey, Function<T, String> value, double width) {
        TableColumn<T, String> c = column(title, sortKey, value, width);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        neverElide(c);
        return c;
    }

    public PagedListViewModel<T> viewModel() {
        return vm;
    }
}
