package dev.stagedesk.invoice;

import dev.stagedesk.common.Display;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.payment.BookingMoney;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.PaymentTerms;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.TaskRunner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A booking's Payments tab without its controls: the money state as loaded (terms, the state they make, the
 * ledger, the invoices, and the booking's version), what may be done with it, and the commands. Editing the terms
 * carries the version the tab was loaded with: a change saved meanwhile is refused naming who and when, and the
 * sheet offers Reload ({@link FormState#onStale}).
 */
public final class BookingMoneyViewModel {
    /** What a new payment starts from: the deposit while it is still open, else the balance. */
    public record PaymentDefaults(String kind, String amount, String method, LocalDate receivedOn, String rate,
                                  boolean needsRate) {
    }

    /** The terms as the terms sheet shows them (text as typed in the user's locale). */
    public record TermsDefaults(String depositKind, String depositValue, String basis, String depositDays,
                                String balanceDays, String rate, boolean needsRate) {
    }

    /** What issuing an invoice of a kind would bill, and what the invoice would legally lack (null: nothing). */
    public record IssuePreview(InvoiceKind kind, InvoiceMath.Totals totals, String lacks) {
    }

    public final ObjectProperty<BookingMoney.Entry> selectedPayment = new SimpleObjectProperty<>();
    public final ObjectProperty<BookingMoney.Invoice> selectedInvoice = new SimpleObjectProperty<>();

    private final UUID bookingId;
    private final BookingMoneyPane.Services services;
    private final Actor actor;
    private final TaskRunner tasks;
    private final Consumer<Throwable> errors;
    private final AmountStyle amounts;
    private final Consumer<String> changed;
    private final ReadOnlyObjectWrapper<BookingMoney> money = new ReadOnlyObjectWrapper<>();
    private final ObservableList<BookingMoney.Entry> ledger = FXCollections.observableArrayList();
    private final ObservableList<BookingMoney.Invoice> invoices = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty overdue = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final BooleanProperty finalAllowed = new SimpleBooleanProperty();

    /** {@code changed} gets what was done, after each change (the booking screen shows it and reloads). */
    public BookingMoneyViewModel(UUID bookingId, BookingMoneyPane.Services services, Actor actor, TaskRunner tasks,
                                 Consumer<Throwable> errors, AmountStyle amounts, Consumer<String> changed) {
        this.bookingId = bookingId;
        this.services = services;
        this.actor = actor;
        this.tasks = tasks;
        this.errors = errors;
        this.amounts = amounts;
        this.changed = changed;
    }

    /** The money state as last loaded (null before): its {@code version} is what a terms edit carries. */
    public ReadOnlyObjectProperty<BookingMoney> moneyProperty() {
        return money.getReadOnlyProperty();
    }

    public BookingMoney money() {
        return money.get();
    }

    public ObservableList<BookingMoney.Entry> ledger() {
        return ledger;
    }

    public ObservableList<BookingMoney.Invoice> invoices() {
        return invoices;
    }

    /** "Total … · paid … · open … · Deposit due", the terms and due dates, and the rate in a foreign currency. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** Whether the deposit or the balance is overdue (the summary is shown as an alert). */
    public BooleanProperty overdueProperty() {
        return overdue;
    }

    /** What the last action did. */
    public StringProperty messageProperty() {
        return message;
    }

    // ------------------------------------------------------------------------------------------ what may be done

    public boolean canRecord() {
        return actor.can(Permission.PAYMENTS_EDIT);
    }

    public BooleanBinding canReverse() {
        return selectedPayment.isNotNull().and(Bindings.createBooleanBinding(this::canRecord));
    }

    /** Terms change while the booking is a hold or confirmed, by someone who may edit bookings. */
    public BooleanBinding canEditTerms() {
        return open.and(Bindings.createBooleanBinding(() -> actor.can(Permission.BOOKINGS_EDIT)));
    }

    private boolean mayIssue() {
        return actor.can(Permission.INVOICES_ISSUE);
    }

    public BooleanBinding canIssueDeposit() {
        return open.and(Bindings.createBooleanBinding(this::mayIssue));
    }

    /** The final invoice once the booking is confirmed or completed. */
    public BooleanBinding canIssueFinal() {
        return finalAllowed.and(Bindings.createBooleanBinding(this::mayIssue));
    }

    public BooleanBinding canSavePdf() {
        return selectedInvoice.isNotNull();
    }

    public BooleanBinding canMarkSent() {
        return selectedInvoice.isNotNull().and(Bindings.createBooleanBinding(this::mayIssue));
    }

    public BooleanBinding canCredit() {
        return canMarkSent();
    }

    // ------------------------------------------------------------------------------------------ loading

    public void load() {
        load(() -> { });
    }

    /** Reads the booking's money again, then runs {@code then}. */
    public void load(Runnable then) {
        tasks.run(() -> services.load().apply(bookingId), m -> {
            show(m);
            then.run();
        }, errors);
    }

    private void show(BookingMoney m) {
        money.set(m);
        String terms = PaymentTerms.PERCENT.equals(m.depositKind())
                ? tr("money.termsPercent", Parse.percentText((int) m.depositValue()))
                : tr("money.termsAmount", money(m.depositValue()));
        summary.set(tr("money.summary", money(m.totalMinor()), money(m.paidMinor()),
                money(Math.max(0, m.totalMinor() - m.paidMinor())), Display.label(m.state()))
                + "\n" + tr("money.due", terms, money(m.depositMinor()), due(m.depositDueOn(), m.today()),
                due(m.balanceDueOn(), m.today()))
                + (m.currency().equals(m.baseCurrency()) ? ""
                : "\n" + tr("money.rate", m.currency(), m.exchangeRate().stripTrailingZeros().toPlainString(),
                m.baseCurrency())));
        overdue.set(m.state() == PaymentTerms.MoneyState.DEPOSIT_OVERDUE || m.state() == PaymentTerms.MoneyState.BALANCE_OVERDUE);
        selectedPayment.set(null);
        selectedInvoice.set(null);
        ledger.setAll(m.ledger());
        invoices.setAll(m.invoices());
        open.set(m.status().isOpen());
        finalAllowed.set(m.status() == BookingStatus.CONFIRMED || m.status() == BookingStatus.COMPLETED);
    }

    /** An amount in the booking's currency, as the screen shows amounts. */
    public String money(long minor) {
        return Format.money(minor, money.get().currency());
    }

    /** "now" for a date that has come (a last-minute booking's terms), else the date. */
    public static String due(LocalDate on, LocalDate today) {
        return on != null && on.equals(today) ? tr("money.dueNow") : Format.date(on);
    }

    private void done(String text) {
        message.set(text);
        load();
        changed.accept(text);
    }

    // ------------------------------------------------------------------------------------------ payments

    public PaymentDefaults paymentDefaults() {
        BookingMoney m = money.get();
        boolean deposit = m.paidMinor() < m.depositMinor();
        long suggested = deposit ? m.depositMinor() - m.paidMinor() : Math.max(0, m.totalMinor() - m.paidMinor());
        boolean foreign = !m.currency().equals(m.baseCurrency());
        return new PaymentDefaults(deposit ? "DEPOSIT" : "BALANCE",
                suggested > 0 ? amounts.input(suggested, Currencies.require(m.currency())) : "", "BANK_TRANSFER",
                m.today(), foreign && m.lastRate() != null ? m.lastRate().stripTrailingZeros().toPlainString() : "",
                foreign);
    }

    /** Records a payment typed into the sheet ({@code state}): bad fields are named there; {@code close} on success. */
    public void recordPayment(FormState state, String kind, String amountText, String method, LocalDate receivedOn,
                              String reference, String rateText, Runnable close) {
        BookingMoney m = money.get();
        Validator v = new Validator();
        Long minor = MoneyParse.money("amount", amountText, m.currency(), amounts, v);
        v.check(minor != null || v.hasErrors(), "amount", tr("validation.required"));
        BigDecimal rate = rateText == null || rateText.isBlank() ? null : decimal(rateText, v);
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        state.submit(() -> services.payments().record(actor, new PaymentService.RecordPayment(bookingId, kind, minor,
                method, receivedOn, reference, null, rate)), id -> {
            close.run();
            done(tr("money.recorded", money(minor)));
        });
    }

    public void reverse(FormState state, BookingMoney.Entry entry, String reason, Runnable close) {
        state.submit(() -> services.payments().reverse(actor, entry.id(), reason), id -> {
            close.run();
            done(tr("money.reversedDone", money(entry.amountMinor())));
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

    // ------------------------------------------------------------------------------------------ terms

    public TermsDefaults termsDefaults() {
        BookingMoney m = money.get();
        boolean foreign = !m.currency().equals(m.baseCurrency());
        return new TermsDefaults(m.depositKind(), PaymentTerms.PERCENT.equals(m.depositKind())
                ? Parse.percentText((int) m.depositValue())
                : amounts.input(m.depositValue(), Currencies.require(m.currency())), m.depositDueBasis(),
                Integer.toString(m.depositDueDays()), Integer.toString(m.balanceDueDaysBefore()),
                foreign ? m.exchangeRate().stripTrailingZeros().toPlainString() : "", foreign);
    }

    /**
     * Saves the terms typed into the sheet with the version the tab was loaded with. A change saved since is
     * refused in the sheet with who made it and when; its Reload runs {@code reload} (the view reopens the sheet
     * on the money as it now is).
     */
    public void saveTerms(FormState state, String depositKind, String valueText, String basis, String daysText,
                          String balanceDaysText, String rateText, Runnable close, Runnable reload) {
        BookingMoney m = money.get();
        Validator v = new Validator();
        long depositValue = PaymentTerms.PERCENT.equals(depositKind)
                ? Parse.percentBp("depositValue", valueText, v)
                : Objects.requireNonNullElse(MoneyParse.money("depositValue", valueText, m.currency(), amounts, v), 0L);
        Integer days = Parse.integer("depositDueDays", daysText, v);
        Integer balanceDays = Parse.integer("balanceDueDaysBefore", balanceDaysText, v);
        BigDecimal rate = m.currency().equals(m.baseCurrency()) ? null : decimal(rateText, v);
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        state.onStale(() -> load(reload));
        state.submit(() -> {
            services.payments().updateTerms(actor, new PaymentService.UpdatePaymentTerms(bookingId, m.version(),
                    depositKind, depositValue, basis, days == null ? 0 : days, balanceDays == null ? 0 : balanceDays,
                    rate));
            return null;
        }, x -> {
            close.run();
            done(tr("money.termsSaved"));
        });
    }

    // ------------------------------------------------------------------------------------------ invoices

    /** Reads what an invoice of {@code kind} would bill (and lack), for the sheet that asks before issuing. */
    public void previewIssue(InvoiceKind kind, Consumer<IssuePreview> shown) {
        tasks.run(() -> new IssuePreview(kind, services.preview().apply(bookingId, kind),
                InvoiceDocuments.lacksMessage(services.documents().lacksForIssue(actor, bookingId))), shown, errors);
    }

    public void issue(FormState state, InvoiceKind kind, Runnable close) {
        state.submit(() -> services.invoices().issue(actor, bookingId, kind, null), id -> {
            close.run();
            done(tr("money.issued"));
        });
    }

    public void savePdf(BookingMoney.Invoice invoice, Path file) {
        tasks.run(() -> {
            services.documents().save(actor, invoice.id(), file);
            return file;
        }, f -> message.set(tr("quote.pdfSaved", f.getFileName())), errors);
    }

    public void markSent(BookingMoney.Invoice invoice) {
        tasks.run(() -> services.invoices().execute(actor, new InvoiceService.MarkInvoiceSent(invoice.id(), null)),
                x -> done(tr("money.sent", invoice.number())), errors);
    }

    public void credit(FormState state, BookingMoney.Invoice invoice, String reason, Runnable close) {
        state.submit(() -> services.invoices().credit(actor, invoice.id(), reason), id -> {
            close.run();
            done(tr("money.credited", invoice.number()));
        });
    }
}
