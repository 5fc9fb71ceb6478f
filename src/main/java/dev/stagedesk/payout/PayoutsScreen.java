package dev.stagedesk.payout;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.AssignmentForms;
import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/**
 * Payouts: what is owed to each performer (unpaid gigs that have started, grouped by performer with the sum,
 * opened to the gigs; mark one or many paid in one go), every payout as a list, and a performer's statement.
 */
public final class PayoutsScreen implements Screen {
    /** A row of the outstanding tree: a performer's group, or one of their gigs. */
    record Line(PayoutQuery.OutstandingGroup group, PayoutRow gig) {
    }

    public record Deps(PayoutQuery query, AssignmentService assignments, PerformerStatements statements,
                       PerformerQuery performers, Clock clock) {
    }

    private final Deps deps;
    private final UiContext ui;
    private final VBox root;
    private final TreeTableView<Line> tree = new TreeTableView<>();
    private final Label message = new Label();
    private final ListScreen<PayoutRow> all;

    public PayoutsScreen(Deps deps, UiContext ui) {
        this.deps = deps;
        this.ui = ui;
        tree.setId("outstandingPayouts");
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setPlaceholder(new Label(tr("payout.nothingOwed")));
        // a gig reads as what people know it by: "Gala · Acme Events (BK-2026-0042, Lead)"
        column(tr("payout.performer"), l -> l.group() != null ? l.group().performer() : gigText(l.gig()), 320);
        column(tr("payout.date"), l -> l.gig() == null ? tr("payout.gigs", l.group().gigs())
                : Format.dateTime(l.gig().gigStart(), l.gig().timeZone()), 200);
        column(tr("payout.amount"), l -> l.group() != null ? Format.money(l.group().totalMinor(), l.group().currency())
                : Format.money(l.gig().payoutMinor(), l.gig().currency()), 140);
        message.setId("outstandingMessage"); // the All payouts list has its own payoutsMessage
        Styles.fitMessage(message);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        HBox tools = new HBox(8);
        tools.setAlignment(Pos.CENTER_LEFT);
        if (ui.actor().can(Permission.PAYOUTS_EDIT)) {
            Button paid = new Button(tr("payout.markPaid"));
            paid.setId("markOutstandingPaid");
            paid.disableProperty().bind(Bindings.isEmpty(tree.getSelectionModel().getSelectedItems()));
            paid.setOnAction(e -> markPaid());
            tools.getChildren().add(paid);
        }
        Button statement = new Button(tr("statement.open"));
        statement.setId("openStatement");
        statement.setOnAction(e -> openStatement());
        tools.getChildren().add(statement);
        VBox outstanding = new VBox(8, tools, message, tree); // the message wraps on its own line
        VBox.setVgrow(tree, Priority.ALWAYS);
        Tab owed = new Tab(tr("payout.outstanding"), outstanding);
        owed.setId("outstandingTab");
        SimpleObjectProperty<PayoutStatus> status = new SimpleObjectProperty<>(PayoutStatus.UNPAID);
        all = new ListScreen<>(tr("payout.all"), "payouts", ui, 100, r -> deps.query().page(ui.actor(), r, status.get()));
        var t = all.table();
        t.column(tr("payout.performer"), "performer", PayoutRow::performer, 220);
        t.column(tr("payout.event"), null, r -> Format.text(r.event()), 180);
        t.column(tr("payout.client"), null, r -> Format.text(r.client()), 160);
        t.column(tr("payout.booking"), "booking", PayoutRow::bookingNumber, 130);
        t.column(tr("payout.date"), "date", r -> Format.dateTime(r.gigStart(), r.timeZone()), 180);
        t.column(tr("payout.role"), null, PayoutRow::role, 90);
        t.numberColumn(tr("payout.amount"), "payout", r -> Format.money(r.payoutMinor(), r.currency()), 130);
        t.numberColumn(tr("payout.commission"), null, r -> Format.percent(r.commissionBp()), 100);
        t.column(tr("payout.status"), "status", r -> Display.label(r.status()), 80);
        t.column(tr("payout.paidOn"), "paidOn", r -> Format.date(r.paidOn()), 130);
        all.choiceFilter("payoutsStatus", PayoutStatus.class, status);

        Tab every = new Tab(tr("payout.all"), all.node());
        every.setId("allPayoutsTab");
        TabPane tabs = new TabPane(owed, every);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.payouts"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getStyleClass().add(Styles.SCREEN);
    }

    private void column(String title, Function<Line, String> value, double width) {
        TreeTableColumn<Line, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? ""
                : value.apply(p.getValue().getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        tree.getColumns().add(c);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        reload();
        all.activate();
    }

    private void reload() {
        ui.tasks().run(() -> deps.query().outstandingByPerformer(ui.actor(), deps.clock().instant()), groups -> {
            TreeItem<Line> top = new TreeItem<>();
            for (PayoutQuery.OutstandingGroup g : groups) {
                TreeItem<Line> item = new TreeItem<>(new Line(g, null));
                item.getChildren().add(new TreeItem<>()); // the gigs are read when it is opened
                item.expandedProperty().addListener((o, was, open) -> {
                    if (open && item.getChildren().size() == 1 && item.getChildren().get(0).getValue() == null) {
                        ui.tasks().run(() -> gigs(g), rows -> item.getChildren().setAll(rows.stream()
                                .map(r -> new TreeItem<>(new Line(null, r))).toList()), ui.errors());
                    }
                });
                top.getChildren().add(item);
            }
            tree.setRoot(top);
        }, ui.errors());
    }

    /** "Gala · Acme Events (BK-2026-0042, Lead)". */
    static String gigText(PayoutRow r) {
        String what = r.client() == null ? Format.text(r.event()) : tr("payout.gigLine", Format.text(r.event()), r.client());
        return r.role() == null || r.role().isBlank() ? tr("payout.gigNumber", what, r.bookingNumber())
                : tr("payout.gigNumberRole", what, r.bookingNumber(), r.role());
    }

    private List<PayoutRow> gigs(PayoutQuery.OutstandingGroup g) {
        return deps.query().outstandingGigs(ui.actor(), g.performerId(), g.currency(), deps.clock().instant());
    }

    /** The chosen gigs, and every gig of a chosen performer, paid together. */
    private void markPaid() {
        List<Line> chosen = tree.getSelectionModel().getSelectedItems().stream().filter(i -> i != null
                && i.getValue() != null).map(TreeItem::getValue).toList();
        ui.tasks().run(() -> {
            List<UUID> ids = new ArrayList<>();
            for (Line l : chosen) {
                if (l.gig() != null) {
                    ids.add(l.gig().id());
                } else {
                    gigs(l.group()).forEach(r -> ids.add(r.id()));
                }
            }
            return ids.stream().distinct().toList();
        }, ids -> {
            FormState state = new FormState(ui.tasks(), ui.errors());
            AssignmentForms.openMarkPaid(root, ui, deps.assignments(), LocalDate.now(deps.clock()), ids, state,
                    new FormGrid(state), n -> {
                        message.setText(tr("payout.markedPaid", n));
                        reload();
                    });
        }, ui.errors());
    }

    private void openStatement() {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        SearchableComboBox<PerformerChoice> who = grid.add(tr("payout.performer"), "performer",
                new SearchableComboBox<>());
        who.setId("statementPerformer");
        who.setMaxWidth(Double.MAX_VALUE);
        LocalDate today = LocalDate.now(deps.clock());
        DatePicker from = grid.add(tr("statement.from"), "from", new DateField(today.withDayOfMonth(1).minusMonths(1)));
        from.setId("statementFrom");
        DatePicker to = grid.add(tr("statement.to"), "to", new DateField(today.withDayOfMonth(1).minusDays(1)));
        to.setId("statementTo");
        ComboBox<String> format = grid.add(tr("statement.format"), "format", new ComboBox<>());
        format.setId("statementFormat");
        format.getItems().setAll("PDF", "CSV");
        format.setValue("PDF");
        if (ui.actor().can(Permission.PAYOUTS_VIEW_ALL)) {
            ui.tasks().run(() -> deps.performers().choices(ui.actor(), 10_000), who.getItems()::setAll, ui.errors());
        } else if (ui.actor().performerId() != null) {
            who.getItems().setAll(new PerformerChoice(ui.actor().performerId(), ui.actor().username(), null));
            who.setValue(who.getItems().get(0));
        }
        FormDialog.show(root, tr("statement.title"), grid, state, close -> {
            if (who.getValue() == null) {
                state.show(List.of(new FieldError("performer", tr("assignment.unknownPerformer"))));
                return;
            }
            boolean pdf = format.getValue().equals("PDF");
            state.submit(() -> deps.statements().statement(ui.actor(), who.getValue().id(), from.getValue(),
                    to.getValue()), s -> {
                close.run();
                String name = "statement-" + s.performer().replaceAll("[^\\p{L}\\p{N}]+", "-") + "-" + s.from() + "-"
                        + s.to() + (pdf ? ".pdf" : ".csv");
                ui.saveDialog().ask(root, tr("statement.title"), name, pdf ? "pdf" : "csv").ifPresent(file ->
                        ui.tasks().run(() -> {
                            if (pdf) {
                                try (OutputStream o = Files.newOutputStream(file)) {
                                    deps.statements().writePdf(s, o);
                                }
                            } else {
                                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                                    PerformerStatements.writeCsv(s, w);
                                }
                            }
                            return file;
                        }, f -> message.setText(tr("statement.saved", f.getFileName())), ui.errors()));
            });
        });
    }
}
