package dev.stagedesk.payment;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingStatus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.invoice.InvoiceDocuments;
import dev.stagedesk.invoice.InvoiceKind;
import dev.stagedesk.invoice.InvoiceMath;
import dev.stagedesk.invoice.InvoiceService;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.CodeLabels;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
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
 */
public final class BookingMoneyPane extends VBox {
    /** The services the pane works with. */
    /**
     * {@code load} reads a booking's {@link BookingMoney} for the signed-in user; {@code preview} what an invoice
     * of a kind would bill (both called off the FX thread).
     */
    public record Services(PaymentService payments, InvoiceService invoices, InvoiceDocuments documents,
                           Function<UUID, BookingMoney> load,
                           BiFunction<UUID, InvoiceKind, InvoiceMath.Totals> preview) {
    }

    private final UUID bookingId;
    private final Services services;
    private final UiContext ui;
    private final Consumer<String> changed;
    private final Label summary = new Label();
    private final Label message = new Label();
    private final TableView<BookingMoney.Entry> ledger = new TableView<>();
    private final TableView<BookingMoney.Invoice> invoices = new TableView<>();
    private final HBox ledgerTools = new HBox(8);
    private final HBox invoiceTools = new HBox(8);
    private BookingMoney money;

    /** {@code changed} gets what was done, after each change (the booking screen shows it and reloads). */
    public BookingMoneyPane(UUID bookingId, Services services, UiContext ui, Consumer<String> changed) {
        super(8);
        this.bookingId = bookingId;
        this.services = services;
        this.ui = ui;
        this.changed = changed;
        summary.setId("moneySummary");
        summary.setWrapText(true);
        message.setId("moneyMessage");
        message.getStyleClass().add(Styles.MUTED);
        Styles.fitMessage(message);
        ledger.setId("ledgerTable");
        ledger.setPlaceholder(new Label(tr("booking.noPayments")));
        column(ledger, tr("payment.receivedOn"), p -> Format.date(p.receivedOn()), 110);
        column(ledger, tr("payment.kind"), p -> Display.label(Display.CodeSet.PaymentKind, p.kind()) + (p.reversed() ? " · " + tr("money.reversed") : ""), 150);
        column(ledger, tr("payment.amount"), p -> Format.money(p.amountMinor(), money.currency()), 130);
        column(ledger, tr("payment.method"), p -> Display.label(Display.CodeSet.PaymentMethod, p.method()), 120);
        column(ledger, tr("payment.reference"), p -> Format.text(p.reference()), 140);
        column(ledger, tr("money.notes"), p -> Format.text(p.notes()), 180);
        invoices.setId("bookingInvoices");
        invoices.setPlaceholder(new Label(tr("money.noInvoices")));
        column(invoices, tr("invoice.number"), i -> i.number() == null ? tr("invoice.draft") : i.number(), 130);
        column(invoices, tr("invoice.kind"), i -> Display.label(i.kind()), 110);
        column(invoices, tr("invoice.status"), i -> Display.label(i.status()), 90);
        column(invoices, tr("invoice.issued"), i -> Format.date(i.issueDate()), 110);
        column(invoices, tr("invoice.due"), i -> Format.date(i.dueDate()), 110);
        column(invoices, tr("invoice.total"), i -> Format.money(i.totalMinor(), i.currency()), 130);
        ledger.setPrefHeight(170);
        invoices.setPrefHeight(150);
        Label ledgerHeading = new Label(tr("money.ledger"));
        ledgerHeading.getStyleClass().add(Styles.SECTION);
        Label invoiceHeading = new Label(tr("money.invoices"));
        invoiceHeading.getStyleClass().add(Styles.SECTION);
        ledgerTools.setAlignment(Pos.CENTER_LEFT);
        invoiceTools.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(summary, ledgerTools, ledger, invoiceHeading, invoiceTools, invoices, message);
        getChildren().add(1, ledgerHeading);
        VBox.setVgrow(ledger, Priority.ALWAYS);
        reload();
    }

    private static <T> void column(TableView<T> t, String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        t.getColumns().add(c);
    }

    private void reload() {
        ui.tasks().run(() -> services.load().apply(bookingId), this::show, ui.errors());
    }

    private void done(String text) {
        message.setText(text);
        reload();
        changed.accept(text);
    }

    private String money(long minor) {
        return Format.money(minor, money.currency());
    }

    /** "now" for a date that has come (a last-minute booking's terms), else the date. */
    static String due(LocalDate on, LocalDate today) {
        return on != null && on.equals(today) ? tr("money.dueNow") : Format.date(on);
    }

    private void show(BookingMoney m) {
        this.money = m;
        String terms = PaymentTerms.PERCENT.equals(m.depositKind())
                ? tr("money.termsPercent", Parse.percentText((int) m.depositValue()))
                : tr("money.termsAmount", money(m.depositValue()));
        summary.setText(tr("money.summary", money(m.totalMinor()), money(m.paidMinor()),
                money(Math.max(0, m.totalMinor() - m.paidMinor())), Display.label(m.state()))
                + "\n" + tr("money.due", terms, money(m.depositMinor()), due(m.depositDueOn(), m.today()),
                due(m.balanceDueOn(), m.today()))
                + (m.currency().equals(m.baseCurrency()) ? ""
                : "\n" + tr("money.rate", m.currency(), m.exchangeRate().stripTrailingZeros().toPlainString(), m.baseCurrency())));
        summary.getStyleClass().removeAll(Styles.ALERT);
        if (m.state() == PaymentTerms.MoneyState.DEPOSIT_OVERDUE || m.state() == PaymentTerms.MoneyState.BALANCE_OVERDUE) {
            summary.getStyleClass().add(Styles.ALERT);
        }
        ledger.getItems().setAll(m.ledger());
        invoices.getItems().setAll(m.invoices());
        boolean pay = ui.actor().can(Permission.PAYMENTS_EDIT);
        boolean issue = ui.actor().can(Permission.INVOICES_ISSUE);
        boolean open = m.status().isOpen();
        ledgerTools.getChildren().setAll(
                button("recordPayment", tr("money.record"), this::openRecord, pay),
                selectionButton(ledger, "reversePayment", tr("money.reverse"), this::openReverse, pay),
                button("paymentTerms", tr("money.terms"), this::openTerms, open && ui.actor().can(Permission.BOOKINGS_EDIT)));
        invoiceTools.getChildren().setAll(
                button("issueDeposit", tr("money.issueDeposit"), () -> issue(InvoiceKind.DEPOSIT), issue && open),
                button("issueFinal", tr("money.issueFinal"), () -> issue(InvoiceKind.FINAL),
                        issue && (m.status() == BookingStatus.CONFIRMED || m.status() == BookingStatus.COMPLETED)),
                selectionButton(invoices, "invoicePdf", tr("money.savePdf"), this::savePdf, true),
                selectionButton(invoices, "invoiceSent", tr("money.markSent"), this::markSent, issue),
                selectionButton(invoices, "creditNote", tr("money.credit"), this::openCredit, issue));
    }

    private static Button button(String id, String text, Runnable action, boolean enabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setDisable(!enabled);
        return b;
    }

    private <T> Button selectionButton(TableView<T> table, String id, String text, Consumer<T> action,
                                       boolean allowed) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                action.accept(selected);
            }
        });
        if (allowed) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        } else {
            b.setDisable(true);
        }
        return b;
    }

    private void openRecord() {
        BookingMoney m = money;
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        ComboBox<String> kind = grid.add(tr("payment.kind"), "kind", new ComboBox<>());
        kind.setId("paymentKind");
        kind.getItems().setAll(PaymentService.KINDS);
        CodeLabels.on(kind, Display.CodeSet.PaymentKind);
        kind.setValue(m.paidMinor() < m.depositMinor() ? "DEPOSIT" : "BALANCE");
        long suggested = m.paidMinor() < m.depositMinor() ? m.depositMinor() - m.paidMinor()
                : Math.max(0, m.totalMinor() - m.paidMinor());
        TextField amount = grid.add(tr("payment.amount") + " (" + m.currency() + ")", "amount",
                new TextField(suggested > 0 ? ui.amounts().input(suggested, Currencies.require(m.currency())) : ""));
        amount.setId("paymentAmount");
        ComboBox<String> method = grid.add(tr("payment.method"), "method", new ComboBox<>());
        method.setId("paymentMethod");
        method.getItems().setAll(PaymentService.METHODS);
        CodeLabels.on(method, Display.CodeSet.PaymentMethod);
        method.setValue("BANK_TRANSFER");
        DatePicker on = grid.add(tr("payment.receivedOn"), "receivedOn", new DateField(m.today()));
        on.setId("paymentDate");
        TextField reference = grid.add(tr("payment.reference"), "reference", new TextField());
        reference.setId("paymentReference");
        TextField rate = null;
        if (!m.currency().equals(m.baseCurrency())) {
            rate = grid.add(tr("money.rateField", m.currency(), m.baseCurrency()), "exchangeRate",
                    new TextField(m.lastRate() == null ? "" : m.lastRate().stripTrailingZeros().toPlainString()));
            rate.setId("paymentRate");
        }
        TextField rateField = rate;
        FormDialog.show(this, tr("money.recordTitle", m.number()), grid, state, close -> {
            Validator v = new Validator();
            Long minor = Parse.money("amount", amount.getText(), m.currency(), ui.amounts(), v);
            v.check(minor != null || v.hasErrors(), "amount", tr("validation.required"));
            BigDecimal r = rateField == null || rateField.getText().isBlank() ? null : decimal(rateField.getText(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> services.payments().record(ui.actor(), new PaymentService.RecordPayment(bookingId,
                    kind.getValue(), minor, method.getValue(), on.getValue(), reference.getText(), null, r)), id -> {
                close.run();
                done(tr("money.recorded", money(minor)));
            });
        });
    }

    private static BigDecimal decimal(String text, Validator v) {
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            v.check(false, "exchangeRate", tr("payment.rate.invalid"));
            return null;
        }
    }

    private void openReverse(BookingMoney.Entry entry) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("money.reason"), "reason", new TextField());
        reason.setId("reverseReason");
        FormDialog.show(this, tr("money.reverseTitle", money(entry.amountMinor()), Format.date(entry.receivedOn())), grid,
                state, close -> state.submit(() -> services.payments().reverse(ui.actor(), entry.id(), reason.getText()),
                        id -> {
                            close.run();
                            done(tr("money.reversedDone", money(entry.amountMinor())));
                        }));
    }

    private void openTerms() {
        BookingMoney m = money;
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        ComboBox<String> kind = grid.add(tr("money.depositKind"), "depositKind", new ComboBox<>());
        kind.setId("termsKind");
        kind.getItems().setAll(PaymentTerms.PERCENT, PaymentTerms.AMOUNT);
        CodeLabels.on(kind, Display.CodeSet.DepositKind);
        kind.setValue(m.depositKind());
        TextField value = grid.add(tr("money.depositValue", m.currency()), "depositValue", new TextField(
                PaymentTerms.PERCENT.equals(m.depositKind()) ? Parse.percentText((int) m.depositValue())
                        : ui.amounts().input(m.depositValue(), Currencies.require(m.currency()))));
        value.setId("termsValue");
        ComboBox<String> basis = grid.add(tr("money.depositBasis"), "depositDueBasis", new ComboBox<>());
        basis.setId("termsBasis");
        basis.getItems().setAll(PaymentTerms.BASIS_BOOKING, PaymentTerms.BASIS_EVENT);
        CodeLabels.on(basis, Display.CodeSet.DueBasis);
        basis.setValue(m.depositDueBasis());
        TextField days = grid.add(tr("money.depositDays"), "depositDueDays", new TextField(Integer.toString(m.depositDueDays())));
        days.setId("termsDays");
        TextField balance = grid.add(tr("money.balanceDays"), "balanceDueDaysBefore",
                new TextField(Integer.toString(m.balanceDueDaysBefore())));
        balance.setId("termsBalanceDays");
        TextField rate = m.currency().equals(m.baseCurrency()) ? null
                : grid.add(tr("money.rateField", m.currency(), m.baseCurrency()), "exchangeRate",
                new TextField(m.exchangeRate().stripTrailingZeros().toPlainString()));
        FormDialog.show(this, tr("money.termsTitle", m.number()), grid, state, close -> {
            Validator v = new Validator();
            long depositValue = PaymentTerms.PERCENT.equals(kind.getValue())
                    ? Parse.percentBp("depositValue", value.getText(), v)
                    : Objects.requireNonNullElse(Parse.money("depositValue", value.getText(), m.currency(), ui.amounts(), v), 0L);
            Integer d = Parse.integer("depositDueDays", days.getText(), v);
            Integer bd = Parse.integer("balanceDueDaysBefore", balance.getText(), v);
            BigDecimal r = rate == null ? null : decimal(rate.getText(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> {
                services.payments().updateTerms(ui.actor(), new PaymentService.UpdatePaymentTerms(bookingId, m.version(),
                        kind.getValue(), depositValue, basis.getValue(), d == null ? 0 : d, bd == null ? 0 : bd, r));
                return null;
            }, x -> {
                close.run();
                done(tr("money.termsSaved"));
            });
        });
    }

    /** Issuing numbers and locks an invoice: say what it will bill and ask first. */
    private void issue(InvoiceKind kind) {
        record Preview(InvoiceMath.Totals totals, String lacks) {
        }
        ui.tasks().run(() -> new Preview(services.preview().apply(bookingId, kind),
                InvoiceDocuments.lacksMessage(services.documents().lacksForIssue(ui.actor(), bookingId))), p -> {
            var totals = p.totals();
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            Label what = grid.add(tr("money.issueBills"), "kind", new Label(tr("money.issueWhat", money(totals.subtotalMinor()),
                    money(totals.taxMinor()), money(totals.totalMinor()))));
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

            String title = tr(deposit ? "money.issueDepositTitle" : "money.issueFinalTitle", money.number());
            FormDialog.show(this, title, grid, state, tr("money.issue"), close -> state.submit(
                    () -> services.invoices().issue(ui.actor(), bookingId, kind, null), id -> {
                        close.run();
                        done(tr("money.issued"));
                    }));
        }, ui.errors());
    }

    private void savePdf(BookingMoney.Invoice inv) {
        ui.saveDialog().ask(this, tr("money.savePdf"), InvoiceDocuments.fileName(inv.number(), inv.id()), "pdf")
                .ifPresent(file -> ui.tasks().run(() -> {
                    services.documents().save(ui.actor(), inv.id(), file);
                    return file;
                }, f -> message.setText(tr("quote.pdfSaved", f.getFileName())), ui.errors()));
    }

    private void markSent(BookingMoney.Invoice inv) {
        ui.tasks().run(() -> services.invoices().execute(ui.actor(), new InvoiceService.MarkInvoiceSent(inv.id(), null)),
                x -> done(tr("money.sent", inv.number())), ui.errors());
    }

    private void openCredit(BookingMoney.Invoice inv) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("money.reason"), "reason", new TextField());
        reason.setId("creditReason");
        FormDialog.show(this, tr("money.creditTitle", inv.number() == null ? tr("invoice.draft") : inv.number()), grid,
                state, close -> state.submit(() -> services.invoices().credit(ui.actor(), inv.id(), reason.getText()), id -> {
                    close.run();
                    done(tr("money.credited", inv.number()));
                }));
    }
}
