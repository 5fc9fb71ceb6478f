package dev.stagedesk.report;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.common.I18n;
import dev.stagedesk.csv.CsvIo;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Cash basis by month for a year: received, payouts paid, overhead, net; with a totals row. */
public final class ReportsScreen implements Screen {
    private final ReportQuery query;
    private final SettingsService settings;
    private final Clock clock;
    private final UiContext ui;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final TableView<String[]> table = new TableView<>();
    private final VBox root;

    private final List<ReportView> views = new ArrayList<>();

    public ReportsScreen(ReportQuery query, FinancialReport reports, CsvIo csv,
                         CsvSchema journal, SettingsService settings, Clock clock, UiContext ui) {
        this.query = query;
        this.settings = settings;
        this.clock = clock;
        this.ui = ui;
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 9; y--) {
            years.add(y);
        }
        year.setId("reportYear");
        year.setItems(FXCollections.observableArrayList(years));
        year.setValue(thisYear);
        year.valueProperty().addListener((o, a, b) -> activate());
        table.setId("cashReport");
        String[] titles = {tr("report.month"), tr("report.received"), tr("report.payouts"), tr("report.overhead"),
            tr("report.net")};
        for (int i = 0; i < titles.length; i++) {
            int col = i;
            TableColumn<String[], String> c = new TableColumn<>(titles[i]);
            c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue()[col]));
            c.setSortable(false);
            if (i > 0) {
                c.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            table.getColumns().add(c);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label heading = new Label(tr("area.reports"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        Label hint = new Label(tr("report.cashHint"));
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        HBox tools = new HBox(8, new Label(tr("report.year")), year);
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox cashByMonth = new VBox(10, hint, tools, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.withDayOfYear(1);
        ComboBox<String> basis = new ComboBox<>(FXCollections.observableArrayList("accrual", "cash"));
        basis.setId("finBasis");
        CodeLabels.on(basis, Display.CodeSet.ReportBasis);
        basis.setValue("accrual");
        ReportView fin = new ReportView(ui, "fin", first, today, basis::getValue,
                p -> reports.financialsTable(reports.financials(ui.actor(), p)), false, new Label(tr("report.basis")), basis);
        basis.valueProperty().addListener((o, a, b) -> fin.run());
        Button journalButton = new Button(tr("report.journal"));
        journalButton.setId("finJournal");
        journalButton.setOnAction(e -> fin.exportSchema(csv, journal, tr("report.journal")));
        fin.getChildren().add(journalButton);
        ReportView perf = new ReportView(ui, "perf", first, today, () -> "accrual",
                p -> reports.performerEarnings(ui.actor(), p), false);
        ComboBox<FinancialReport.By> by = new ComboBox<>(FXCollections.observableArrayList(FinancialReport.By.values()));
        by.setId("revBy");
        by.setValue(FinancialReport.By.CLIENT);
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(FinancialReport.By b) {
                return b == null ? "" : tr("report.by." + b.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public FinancialReport.By fromString(String s) {
                return null;
            }
        });
        ReportView rev = new ReportView(ui, "rev", first, today, () -> "accrual",
                p -> reports.revenueBy(ui.actor(), p, by.getValue()), true, new Label(tr("report.byLabel")), by);
        by.valueProperty().addListener((o, a, b) -> rev.run());
        views.addAll(List.of(fin, perf, rev));
        TabPane tabs = new TabPane(
                tab("finTab", tr("report.fin.title"), fin), tab("perfTab", tr("report.perf.title"), perf),
                tab("revTab", tr("report.revTab"), rev), tab("cashTab", tr("report.cashTitle"), cashByMonth));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("reportTabs");
        root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        views.forEach(ReportView::run);
        int y = year.getValue();
        ui.tasks().run(() -> new Object[] {settings.requireAgency().baseCurrency().getCurrencyCode(),
            query.monthly(ui.actor(), YearMonth.of(y, 1), YearMonth.of(y, 12))}, r -> show((String) r[0], cast(r[1])), ui.errors());
    }

    @SuppressWarnings("unchecked")
    private static List<MonthlyCash> cast(Object o) {
        return (List<MonthlyCash>) o;
    }

    private void show(String currency, List<MonthlyCash> months) {
        List<String[]> rows = new ArrayList<>();
        long received = 0;
        long payouts = 0;
        long overhead = 0;
        for (MonthlyCash m : months) {
            rows.add(new String[] {Format.month(m.month().getMonth()),
                Format.money(m.receivedMinor(), currency), Format.money(m.payoutsPaidMinor(), currency),
                Format.money(m.overheadMinor(), currency), Format.money(m.netMinor(), currency)});
            received += m.receivedMinor();
            payouts += m.payoutsPaidMinor();
            overhead += m.overheadMinor();
        }
        rows.add(new String[] {tr("report.total"), Format.money(received, currency), Format.money(payouts, currency),
            Format.money(overhead, currency), Format.money(received - payouts - overhead, currency)});
        table.getItems().setAll(rows);
    }
}
