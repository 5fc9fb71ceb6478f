package dev.stagedesk.invoice;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.payment.PaymentQuery;
import dev.stagedesk.payment.PaymentRow;
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
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The payments ledger and the invoices, each in its own tab. */
public final class InvoicesPaymentsScreen implements Screen {
    private final VBox root;
    private final PagedTable<PaymentRow> payments;
    private final PagedTable<InvoiceRow> invoices;

    public InvoicesPaymentsScreen(InvoiceQuery invoiceQuery, PaymentQuery paymentQuery, UiContext ui) {
        payments = new PagedTable<>(new PagedListViewModel<>(ui.tasks(), 100, r -> paymentQuery.page(ui.actor(), r), ui.errors()),
                "payments");
        payments.column(tr("payment.received"), "received", r -> Format.date(r.receivedOn()), 140);
        payments.column(tr("payment.booking"), "booking", PaymentRow::bookingNumber, 130);
        payments.column(tr("payment.kind"), "kind", r -> Format.enumLabel(r.kind()), 100);
        payments.numberColumn(tr("payment.amount"), "amount", r -> Format.money(r.amountMinor(), r.currency()), 140);
        payments.column(tr("payment.method"), "method", r -> Format.enumLabel(r.method()), 130);
        payments.column(tr("payment.reference"), "reference", r -> Format.text(r.reference()), 160);

        invoices = new PagedTable<>(new PagedListViewModel<>(ui.tasks(), 100, r -> invoiceQuery.page(ui.actor(), r), ui.errors()),
                "invoices");
        invoices.column(tr("invoice.number"), "number", r -> Format.text(r.number()), 130);
        invoices.column(tr("invoice.kind"), "kind", r -> Format.enumLabel(r.kind()), 100);
        invoices.column(tr("invoice.status"), "status", r -> Format.enumLabel(r.status()), 90);
        invoices.column(tr("invoice.billTo"), "client", InvoiceRow::billTo, 220);
        invoices.column(tr("invoice.issued"), "issued", r -> Format.date(r.issueDate()), 130);
        invoices.column(tr("invoice.due"), "due", r -> Format.date(r.dueDate()), 130);
        invoices.numberColumn(tr("invoice.total"), "total", r -> Format.money(r.totalMinor(), r.currency()), 140);
        invoices.table().setPlaceholder(new Label(tr("invoices.none")));

        Tab paymentsTab = new Tab(tr("invoicesPayments.payments"), payments);
        paymentsTab.setId("paymentsTab");
        Tab invoicesTab = new Tab(tr("invoicesPayments.invoices"), invoices);
        invoicesTab.setId("invoicesTab");
        TabPane tabs = new TabPane(paymentsTab, invoicesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.invoicesPayments"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        payments.viewModel().reload();
        invoices.viewModel().reload();
    }
}
