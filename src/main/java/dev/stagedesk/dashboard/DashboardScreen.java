package dev.stagedesk.dashboard;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.report.MonthlyCash;
import dev.stagedesk.settings.Agency;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The day at a glance: tiles that open the list behind them, and revenue for the last 12 months. */
public final class DashboardScreen implements Screen {
    /** Where a tile leads. */
    public enum Target { INQUIRIES, BOOKINGS, REPORTS, EXPENSES, RECEIVABLES }

    private final DashboardQuery query;
    private final SettingsService settings;
    private final Clock clock;
    private final UiContext ui;
    private final Consumer<Target> navigate;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final BarChart<String, Number> chart;
    private final VBox root;

    public DashboardScreen(DashboardQuery query, SettingsService settings, Clock clock, UiContext ui,
                           Consumer<Target> navigate) {
        this.query = query;
        this.settings = settings;
        this.clock = clock;
        this.ui = ui;
        this.navigate = navigate;
        tiles.setId("dashboardTiles");
        CategoryAxis months = new CategoryAxis();
        NumberAxis amount = new NumberAxis();
        amount.setTickLabelFormatter(axisLabels(Format.locale()));
        chart = new BarChart<>(months, amount);
        chart.setId("revenueChart");
        chart.setTitle(tr("dashboard.revenueChart"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(320);
        Label heading = new Label(tr("area.dashboard"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(14, heading, tiles, chart);
        // the chart takes the height left and keeps a readable minimum; below that the screen scrolls
        chart.setMinHeight(240);
        VBox.setVgrow(chart, Priority.ALWAYS);
        scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
    }

    private final ScrollPane scroll;

    @Override
    public Node node() {
        return scroll;
    }

    @Override
    public void activate() {
        ui.tasks().run(() -> {
            Agency agency = settings.requireAgency();
            return new Object[] {agency, query.summary(ui.actor(), clock.instant(), agency.timeZone())};
        }, result -> show((Agency) result[0], (DashboardSummary) result[1]), ui.errors());
    }

    private void show(Agency agency, DashboardSummary s) {
        String cur = agency.baseCurrency().getCurrencyCode();
        tiles.getChildren().setAll(
                tile("tileNewInquiries", String.format("%,d", s.newInquiries()), tr("dashboard.newInquiries"), Target.INQUIRIES),
                tile("tileFollowUps", String.format("%,d", s.followUpsDue()), tr("dashboard.followUps"), Target.INQUIRIES),
                tile("tileUpcoming", String.format("%,d", s.upcomingBookings()), tr("dashboard.upcoming"), Target.BOOKINGS),
                tile("tileUnassigned", String.format("%,d", s.upcomingUnassigned()), tr("dashboard.unassigned"), Target.BOOKINGS),
                tile("tileHolds", String.format("%,d", s.activeHolds()), tr("dashboard.holds"), Target.BOOKINGS));
        if (s.overdue() != null) {
            tiles.getChildren().addAll(
                    tile("tileDepositsOverdue", String.format("%,d", s.overdue().deposits()),
                            tr("dashboard.depositsOverdue", Format.money(s.overdue().depositsMinor(), cur)), Target.RECEIVABLES),
                    tile("tileBalancesOverdue", String.format("%,d", s.overdue().balances()),
                            tr("dashboard.balancesOverdue", Format.money(s.overdue().balancesMinor(), cur)), Target.RECEIVABLES));
        }
        boolean money = s.thisMonth() != null;
        chart.setVisible(money);
        chart.setManaged(money);
        if (!money) {
            return; // the money figures need REPORTS_VIEW
        }
        tiles.getChildren().addAll(
                tile("tileRevenue", Format.money(s.thisMonth().receivedMinor(), cur),
                        tr("dashboard.revenue", Format.money(s.lastMonth().receivedMinor(), cur)), Target.REPORTS),
                tile("tileCosts", Format.money(s.thisMonth().payoutsPaidMinor() + s.thisMonth().overheadMinor(), cur),
                        tr("dashboard.costs", Format.money(s.lastMonth().payoutsPaidMinor()
                                + s.lastMonth().overheadMinor(), cur)), Target.EXPENSES),
                tile("tileNet", Format.money(s.thisMonth().netMinor(), cur),
                        tr("dashboard.net", Format.money(s.lastMonth().netMinor(), cur)), Target.REPORTS));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int digits = agency.baseCurrency().getDefaultFractionDigits();
        for (MonthlyCash m : s.last12Months()) {
            String label = Format.monthShort(m.month().getMonth()) + " "

                    + (m.month().getYear() % 100);
            series.getData().add(new XYChart.Data<>(label, BigDecimal.valueOf(m.receivedMinor(), Math.max(0, digits))));
        }
        chart.getYAxis().setLabel(cur);
        chart.getData().setAll(List.of(series));
    }

    private Node tile(String id, String value, String label, Target target) {
        Label v = new Label(value);
        v.getStyleClass().add(Styles.TILE_VALUE);
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TILE_LABEL);
        l.setWrapText(true);
        l.setMaxWidth(226);
        l.setPrefWidth(226);
        l.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, v, l);
        box.setPadding(new Insets(12));
        Button b = new Button(null, box);
        b.setId(id);
        b.getStyleClass().add(Styles.TILE);
        b.setPrefSize(250, 112);
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.setOnAction(e -> navigate.accept(target));
        return b;
    }

    /** The amount axis in the console's locale ("400.000" in Germany), like every amount beside it. */
    public static StringConverter<Number> axisLabels(Locale locale) {
        NumberFormat f = NumberFormat.getIntegerInstance(locale);
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : f.format(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                try {
                    return s == null || s.isBlank() ? null : f.parse(s.strip());
                } catch (ParseException e) {
                    return null;
                }
            }
        };
    }
}
