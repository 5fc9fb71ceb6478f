package dev.stagedesk.invoice;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Display;
import dev.stagedesk.payment.PaymentQuery;
import dev.stagedesk.payment.PaymentRow;
import dev.stagedesk.payment.ReceivablesQuery;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.ui.PagedTable;
import dev.stagedesk.ui.SaveDialog;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The payments ledger and the invoices, each in its own tab. */
public final class InvoicesPaymentsScreen implements Screen {
    private final VBox root;
    private final PagedTable<PaymentRow> payments;
    private final PagedTable<InvoiceRow> invoices;

    private final PagedTable<ReceivablesQuery.Row> receivables;
    private final CheckBox overdueOnly = new CheckBox(tr("receivables.overdueOnly"));
    private final Label message = new Label();
    private final Supplier<LocalDate> today;
    private final UiContext ui;
    private final DatePicker batchFrom = new DatePicker();
    private final DatePicker batchTo = new DatePicker();
    /** The period the invoices list shows (and "Save PDFs of the period" saves), read by the loading thread. */
    private volatile LocalDate issuedFrom;
    private volatile LocalDate issuedTo;
    private TabPane tabs;
    private Tab receivablesTab;
    /** What the dashboard's overdue tiles open: the receivables, overdue only. */
    public static final String OVERDUE_RECEIVABLES = "overdue-receivables";

    public InvoicesPaymentsScreen(InvoiceQuery invoiceQuery, PaymentQuery paymentQuery,
                                  ReceivablesQuery receivablesQuery, InvoiceDocuments documents,
                                  Supplier<LocalDate> today, UiContext ui) {
        this.today = today;
        this.ui = ui;
        payments = new PagedTable<>(new PagedListViewModel<>(ui.tasks(), 100, r -> paymentQuery.page(ui.actor(), r), ui.errors()),
                "payments");
        payments.column(tr("payment.received"), "received", r -> Format.date(r.receivedOn()), 140);
        payments.column(tr("payment.booking"), "booking", PaymentRow::bookingNumber, 130);
        payments.column(tr("payment.kind"), "kind", r -> Display.label(Display.CodeSet.PaymentKind, r.kind()), 100);
        payments.numberColumn(tr("payment.amount"), "amount", r -> Format.money(r.amountMinor(), r.currency()), 140);
        payments.column(tr("payment.method"), "method", r -> Display.label(Display.CodeSet.PaymentMethod, r.method()), 130);
        payments.column(tr("payment.reference"), "reference", r -> Format.text(r.reference()), 160);

        invoices = new PagedTable<>(new PagedListViewModel<>(ui.tasks(), 100, r -> invoiceQuery.page(ui.actor(), r, issuedFrom, issuedTo), ui.errors()),
                "invoices");
        invoices.column(tr("invoice.number"), "number", r -> Format.text(r.number()), 130);
        invoices.column(tr("invoice.kind"), "kind", r -> Display.label(r.kind()), 100);
        invoices.column(tr("invoice.status"), "status", r -> Display.label(r.status()), 90);

        invoices.column(tr("invoice.billTo"), "client", InvoiceRow::billTo, 220);
        invoices.column(tr("invoice.issued"), "issued", r -> Format.date(r.issueDate()), 130);
        invoices.column(tr("invoice.due"), "due", r -> Format.date(r.dueDate()), 130);
        invoices.numberColumn(tr("invoice.total"), "total", r -> Format.money(r.totalMinor(), r.currency()), 140);
        invoices.table().setPlaceholder(new Label(tr("invoices.none")));
        payments.enableExport(ui, tr("invoicesPayments.payments"), "payments");
        invoices.enableExport(ui, tr("invoicesPayments.invoices"), "invoices");

        receivables = new PagedTable<>(new PagedListViewModel<>(ui.tasks(), 100,
                r -> receivablesQuery.page(ui.actor(), r, overdueOnly.isSelected(), today.get()), ui.errors()), "receivables");
        receivables.column(tr("payment.booking"), "booking", ReceivablesQuery.Row::number, 130);
        receivables.column(tr("invoice.billTo"), "client", ReceivablesQuery.Row::client, 200);
        receivables.column(tr("receivables.event"), "event", r -> Format.dateTime(r.startsAt(), r.timeZone()), 150);
        receivables.numberColumn(tr("invoice.total"), "total", r -> Format.money(r.totalMinor(), r.currency()), 120);
        receivables.numberColumn(tr("receivables.open"), null, r -> Format.money(r.totalMinor() - r.paidMinor(), r.currency()), 120);
        receivables.column(tr("receivables.depositDue"), null, r -> Format.date(r.depositDueOn()), 110);
        receivables.column(tr("receivables.balanceDue"), "due", r -> Format.date(r.balanceDueOn()), 110);
        receivables.column(tr("receivables.state"), null, r -> Display.label(r.state()), 130);
        overdueOnly.setId("receivablesOverdue");
        overdueOnly.setSelected(true);
        overdueOnly.selectedProperty().addListener((o, a, b) -> receivables.viewModel().firstPage());
        receivables.addTools(overdueOnly);
        receivables.enableExport(ui, tr("invoicesPayments.receivables"), "receivables");
        receivables.table().setPlaceholder(new Label(tr("receivables.none")));

        Button pdf = new Button(tr("money.savePdf"));
        pdf.setId("invoicesSavePdf");
        pdf.disableProperty().bind(invoices.table().getSelectionModel().selectedItemProperty().isNull());
        pdf.setOnAction(e -> {
            InvoiceRow r = invoices.table().getSelectionModel().getSelectedItem();
            ui.saveDialog().ask(root(), tr("money.savePdf"), InvoiceDocuments.fileName(r.number(), r.id()), "pdf")
                    .ifPresent(file -> ui.tasks().run(() -> {
                        documents.save(ui.actor(), r.id(), file);
                        return file;
                    }, f -> message.setText(tr("quote.pdfSaved", f.getFileName())), ui.errors()));
        });
        batchFrom.setId("batchFrom");
        batchTo.setId("batchTo");
        batchFrom.valueProperty().addListener((o, a, b) -> {
            issuedFrom = b;
            invoices.viewModel().firstPage();
        });
        batchTo.valueProperty().addListener((o, a, b) -> {
            issuedTo = b;
            invoices.viewModel().firstPage();
        });
        Button batch = new Button(tr("invoices.batch"));
        batch.setId("invoicesBatch");
        batch.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(tr("invoices.batch"));
            File dir = ui.saveDialog() == SaveDialog.SYSTEM
                    ? chooser.showDialog(root().getScene() == null ? null : root().getScene().getWindow())
                    : ui.saveDialog().ask(root(), tr("invoices.batch"), "invoices", "").map(Path::toFile).orElse(null);
            if (dir != null) {
                ui.tasks().run(() -> documents.batch(ui.actor(), batchFrom.getValue(), batchTo.getValue(), dir.toPath()),
                        n -> message.setText(tr("cli.invoice.batchDone", n, dir)), ui.errors());
            }
        });
        message.setId("invoicesMessage");
        message.getStyleClass().add(Styles.MUTED);
        Styles.fitMessage(message);
        invoices.addTools(pdf);
        // the period on a row of its own, which wraps: in the toolbar it pushed the pager out of a 1280 px window
        invoices.addFilters(new Label(tr("invoices.batchFrom")), batchFrom, new Label(tr("report.to")), batchTo, batch);
        invoices.setBottom(new VBox(4, invoices.getBottom(), message));

        receivablesTab = new Tab(tr("invoicesPayments.receivables"), receivables);
        receivablesTab.setId("receivablesTab");
        Tab paymentsTab = new Tab(tr("invoicesPayments.payments"), payments);
        paymentsTab.setId("paymentsTab");
        Tab invoicesTab = new Tab(tr("invoicesPayments.invoices"), invoices);
        invoicesTab.setId("invoicesTab");
        tabs = new TabPane(receivablesTab, paymentsTab, invoicesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.invoicesPayments"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
    }

    private Node root() {
        return root == null ? invoices : root;
    }

    @Override
    public Node node() {
        return root;
    }

    /** Opens the receivables overdue only (the dashboard's overdue tiles). */
    @Override
    public boolean open(String entity, UUID id) {
        if (!OVERDUE_RECEIVABLES.equals(entity)) {
            return false;
        }
        tabs.getSelectionModel().select(receivablesTab);
        if (overdueOnly.isSelected()) {
            receivables.viewModel().firstPage();
        } else {
            overdueOnly.setSelected(true);
        }
        return true;
    }

    @Override
    public void activate() {
        if (batchTo.getValue() == null) { // the agency's today is read from the store: not on the FX thread
            ui.tasks().run(today::get, d -> {
                batchTo.setValue(d);
                batchFrom.setValue(d.withDayOfMonth(1));
            }, ui.errors());
        }
        receivables.viewModel().reload();
        payments.viewModel().reload();
        invoices.viewModel().reload();
    }
}
