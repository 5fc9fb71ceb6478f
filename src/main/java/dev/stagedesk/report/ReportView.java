package dev.stagedesk.report;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.csv.CsvIo;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.csv.Period;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.document.ReportTable;
import dev.stagedesk.document.TableExport;
import dev.stagedesk.money.Money;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One report on screen: a period, the report's own choices, its table (the same {@link ReportTable} the exports
 * write, so screen and file agree), an optional bar chart of its money column, and Export CSV / PDF with the
 * Excel-friendly and totals-row choices.
 */
final class ReportView extends VBox {
    private final UiContext ui;
    private final String id;
    private final Function<Period, ReportTable> build;
    private final DatePicker from;
    private final DatePicker to;
    private final TableView<List<Object>> table = new TableView<>();
    private final Label subtitle = new Label();
    private final Label message = new Label();
    private final CheckBox excel = new CheckBox(tr("report.excel"));
    private final CheckBox totals = new CheckBox(tr("report.totalsRow"));
    private final BarChart<String, Number> chart;
    private final Supplier<String> basis;
    private ReportTable shown;

    /** {@code choices}: the report's own controls (basis, breakdown), each of which reruns it. */
    ReportView(UiContext ui, String id, LocalDate first, LocalDate last, Supplier<String> basis,
               Function<Period, ReportTable> build, boolean withChart, Node... choices) {
        super(10);
        this.ui = ui;
        this.id = id;
        this.build = build;
        this.basis = basis;
        from = new DateField(first);
        from.setId(id + "From");
        to = new DateField(last);
        to.setId(id + "To");
        from.valueProperty().addListener((o, a, b) -> run());
        to.valueProperty().addListener((o, a, b) -> run());
        table.setId(id + "Table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        subtitle.getStyleClass().add(Styles.MUTED);
        message.setId(id + "Message");
        message.getStyleClass().add(Styles.MUTED);
        Styles.fitMessage(message);
        HBox.setHgrow(message, Priority.ALWAYS);
        totals.setSelected(true);
        Button csv = new Button(tr("report.exportCsv"));
        csv.setId(id + "Csv");
        csv.setOnAction(e -> export("csv"));
        Button pdf = new Button(tr("report.exportPdf"));
        pdf.setId(id + "Pdf");
        pdf.setOnAction(e -> export("pdf"));
        HBox tools = new HBox(8, new Label(tr("report.from")), from, new Label(tr("report.to")), to);
        tools.getChildren().addAll(choices);
        tools.setAlignment(Pos.CENTER_LEFT);
        HBox exports = new HBox(8, csv, excel, totals, pdf, message);
        exports.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(tools, subtitle, table, exports);
        VBox.setVgrow(table, Priority.ALWAYS);
        if (withChart) {
            chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
            chart.setId(id + "Chart");
            chart.setLegendVisible(false);
            chart.setAnimated(false);
            chart.setPrefHeight(260);
            getChildren().add(2, chart);
        } else {
            chart = null;
        }
    }

    Period period() {
        return new Period(from.getValue(), to.getValue(), basis.get());
    }

    void run() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        Period p;
        try {
            p = period();
        } catch (RuntimeException e) {
            message.setText(e.getMessage());
            return;
        }
        message.setText("");
        ui.tasks().run(() -> build.apply(p), this::show, ui.errors());
    }

    private void show(ReportTable t) {
        shown = t;
        subtitle.setText(t.subtitle());
        table.getColumns().clear();
        for (int i = 0; i < t.columns().size(); i++) {
            int col = i;
            TableColumn<List<Object>, String> c = new TableColumn<>(t.columns().get(i).name());
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(shown(cd.getValue().get(col))));
            c.setSortable(false);
            c.setMinWidth(switch (t.columns().get(i).kind()) {
                case TEXT -> 200;
                case MONEY -> 150;
                case COUNT -> 80;
            });
            if (t.columns().get(i).kind() != ReportTable.Kind.TEXT) {
                c.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            table.getColumns().add(c);
        }
        table.getItems().setAll(t.rows());
        if (t.totals() != null) {
            table.getItems().add(t.totals());
        }
        if (chart != null) {
            int money = -1;
            for (int i = t.columns().size() - 1; i >= 0 && money < 0; i--) {
                if (t.columns().get(i).kind() == ReportTable.Kind.MONEY) {
                    money = i;
                }
            }
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            int n = 0;
            for (List<Object> row : t.rows()) {
                if (money < 0 || n++ >= 24) {
                    break;
                }
                Money m = (Money) row.get(money);
                String label = row.get(0).toString();
                series.getData().add(new XYChart.Data<>(label.length() > 18 ? label.substring(0, 17) + "…" : label,
                        BigDecimal.valueOf(m.minor(), Math.max(0, m.currency().getDefaultFractionDigits()))));
            }
            chart.getData().setAll(List.of(series));
        }
    }

    private void export(String extension) {
        ReportTable t = shown;
        if (t == null) {
            return;
        }
        String name = t.title() + " " + from.getValue() + " " + to.getValue() + "." + extension;
        TableExport.CsvOptions options = new TableExport.CsvOptions(excel.isSelected(), totals.isSelected());
        ui.saveDialog().ask(this, tr("report.export"), name, extension).ifPresent(file -> ui.tasks().run(() -> {
            if (extension.equals("pdf")) {
                AtomicFile.write(file, out -> TableExport.pdf(t, out));
            } else {
                AtomicFile.writeText(file, w -> TableExport.csv(t, options, w));
            }
            return file;
        }, f -> message.setText(tr("report.exported", f.getFileName())), ui.errors()));
    }

    /** Writes a periodic CSV export (the journal) for this view's period. */
    void exportSchema(CsvIo csv, CsvSchema schema, String title) {
        Period p;
        try {
            p = period();
        } catch (RuntimeException e) {
            message.setText(e.getMessage());
            return;
        }
        ui.saveDialog().ask(this, title, schema.name() + " " + p.from() + " " + p.to() + ".csv", "csv")
                .ifPresent(file -> ui.tasks().run(() -> {
                    int[] rows = {0};
                    AtomicFile.writeText(file, w -> rows[0] = csv.export(ui.actor(), schema, p, w));
                    return rows[0];
                }, n -> message.setText(tr("report.journalDone", n, file.getFileName())), ui.errors()));
    }

    String viewId() {
        return id;
    }

    /** A cell on screen in the console's locale (amounts, counts, dates); the CLI and files keep their fixed style. */
    public static String shown(Object o) {
        if (o instanceof Money m) {
            return Format.money(m.minor(), m.currency().getCurrencyCode());
        }
        if (o instanceof Long || o instanceof Integer) {
            return NumberFormat.getIntegerInstance(Format.locale()).format(((Number) o).longValue());
        }
        if (o instanceof LocalDate d) {
            return Format.date(d);
        }
        return TableExport.display(o);
    }
}
