package dev.stagedesk.payout;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.common.Display;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.Clock;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
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
 * What was read and the commands live in {@link PayoutsViewModel}; this class lays out the tree and the sheets.
 */
public final class PayoutsScreen implements Screen {
    public record Deps(PayoutQuery query, AssignmentService assignments, PerformerStatements statements,
                       PerformerQuery performers, Clock clock) {
    }

    private final UiContext ui;
    private final PayoutsViewModel model;
    private final VBox root;
    private final TreeTableView<PayoutsViewModel.Line> tree = new TreeTableView<>();
    private final ListScreen<PayoutRow> all;

    public PayoutsScreen(Deps deps, UiContext ui) {
        this.ui = ui;
        this.model = new PayoutsViewModel(new PayoutsViewModel.Deps(deps.query(), deps.assignments(),
                deps.statements(), deps.performers(), deps.clock()), ui.actor(), ui.tasks(), ui.errors());
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
        tree.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TreeItem<PayoutsViewModel.Line>>)
                c -> model.selected().setAll(tree.getSelectionModel().getSelectedItems().stream()
                        .filter(i -> i != null && i.getValue() != null).map(TreeItem::getValue).toList()));
        model.groups().addListener((ListChangeListener<PayoutQuery.OutstandingGroup>) c -> showGroups());
        Label message = new Label();
        message.setId("outstandingMessage"); // the All payouts list has its own payoutsMessage
        message.textProperty().bind(model.messageProperty());
        Styles.fitMessage(message);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Label totals = new Label();
        totals.setId("outstandingTotals");
        totals.textProperty().bind(model.totalsProperty());
        totals.setWrapText(true);
        totals.managedProperty().bind(totals.textProperty().isNotEmpty());
        totals.visibleProperty().bind(totals.managedProperty());
        HBox tools = new HBox(8);
        tools.setAlignment(Pos.CENTER_LEFT);
        if (model.canMarkPaid()) {
            Button paid = new Button(tr("payout.markPaid"));
            paid.setId("markOutstandingPaid");
            paid.disableProperty().bind(model.markPaidEnabled().not());
            paid.setOnAction(e -> markPaid());
            tools.getChildren().add(paid);
        }
        Button statement = new Button(tr("statement.open"));
        statement.setId("openStatement");
        statement.setOnAction(e -> openStatement());
        tools.getChildren().add(statement);
        VBox outstanding = new VBox(8, tools, totals, message, tree); // the messages wrap on their own lines
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

    private void column(String title, Function<PayoutsViewModel.Line, String> value, double width) {
        TreeTableColumn<PayoutsViewModel.Line, String> c = new TreeTableColumn<>(title);
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
        model.load();
        all.activate();
    }

    /** The groups as read, each opening to its gigs (read when opened). */
    private void showGroups() {
        TreeItem<PayoutsViewModel.Line> top = new TreeItem<>();
        for (PayoutQuery.OutstandingGroup g : model.groups()) {
            TreeItem<PayoutsViewModel.Line> item = new TreeItem<>(new PayoutsViewModel.Line(g, null));
            item.getChildren().add(new TreeItem<>()); // the gigs are read when it is opened
            item.expandedProperty().addListener((o, was, open) -> {
                if (open && item.getChildren().size() == 1 && item.getChildren().get(0).getValue() == null) {
                    model.gigs(g, rows -> item.getChildren().setAll(rows.stream()
                            .map(r -> new TreeItem<>(new PayoutsViewModel.Line(null, r))).toList()));
                }
            });
            top.getChildren().add(item);
        }
        tree.setRoot(top);
    }

    /** "Gala · Acme Events (BK-2026-0042, Lead)". */
    static String gigText(PayoutRow r) {
        String what = r.client() == null ? Format.text(r.event()) : tr("payout.gigLine", Format.text(r.event()), r.client());
        return r.role() == null || r.role().isBlank() ? tr("payout.gigNumber", what, r.bookingNumber())
                : tr("payout.gigNumberRole", what, r.bookingNumber(), r.role());
    }

    /** The chosen gigs, and every gig of a chosen performer, paid together: date, method, reference; all or none. */
    private void markPaid() {
        model.chosenPayouts(ids -> {
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            DatePicker paidOn = grid.add(tr("payout.paidOn"), "paidOn", new DateField(model.today()));
            paidOn.setId("payoutPaidOn");
            ComboBox<String> method = grid.add(tr("payout.method"), "method", new ComboBox<>());
            method.setId("payoutMethod");
            method.getItems().setAll(AssignmentService.PAYOUT_METHODS.split(";"));
            CodeLabels.on(method, Display.CodeSet.PaymentMethod);
            method.setValue("BANK_TRANSFER");
            TextField reference = grid.add(tr("payout.reference"), "reference", new TextField());
            reference.setId("payoutReference");
            FormDialog.show(root, tr("payout.markPaidTitle", ids.size()), grid, state, close -> model.markPaid(state,
                    ids, paidOn.getValue(), method.getValue(), reference.getText(), close));
        });
    }

    private void openStatement() {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        SearchableComboBox<PerformerChoice> who = grid.add(tr("payout.performer"), "performer",
                new SearchableComboBox<>());
        who.setId("statementPerformer");
        who.setMaxWidth(Double.MAX_VALUE);
        PayoutsViewModel.Period period = model.lastMonth();
        DatePicker from = grid.add(tr("statement.from"), "from", new DateField(period.from()));
        from.setId("statementFrom");
        DatePicker to = grid.add(tr("statement.to"), "to", new DateField(period.to()));
        to.setId("statementTo");
        ComboBox<String> format = grid.add(tr("statement.format"), "format", new ComboBox<>());
        format.setId("statementFormat");
        format.getItems().setAll("PDF", "CSV");
        format.setValue("PDF");
        model.statementPerformers(choices -> {
            who.getItems().setAll(choices);
            if (!model.seesAll() && choices.size() == 1) {
                who.setValue(choices.get(0)); // a performer: their own
            }
        });
        FormDialog.show(root, tr("statement.title"), grid, state, close -> {
            boolean pdf = format.getValue().equals("PDF");
            model.statement(state, who.getValue(), from.getValue(), to.getValue(), s -> {
                close.run();
                ui.saveDialog().ask(root, tr("statement.title"), PayoutsViewModel.fileName(s, pdf), pdf ? "pdf" : "csv")
                        .ifPresent(file -> model.save(s, pdf, file));
            });
        });
    }
}
