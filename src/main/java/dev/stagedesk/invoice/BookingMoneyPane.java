package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceKind;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.payment.BookingMoney;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.PaymentTerms;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A booking's money in its Payments tab: the terms and the state they make (deposit due or overdue, balance
 * overdue, paid, overpaid), the ledger with Record payment and Reverse, and its invoices with Issue deposit /
 * final invoice, Save PDF, Mark sent and Credit note. Every button runs one command; the tab reloads after.
 * What was loaded and the commands live in {@link BookingMoneyViewModel}; this class lays out the controls.
 */
public final class BookingMoneyPane extends VBox {
    /**
     * The services the pane works with. {@code load} reads a booking's {@link BookingMoney} for the signed-in user;
     * {@code preview} what an invoice of a kind would bill (both called off the FX thread).
     */
    public record Services(PaymentService payments, InvoiceService invoices, InvoiceDocuments documents,
                           Function<UUID, BookingMoney> load,
                           BiFunction<UUID, InvoiceKind, InvoiceMath.Totals> preview) {
    }

    private final UiContext ui;
    private final BookingMoneyViewModel model;
    private final Label summary = new Label();
    private final Label message = new Label();
    private final TableView<BookingMoney.Entry> ledger = new TableView<>();
    private final TableView<BookingMoney.Invoice> invoices = new TableView<>();

    /** {@code changed} gets what was done, after each change (the booking screen shows it and reloads). */
    public BookingMoneyPane(UUID bookingId, Services services, UiContext ui, Consumer<String> changed) {
        super(8);
        this.ui = ui;
        this.model = new BookingMoneyViewModel(bookingId, services, ui.actor(), ui.tasks(), ui.errors(), ui.amounts(),
                changed);
        summary.setId("moneySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        model.overdueProperty().addListener((o, was, overdue) -> {
            summary.getStyleClass().removeAll(Styles.ALERT);
            if (overdue) {
                summary.getStyleClass().add(Styles.ALERT);
            }
        });
        message.setId("moneyMessage");
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(model.messageProperty());
        Styles.fitMessage(message);
        ledger.setId("ledgerTable");
        ledger.setPlaceholder(new Label(tr("booking.noPayments")));
        ledger.setItems(model.ledger());
        column(ledger, tr("payment.receivedOn"), p -> Format.date(p.receivedOn()), 110);
        column(ledger, tr("payment.kind"), p -> Display.label(Display.CodeSet.PaymentKind, p.kind()) + (p.reversed() ? " · " + tr("money.reversed") : ""), 150);
        column(ledger, tr("payment.amount"), p -> model.money(p.amountMinor()), 130);
        column(ledger, tr("payment.method"), p -> Display.label(Display.CodeSet.PaymentMethod, p.method()), 120);
        column(ledger, tr("payment.reference"), p -> Format.text(p.reference()), 140);
        column(ledger, tr("money.notes"), p -> Format.text(p.notes()), 180);
        invoices.setId("bookingInvoices");
        invoices.setPlaceholder(new Label(tr("money.noInvoices")));
        invoices.setItems(model.invoices());
        column(invoices, tr("invoice.number"), i -> i.number() == null ? tr("invoice.draft") : i.number(), 130);
        column(invoices, tr("invoice.kind"), i -> Display.label(i.kind()), 110);
        column(invoices, tr("invoice.status"), i -> Display.label(i.status()), 90);
        column(invoices, tr("invoice.issued"), i -> Format.date(i.issueDate()), 110);
        column(invoices, tr("invoice.due"), i -> Format.date(i.dueDate()), 110);
        column(invoices, tr("invoice.total"), i -> Format.money(i.totalMinor(), i.currency()), 130);
        ledger.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedPayment.set(b));
        invoices.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedInvoice.set(b));
        ledger.setPrefHeight(170);
        invoices.setPrefHeight(150);
        Label ledgerHeading = new Label(tr("money.ledger"));
        ledgerHeading.getStyleClass().add(Styles.SECTION);
        Label invoiceHeading = new Label(tr("money.invoices"));
        invoiceHeading.getStyleClass().add(Styles.SECTION);
        HBox ledgerTools = new HBox(8,
                button("recordPayment", tr("money.record"), this::openRecord,
                        Bindings.createBooleanBinding(model::canRecord)),
                button("reversePayment", tr("money.reverse"), () -> openReverse(model.selectedPayment.get()),
                        model.canReverse()),
                button("paymentTerms", tr("money.terms"), this::openTerms, model.canEditTerms()));
        HBox invoiceTools = new HBox(8,
                button("issueDeposit", tr("money.issueDeposit"), () -> issue(InvoiceKind.DEPOSIT), model.canIssueDeposit()),
                button("issueFinal", tr("money.issueFinal"), () -> issue(InvoiceKind.FINAL), model.canIssueFinal()),
                button("invoicePdf", tr("money.savePdf"), () -> savePdf(model.selectedInvoice.get()),
                        model.canSavePdf()),
                button("invoiceSent", tr("money.markSent"), () -> model.markSent(model.selectedInvoice.get()),
                        model.canMarkSent()),
                button("creditNote", tr("money.credit"), () -> openCredit(model.selectedInvoice.get()),
                        model.canCredit()));
        ledgerTools.setAlignment(Pos.CENTER_LEFT);
        invoiceTools.setAlignment(Pos.CENTER_LEFT);
        // nothing can be done before the money is read
        ledgerTools.disableProperty().bind(model.moneyProperty().isNull());
        invoiceTools.disableProperty().bind(model.moneyProperty().isNull());
        getChildren().addAll(summary, ledgerHeading, ledgerTools, ledger, invoiceHeading, invoiceTools, invoices,
                message);
        VBox.setVgrow(ledger, Priority.ALWAYS);
        model.load();
    }

    /** The pane's view model (tests). */
    BookingMoneyViewModel model() {
        return model;
    }

    private static <T> void column(TableView<T> t, String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        t.getColumns().add(c);
    }

    /** "now" for a date that has come (a last-minute booking's terms), else the date. */
    static String due(LocalDate on, LocalDate today) {
        return BookingMoneyViewModel.due(on, today);
    }

    private static Button button(String id, String text, Runnable action, BooleanBinding enabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(enabled.not());
        return b;
    }

    private void openRecord() {
        BookingMoney m = model.money();
        BookingMoneyViewModel.PaymentDefaults d = model.paymentDefaults();
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        ComboBox<String> kind = grid.add(tr("payment.kind"), "kind", new ComboBox<>());
        kind.setId("paymentKind");
        kind.getItems().setAll(PaymentService.KINDS);
        CodeLabels.on(kind, Display.CodeSet.PaymentKind);
        kind.setValue(d.kind());
        TextField amount = grid.add(tr("payment.amount") + " (" + m.currency() + ")", "amount",
                new TextField(d.amount()));
        amount.setId("paymentAmount");
        ComboBox<String> method = grid.add(tr("payment.method"), "method", new ComboBox<>());
        method.setId("paymentMethod");
        method.getItems().setAll(PaymentService.METHODS);
        CodeLabels.on(method, Display.CodeSet.PaymentMethod);
        method.setValue(d.method());
        DatePicker on = grid.add(tr("payment.receivedOn"), "receivedOn", new DateField(d.receivedOn()));
        on.setId("paymentDate");
        TextField reference = grid.add(tr("payment.reference"), "reference", new TextField());
        reference.setId("paymentReference");
        TextField rate = null;
        if (d.needsRate()) {
            rate = grid.add(tr("money.rateField", m.currency(), m.baseCurrency()), "exchangeRate",
                    new TextField(d.rate()));
            rate.setId("paymentRate");
        }
        TextField rateField = rate;
        FormDialog.show(this, tr("money.recordTitle", m.number()), grid, state, close -> model.recordPayment(state,
                kind.getValue(), amount.getText(), method.getValue(), on.getValue(), reference.getText(),
                rateField == null ? null : rateField.getText(), close));
    }

    private void openReverse(BookingMoney.Entry entry) {
        if (entry == null) {
            return;
        }
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("money.reason"), "reason", new TextField());
        reason.setId("reverseReason");
        FormDialog.show(this, tr("money.reverseTitle", model.money(entry.amountMinor()), Format.date(entry.receivedOn())),
                grid, state, close -> model.reverse(state, entry, reason.getText(), close));
    }

    private void openTerms() {
        BookingMoney m = model.money();
        BookingMoneyViewModel.TermsDefaults d = model.termsDefaults();
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        ComboBox<String> kind = grid.add(tr("money.depositKind"), "depositKind", new ComboBox<>());
        kind.setId("termsKind");
        kind.getItems().setAll(PaymentTerms.PERCENT, PaymentTerms.AMOUNT);
        CodeLabels.on(kind, Display.CodeSet.DepositKind);
        kind.setValue(d.depositKind());
        TextField value = grid.add(tr("money.depositValue", m.currency()), "depositValue", new TextField(d.depositValue()));
        value.setId("termsValue");
        ComboBox<String> basis = grid.add(tr("money.depositBasis"), "depositDueBasis", new ComboBox<>());
        basis.setId("termsBasis");
        basis.getItems().setAll(PaymentTerms.BASIS_BOOKING, PaymentTerms.BASIS_EVENT);
        CodeLabels.on(basis, Display.CodeSet.DueBasis);
        basis.setValue(d.basis());
        TextField days = grid.add(tr("money.depositDays"), "depositDueDays", new TextField(d.depositDays()));
        days.setId("termsDays");
        TextField balance = grid.add(tr("money.balanceDays"), "balanceDueDaysBefore", new TextField(d.balanceDays()));
        balance.setId("termsBalanceDays");
        TextField rate = !d.needsRate() ? null
                : grid.add(tr("money.rateField", m.currency(), m.baseCurrency()), "exchangeRate", new TextField(d.rate()));
        Runnable[] closeSheet = {() -> { }};
        FormDialog.show(this, tr("money.termsTitle", m.number()), grid, state, close -> {
            closeSheet[0] = close;
            // Reload after a refusal: the sheet again, on the terms as they now are
            model.saveTerms(state, kind.getValue(), value.getText(), basis.getValue(), days.getText(),
                    balance.getText(), rate == null ? null : rate.getText(), close, () -> {
                        closeSheet[0].run();
                        openTerms();
                    });
        });
    }

    /** Issuing numbers and locks an invoice: say what it will bill and ask first. */
    private void issue(InvoiceKind kind) {
        model.previewIssue(kind, p -> {
            var totals = p.totals();
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            Label what = grid.add(tr("money.issueBills"), "kind", new Label(tr("money.issueWhat",
                    model.money(totals.subtotalMinor()), model.money(totals.taxMinor()),
                    model.money(totals.totalMinor()))));
            what.setId("issuePreview");
            Label lock = new Label(tr("money.issueLocks"));
            lock.setWrapText(true);
            lock.getStyleClass().add(Styles.MUTED);
            grid.add("", "notes", lock);
            if (p.lacks() != null) {
                // what an invoice legally needs and this one would lack: said, but issuing stays allowed
                Label lacks = new Label(p.lacks());
                lacks.setWrapText(true);
                lacks.getStyleClass().add(Styles.ALERT);
                grid.add("", "lacks", lacks).setId("issueLacks");
            }
            boolean deposit = kind == InvoiceKind.DEPOSIT;
            String title = tr(deposit ? "money.issueDepositTitle" : "money.issueFinalTitle", model.money().number());
            FormDialog.show(this, title, grid, state, tr("money.issue"), close -> model.issue(state, kind, close));
        });
    }

    private void savePdf(BookingMoney.Invoice inv) {
        if (inv == null) {
            return;
        }
        ui.saveDialog().ask(this, tr("money.savePdf"), InvoiceDocuments.fileName(inv.number(), inv.id()), "pdf")
                .ifPresent(file -> model.savePdf(inv, file));
    }

    private void openCredit(BookingMoney.Invoice inv) {
        if (inv == null) {
            return;
        }
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("money.reason"), "reason", new TextField());
        reason.setId("creditReason");
        FormDialog.show(this, tr("money.creditTitle", inv.number() == null ? tr("invoice.draft") : inv.number()), grid,
                state, close -> model.credit(state, inv, reason.getText(), close));
    }
}
