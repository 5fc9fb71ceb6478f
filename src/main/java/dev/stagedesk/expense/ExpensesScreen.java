package dev.stagedesk.expense;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

/** Performers' personal expenses and the agency's overhead, each in its own tab. */
public final class ExpensesScreen implements Screen {
    private final VBox root;
    private final PagedTable<ExpenseRow> performerTable;
    private final PagedTable<ExpenseRow> overheadTable;
    private final boolean canSeeOverhead;

    public ExpensesScreen(ExpenseQuery query, UiContext ui) {
        performerTable = table(new PagedListViewModel<>(ui.tasks(), 100, r -> query.performerExpenses(ui.actor(), r), ui.errors()),
                "performerExpenses", tr("expense.performer"));
        overheadTable = table(new PagedListViewModel<>(ui.tasks(), 100, r -> query.overheadExpenses(ui.actor(), r),
                ui.errors()), "overheadExpenses", tr("expense.vendor"));
        Tab performer = new Tab(tr("expenses.performer"), performerTable);
        performer.setId("performerExpensesTab");
        Tab overhead = new Tab(tr("expenses.overhead"), overheadTable);
        overhead.setId("overheadExpensesTab");
        canSeeOverhead = ui.actor().can(Permission.OVERHEAD_VIEW);
        TabPane tabs = canSeeOverhead ? new TabPane(performer, overhead) : new TabPane(performer);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.expenses"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, javafx.scene.layout.Priority.ALWAYS);
    }

    private static PagedTable<ExpenseRow> table(PagedListViewModel<ExpenseRow> vm, String id, String whoTitle) {
        PagedTable<ExpenseRow> t = new PagedTable<>(vm, id);
        t.column(whoTitle, "who", ExpenseRow::who, 220);
        t.column(tr("expense.category"), "category", ExpenseRow::category, 120);
        t.column(tr("expense.description"), null, r -> Format.text(r.description()), 220);
        t.numberColumn(tr("expense.amount"), "amount", r -> Format.money(r.amountMinor(), r.currency()), 130);
        t.column(tr("expense.date"), "date", r -> Format.date(r.spentOn()), 130);
        return t;
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
