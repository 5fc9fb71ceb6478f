package dev.stagedesk.expense;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.Validator;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;

/** Performers' personal expenses and the agency's overhead, each in its own tab. */
public final class ExpensesScreen implements Screen {
    private final VBox root;
    private final PagedTable<ExpenseRow> performerTable;
    private final PagedTable<ExpenseRow> overheadTable;
    private final boolean canSeeOverhead;

    private final ExpenseService service;
    private final PerformerQuery performers;
    private final UiContext ui;
    private final String currency;
    private final Clock clock;
    private final Label message = new Label();

    public ExpensesScreen(ExpenseQuery query, ExpenseService service, PerformerQuery performers,
                          String currency, Clock clock, UiContext ui) {
        this.service = service;
        this.performers = performers;
        this.ui = ui;
        this.currency = currency;
        this.clock = clock;
        performerTable = table(new PagedListViewModel<>(ui.tasks(), 100, r -> query.performerExpenses(ui.actor(), r), ui.errors()),
                "performerExpenses", tr("expense.performer"));
        overheadTable = table(new PagedListViewModel<>(ui.tasks(), 100, r -> query.overheadExpenses(ui.actor(), r),
                ui.errors()), "overheadExpenses", tr("expense.vendor"));
        message.setId("expensesMessage");
        HBox performerTools = new HBox(8);
        if (ui.actor().can(Permission.EXPENSES_LOG)) {
            performerTools.getChildren().add(button("logExpense", tr("expense.log"), this::openLog));
        }
        HBox overheadTools = new HBox(8);
        if (ui.actor().can(Permission.OVERHEAD_EDIT)) {
            overheadTools.getChildren().addAll(button("recordOverhead", tr("expense.recordOverhead"), this::openOverhead),
                    button("addRecurring", tr("expense.addRecurring"), this::openRecurring));
        }
        VBox performerBox = new VBox(8, performerTools, performerTable);
        VBox.setVgrow(performerTable, Priority.ALWAYS);
        VBox overheadBox = new VBox(8, overheadTools, overheadTable);
        VBox.setVgrow(overheadTable, Priority.ALWAYS);
        Tab performer = new Tab(tr("expenses.performer"), performerBox);
        performer.setId("performerExpensesTab");
        Tab overhead = new Tab(tr("expenses.overhead"), overheadBox);
        overhead.setId("overheadExpensesTab");
        canSeeOverhead = ui.actor().can(Permission.OVERHEAD_VIEW);
        TabPane tabs = canSeeOverhead ? new TabPane(performer, overhead) : new TabPane(performer);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.expenses"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(10, heading, message, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    private PagedTable<ExpenseRow> table(PagedListViewModel<ExpenseRow> vm, String id, String whoTitle) {
        PagedTable<ExpenseRow> t = new PagedTable<>(vm, id);
        if (ui.actor().can(Permission.DATA_EXPORT)) {
            t.enableExport(ui, whoTitle, id);
        }
        t.column(whoTitle, "who", ExpenseRow::who, 220);
        t.column(tr("expense.category"), "category", ExpenseRow::category, 120);
        t.column(tr("expense.description"), null, r -> Format.text(r.description()), 220);
        t.numberColumn(tr("expense.amount"), "amount", r -> Format.money(r.amountMinor(), r.currency()), 130);
        t.column(tr("expense.date"), "date", r -> Format.date(r.spentOn()), 130);
        return t;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void done(String text) {
        message.setText(text);
        activate();
    }

    /** A receipt chosen beside a form; cleared with a second click. */
    private Button receiptButton(AtomicReference<Path> chosen) {
        Button b = new Button(tr("expense.chooseReceipt"));
        b.setId("expenseReceipt");
        b.setOnAction(e -> {
            if (chosen.get() != null) {
                chosen.set(null);
                b.setText(tr("expense.chooseReceipt"));
                return;
            }
            ui.openDialog().ask(root, tr("expense.chooseReceipt")).ifPresent(file -> {
                chosen.set(file);
                b.setText(file.getFileName().toString() + " ✕");
            });
        });
        return b;
    }

    private void openLog() {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        var who = grid.add(tr("expense.performer"), "performer",
                new SearchableComboBox<PerformerChoice>());
        who.setId("expensePerformer");
        who.setMaxWidth(Double.MAX_VALUE);
        if (ui.actor().can(Permission.EXPENSES_VIEW_ALL)) {
            ui.tasks().run(() -> performers.choices(ui.actor(), 10_000), who.getItems()::setAll, ui.errors());
        } else if (ui.actor().performerId() != null) {
            who.getItems().setAll(new PerformerChoice(ui.actor().performerId(),
                    ui.actor().username(), null));
            who.setValue(who.getItems().get(0));
        }
        var category = grid.add(tr("expense.category"), "category", new ComboBox<String>());
        category.setId("expenseCategory");
        category.setEditable(true);
        category.getItems().setAll(tr("expense.category.travel"), tr("expense.category.equipment"),
                tr("expense.category.accommodation"), tr("expense.category.other"));
        var description = grid.add(tr("expense.description"), "description", new TextField());
        description.setId("expenseDescription");
        var amount = grid.add(tr("expense.amount") + " (" + currency + ")", "amount", new TextField());
        amount.setId("expenseAmount");
        var date = grid.add(tr("expense.date"), "spentOn", new DateField(LocalDate.now(clock)));
        date.setId("expenseDate");
        var receipt = new AtomicReference<Path>();
        grid.add(tr("expense.receipt"), "file", receiptButton(receipt)).setId("expenseReceipt");
        FormDialog.show(root, tr("expense.log"), grid, state, close -> {
            Validator v = new Validator();
            Long minor = MoneyParse.requiredMoney("amount", amount.getText(), currency, ui.amounts(), v);
            if (who.getValue() == null) {
                v.add(new FieldError("performer", tr("assignment.unknownPerformer")));
            }
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            String cat = category.getEditor().getText();
            state.submit(() -> service.log(ui.actor(), new ExpenseService.PerformerExpenseDraft(who.getValue().id(),
                    null, cat, description.getText(), minor, currency, date.getValue()), receipt.get()), id -> {
                close.run();
                done(tr("expense.logged", who.getValue().stageName()));
            });
        });
    }

    private ComboBox<String> method(FormGrid grid) {
        var method = grid.add(tr("payout.method"), "method", new ComboBox<String>());
        method.setId("expenseMethod");
        method.getItems().setAll(ExpenseService.METHODS.split(";"));
        CodeLabels.on(method, Display.CodeSet.PaymentMethod);
        method.setValue("BANK_TRANSFER");
        return method;
    }

    private void openOverhead() {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        var category = grid.add(tr("expense.category"), "category", new TextField());
        category.setId("overheadCategory");
        var vendor = grid.add(tr("expense.vendor"), "vendor", new TextField());
        vendor.setId("overheadVendor");
        var description = grid.add(tr("expense.description"), "description", new TextField());
        var amount = grid.add(tr("expense.amount") + " (" + currency + ")", "amount", new TextField());
        amount.setId("overheadAmount");
        var method = method(grid);
        var date = grid.add(tr("expense.date"), "spentOn", new DateField(LocalDate.now(clock)));
        var receipt = new AtomicReference<Path>();
        grid.add(tr("expense.receipt"), "file", receiptButton(receipt)).setId("expenseReceipt");
        FormDialog.show(root, tr("expense.recordOverhead"), grid, state, close -> {
            Validator v = new Validator();
            Long minor = MoneyParse.requiredMoney("amount", amount.getText(), currency, ui.amounts(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> service.recordOverhead(ui.actor(), new ExpenseService.OverheadDraft(category.getText(),
                    vendor.getText(), description.getText(), minor, currency, method.getValue(),
                    date.getValue()), receipt.get()), id -> {
                close.run();
                done(tr("expense.recorded", vendor.getText().strip()));
            });
        });
    }

    private void openRecurring() {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        var category = grid.add(tr("expense.category"), "category", new TextField());
        var vendor = grid.add(tr("expense.vendor"), "vendor", new TextField());
        var amount = grid.add(tr("expense.amount") + " (" + currency + ")", "amount", new TextField());
        var method = method(grid);
        var day = grid.add(tr("expense.dayOfMonthLabel"), "dayOfMonth", new Spinner<Integer>(1, 28, 1));
        var starts = grid.add(tr("statement.from"), "startsOn", new DateField(LocalDate.now(clock)));
        var ends = grid.add(tr("expense.until"), "endsOn", new DateField());
        FormDialog.show(root, tr("expense.addRecurring"), grid, state, close -> {
            Validator v = new Validator();
            Long minor = MoneyParse.requiredMoney("amount", amount.getText(), currency, ui.amounts(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> {
                service.addRecurring(ui.actor(), new ExpenseService.AddRecurringExpense(category.getText(),
                        vendor.getText(), minor, currency, method.getValue(), day.getValue(),
                        starts.getValue(), ends.getValue()));
                return service.generateDue(ui.actor(), LocalDate.now(clock));
            }, n -> {
                close.run();
                done(tr("expense.recurringAdded", n));
            });
        });
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        performerTable.viewModel().reload();
        if (canSeeOverhead) {
            overheadTable.viewModel().reload();
        }
    }
}
