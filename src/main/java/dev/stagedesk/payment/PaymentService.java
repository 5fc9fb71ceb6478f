package dev.stagedesk.payment;

import dev.stagedesk.command.StaleEdit;
import static dev.stagedesk.command.CommandContext.fields;
import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.Clash;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.tables.records.BookingRecord;
import dev.stagedesk.db.jooq.tables.records.PaymentRecord;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.notification.NotificationKind;
import dev.stagedesk.notification.Notifications;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import dev.stagedesk.ui.Format;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The payment ledger of a booking: receipts (deposit, balance, other), refunds, and reversals. Append-only:
 * an entry is never edited or deleted; a mistake is undone by a reversing entry that points at it. Each
 * command keeps the booking's paid amount, its payment state and its invoices' paid status true in the same
 * transaction. Also the booking's payment terms, and the overdue notices.
 */
public final class PaymentService {
    public static final String ENTITY = "booking";
    public static final List<String> KINDS = List.of("DEPOSIT", "BALANCE", "OTHER", "REFUND");
    public static final List<String> METHODS = List.of("BANK_TRANSFER", "CARD", "CASH", "CHEQUE", "PAYPAL", "OTHER");

    /**
     * Money received (DEPOSIT, BALANCE, OTHER) or paid back (REFUND), {@code amountMinor} positive either way, in
     * the booking's currency; {@code exchangeRate} to the base currency (null: the last one entered).
     */
    public record RecordPayment(UUID bookingId, String kind, long amountMinor, String method, LocalDate receivedOn,
                                String reference, String notes, BigDecimal exchangeRate) implements Command<UUID> {
    }

    /** Undoes an entry with one of the opposite sign, dated {@code on} (null: today). */
    public record ReversePayment(UUID paymentId, String reason, LocalDate on) implements Command<UUID> {
    }

    public record UpdatePaymentTerms(UUID bookingId, int expectedVersion, String depositKind, long depositValue,
                                     String depositDueBasis, int depositDueDays, int balanceDueDaysBefore,
                                     BigDecimal exchangeRate) implements Command<Void> {
    }

    /** Raises a notice for each deposit and balance that fell due in the last 30 days and is still unpaid. */
    public record RaiseOverdueNotices(LocalDate today) implements Command<Integer>, LocalCommand {
    }

    private final CommandBus bus;
    private final DSLContext dsl;

    public PaymentService(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(RecordPayment.class, CommandHandler.of(Permission.PAYMENTS_EDIT, this::record));
        bus.register(ReversePayment.class, CommandHandler.of(Permission.PAYMENTS_EDIT, this::reverse));
        bus.register(UpdatePaymentTerms.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::updateTerms));
        bus.register(RaiseOverdueNotices.class, CommandHandler.of(Permission.PAYMENTS_VIEW, this::raiseOverdue));
    }

    public UUID record(Actor actor, RecordPayment c) {
        return bus.execute(actor, c);
    }

    public UUID reverse(Actor actor, UUID paymentId, String reason) {
        return bus.execute(actor, new ReversePayment(paymentId, reason, null));
    }

    public void updateTerms(Actor actor, UpdatePaymentTerms c) {
        bus.execute(actor, c);
    }

    /**
     * Runs {@link RaiseOverdueNotices} when an admin or accountant has not been told of an overdue amount yet
     * (the due rules, each minute); else 0, writing nothing (not even an audit entry).
     */
    public int raiseOverdue(Actor actor, LocalDate today) {
        return anyUntold(dsl, overdue(dsl, today)) ? bus.execute(actor, new RaiseOverdueNotices(today)) : 0;
    }

    /** Whether someone the notice is for has neither had it nor turned its kind off. */
    private static boolean anyUntold(DSLContext dsl, List<Overdue> due) {
        if (due.isEmpty()) {
            return false;
        }
        List<UUID> users = Notifications.team(dsl, "ADMIN", "ACCOUNTANT");
        Set<String> told = dsl.select(NOTIFICATION.USER_ID, NOTIFICATION.DEDUPE_KEY).from(NOTIFICATION)
                .where(NOTIFICATION.DEDUPE_KEY.in(due.stream().map(PaymentService::noticeKey).toList()))
                .fetchSet(r -> r.value1() + " " + r.value2());
        Map<UUID, Set<String>> muted = new HashMap<>();
        for (Overdue o : due) {
            for (UUID u : users) {
                if (!told.contains(u + " " + noticeKey(o))
                        && !muted.computeIfAbsent(u, k -> Notifications.muted(dsl, k)).contains(noticeKind(o).name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static NotificationKind noticeKind(Overdue o) {
        return o.deposit() ? NotificationKind.DEPOSIT_OVERDUE : NotificationKind.BALANCE_OVERDUE;
    }

    private static String noticeKey(Overdue o) {
        return (o.deposit() ? "deposit-overdue:" : "balance-overdue:") + o.bookingId() + ":" + o.dueOn();
    }

    /** The agency's default terms on a new booking (and its currency's last exchange rate). */
    public static void defaultTerms(DSLContext tx, BookingRecord b) {
        var a = tx.selectFrom(AGENCY).limit(1).fetchOne();
        if (a != null) {
            b.setDepositKind(a.getDepositKind());
            b.setDepositValue(a.getDepositValue());
            b.setDepositDueBasis(a.getDepositDueBasis());
            b.setDepositDueDays(a.getDepositDueDays());
            b.setBalanceDueDaysBefore(a.getBalanceDueDaysBefore());
        }
        BigDecimal rate = ExchangeRates.last(tx, b.getCurrency());
        b.setExchangeRate(rate == null ? BigDecimal.ONE : rate);
    }

    /** Today in the agency's time zone. */
    public static LocalDate today(CommandContext ctx) {
        return AgencyFacts.today(ctx.dsl(), ctx.now());
    }

    static BookingRecord booking(CommandContext ctx, UUID id) {
        return ctx.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(id), BOOKING.DELETED_AT.isNull()).forUpdate()
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.booking"), id)));
    }

    private UUID record(RecordPayment c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        BookingRecord b = booking(ctx, c.bookingId());
        var currency = Currencies.require(b.getCurrency());
        Validator v = new Validator();
        v.check(c.kind() != null && KINDS.contains(c.kind()), "kind", I18n.tr("payment.kind.invalid",
                String.join(", ", KINDS)));
        v.check(c.amountMinor() > 0, "amount", I18n.tr("payment.amount.positive"));
        v.check(c.method() != null && METHODS.contains(c.method()), "method", I18n.tr("payment.method.invalid",
                String.join(", ", METHODS)));
        LocalDate today = today(ctx);
        v.check(c.receivedOn() != null, "receivedOn", I18n.tr("validation.required"));
        v.check(c.receivedOn() == null || !c.receivedOn().isAfter(today), "receivedOn",
                I18n.tr("payment.date.future"));
        v.maxLength("reference", c.reference(), 120);
        v.maxLength("notes", c.notes(), 1000);
        if ("REFUND".equals(c.kind())) {
            v.check(c.amountMinor() <= b.getPaidMinor(), "amount", I18n.tr("payment.refund.tooMuch",
                    Format.money(b.getPaidMinor(), currency.getCurrencyCode()))); // beside the field: as typed
        }
        BigDecimal rate = ExchangeRates.resolve(tx, b.getCurrency(), c.exchangeRate(), "exchangeRate", v, ctx.now());
        v.throwIfAny();
        long signed = "REFUND".equals(c.kind()) ? -c.amountMinor() : c.amountMinor();
        UUID id = insert(ctx, b, c.kind(), signed, rate, c.method(), c.receivedOn(), Validator.clean(c.reference()),
                Validator.clean(c.notes()), null);
        if (ctx.replayed() && "CANCELLED".equals(b.getStatus())) {
            // money is a fact: recorded even when the booking was cancelled meanwhile on another desktop, and
            // flagged for a person to refund or explain
            ctx.clash(new Clash("LATE_PAYMENT", ENTITY, b.getId(), id, I18n.tr("sync.conflict.latePayment",
                    b.getNumber())));
        }
        ctx.audit("record-payment", ENTITY, b.getId(), null, fields("paymentId", id, "kind", c.kind(), "amountMinor",
                signed, "currency", b.getCurrency(), "exchangeRate", rate, "method", c.method(), "receivedOn",
                c.receivedOn(), "reference", Validator.clean(c.reference())));
        if (!"REFUND".equals(c.kind())) {
            // admins and accountants hear of money in, except whoever typed it
            String amount = MoneyFormat.display(c.amountMinor(), currency);
            for (UUID u : Notifications.team(tx, "ADMIN", "ACCOUNTANT")) {
                if (!u.equals(ctx.actor().userId())) {
                    Notifications.raise(ctx, u, NotificationKind.PAYMENT_RECEIVED,
                            I18n.tr("notice.payment.title", amount, b.getNumber()),
                            I18n.tr("notice.payment.body", amount, b.getNumber(), b.getTitle(),
                                    c.kind().toLowerCase(Locale.ROOT), c.receivedOn()),
                            ENTITY, b.getId(), "payment:" + id);
                }
            }
        }
        return id;
    }

    private UUID reverse(ReversePayment c, CommandContext ctx) {
        DSLContext tx = ctx.dsl();
        PaymentRecord p = tx.selectFrom(PAYMENT).where(PAYMENT.ID.eq(c.paymentId()), PAYMENT.DELETED_AT.isNull())
                .fetchOptional().orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound",
                        I18n.tr("entity.payment"), c.paymentId())));
        BookingRecord b = booking(ctx, p.getBookingId());
        Validator v = new Validator();
        String reason = Validator.clean(c.reason());
        v.required("reason", reason, 500);
        v.throwIfAny();
        if ("REVERSAL".equals(p.getKind())) {
            throw new UserFacingException(I18n.tr("payment.reverse.reversal"));
        }
        if (tx.fetchExists(PAYMENT, PAYMENT.REVERSES_PAYMENT_ID.eq(p.getId()), PAYMENT.DELETED_AT.isNull())) {
            throw new UserFacingException(I18n.tr("payment.reverse.already"));
        }
        LocalDate on = c.on() != null ? c.on() : today(ctx);
        UUID id = insert(ctx, b, "REVERSAL", -p.getAmountMinor(), p.getExchangeRate(), p.getMethod(), on,
                p.getReference(), reason, p.getId());
        ctx.audit("reverse-payment", ENTITY, b.getId(), fields("paymentId", p.getId(), "amountMinor",
                p.getAmountMinor()), fields("reversalId", id, "amountMinor", -p.getAmountMinor(), "reason", reason));
        return id;
    }

    private static UUID insert(CommandContext ctx, BookingRecord b, String kind, long amount, BigDecimal rate,
                               String method, LocalDate on, String reference, String notes, UUID reverses) {
        UUID id = ctx.newId();
        ctx.dsl().insertInto(PAYMENT).set(PAYMENT.ID, id).set(PAYMENT.BOOKING_ID, b.getId()).set(PAYMENT.KIND, kind)
                .set(PAYMENT.AMOUNT_MINOR, amount).set(PAYMENT.CURRENCY, b.getCurrency())
                .set(PAYMENT.EXCHANGE_RATE, rate).set(PAYMENT.BASE_AMOUNT_MINOR, Rounding.multiply(amount, rate))
                .set(PAYMENT.METHOD, method).set(PAYMENT.RECEIVED_ON, on).set(PAYMENT.REFERENCE, reference)
                .set(PAYMENT.NOTES, notes).set(PAYMENT.REVERSES_PAYMENT_ID, reverses)
                .set(PAYMENT.CREATED_AT, ctx.now()).set(PAYMENT.UPDATED_AT, ctx.now()).set(PAYMENT.VERSION, 0)
                .execute();
        refresh(ctx, b);
        return id;
    }

    /** The booking's paid amount and state from its ledger, and its invoices' paid status. */
    public static void refresh(CommandContext ctx, BookingRecord b) {
        var sum = ctx.dsl().select(DSL.sum(PAYMENT.AMOUNT_MINOR)).from(PAYMENT)
                .where(PAYMENT.BOOKING_ID.eq(b.getId()), PAYMENT.DELETED_AT.isNull()).fetchOne().value1();
        long paid = sum == null ? 0 : sum.longValueExact();
        b.setPaidMinor(paid);
        b.setPaymentState(PaymentState.of(b.getTotalMinor(), paid).name());
        ctx.dsl().update(BOOKING).set(BOOKING.PAID_MINOR, paid).set(BOOKING.PAYMENT_STATE, b.getPaymentState())
                .set(BOOKING.UPDATED_AT, ctx.now()).where(BOOKING.ID.eq(b.getId())).execute();
        InvoiceStatus.refresh(ctx, b.getId(), paid, today(ctx));
        Receivables.refresh(ctx.dsl(), b.getId());
    }

    private Void updateTerms(UpdatePaymentTerms c, CommandContext ctx) {
        BookingRecord b = booking(ctx, c.bookingId());
        StaleEdit.check(ctx.dsl(), b.getVersion(), c.expectedVersion(), "booking", b.getId(),
                I18n.tr("entity.booking"), b.getNumber());
        Validator v = new Validator();
        v.check(PaymentTerms.PERCENT.equals(c.depositKind()) || PaymentTerms.AMOUNT.equals(c.depositKind()),
                "depositKind", I18n.tr("terms.kind.invalid"));
        v.check(!PaymentTerms.PERCENT.equals(c.depositKind()) || (c.depositValue() >= 0 && c.depositValue() <= 10_000),
                "depositValue", I18n.tr("validation.percent"));
        v.check(!PaymentTerms.AMOUNT.equals(c.depositKind()) || (c.depositValue() >= 0
                && c.depositValue() <= b.getTotalMinor()), "depositValue", I18n.tr("terms.amount.range",
                Format.money(b.getTotalMinor(), b.getCurrency())));
        v.check(PaymentTerms.BASIS_BOOKING.equals(c.depositDueBasis()) || PaymentTerms.BASIS_EVENT.equals(c.depositDueBasis()),
                "depositDueBasis", I18n.tr("terms.basis.invalid"));
        v.check(c.depositDueDays() >= 0 && c.depositDueDays() <= 730, "depositDueDays", I18n.tr("terms.days.range", 730));
        v.check(c.balanceDueDaysBefore() >= 0 && c.balanceDueDaysBefore() <= 730, "balanceDueDaysBefore",
                I18n.tr("terms.days.range", 730));
        BigDecimal rate = c.exchangeRate() == null ? b.getExchangeRate()
                : ExchangeRates.resolve(ctx.dsl(), b.getCurrency(), c.exchangeRate(), "exchangeRate", v, ctx.now());
        v.throwIfAny();
        var before = fields("depositKind", b.getDepositKind(), "depositValue", b.getDepositValue(), "depositDueBasis",
                b.getDepositDueBasis(), "depositDueDays", b.getDepositDueDays(), "balanceDueDaysBefore",
                b.getBalanceDueDaysBefore(), "exchangeRate", b.getExchangeRate());
        b.setDepositKind(c.depositKind());
        b.setDepositValue(c.depositValue());
        b.setDepositDueBasis(c.depositDueBasis());
        b.setDepositDueDays(c.depositDueDays());
        b.setBalanceDueDaysBefore(c.balanceDueDaysBefore());
        b.setExchangeRate(rate);
        PaymentTerms.applyTo(b);
        b.setUpdatedAt(ctx.now());
        b.setVersion(b.getVersion() + 1);
        b.update();
        ctx.audit("payment-terms", ENTITY, b.getId(), before, fields("depositKind", c.depositKind(), "depositValue",
                c.depositValue(), "depositDueBasis", c.depositDueBasis(), "depositDueDays", c.depositDueDays(),
                "balanceDueDaysBefore", c.balanceDueDaysBefore(), "exchangeRate", rate));
        return null;
    }

    /** One overdue amount: which booking, deposit or balance, since when, and how much is missing. */
    public record Overdue(UUID bookingId, String number, String title, boolean deposit, LocalDate dueOn, long missingMinor,
                          String currency) {
    }

    /**
     * Deposits and balances that fell due in the 30 days before {@code today} and are still short, by the same
     * rules as the receivables list and the dashboard (a balance counts once the deposit is in).
     */
    static List<Overdue> overdue(DSLContext dsl, LocalDate today) {
        LocalDate since = today.minusDays(30);
        var open = ReceivablesQuery.open();
        List<Overdue> out = new ArrayList<>();
        dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, BOOKING.DEPOSIT_DUE_ON, BOOKING.DEPOSIT_MINOR,
                        BOOKING.PAID_MINOR, BOOKING.CURRENCY).from(BOOKING)
                .where(open, BOOKING.DEPOSIT_DUE_ON.ge(since), ReceivablesQuery.depositOverdue(today))
                .forEach(r -> out.add(new Overdue(r.value1(), r.value2(), r.value3(), true, r.value4(),
                        r.value5() - r.value6(), r.value7())));
        dsl.select(BOOKING.ID, BOOKING.NUMBER, BOOKING.TITLE, BOOKING.BALANCE_DUE_ON, BOOKING.TOTAL_MINOR,
                        BOOKING.PAID_MINOR, BOOKING.CURRENCY).from(BOOKING)
                .where(open, BOOKING.BALANCE_DUE_ON.ge(since), ReceivablesQuery.balanceOverdue(today))
                .forEach(r -> out.add(new Overdue(r.value1(), r.value2(), r.value3(), false, r.value4(),
                        r.value5() - r.value6(), r.value7())));
        return out;
    }

    /** One notice per amount and due date, to each active admin and accountant: a rerun raises nothing new. */
    private Integer raiseOverdue(RaiseOverdueNotices c, CommandContext ctx) {
        List<UUID> users = Notifications.team(ctx.dsl(), "ADMIN", "ACCOUNTANT");
        int raised = 0;
        for (Overdue o : overdue(ctx.dsl(), c.today())) {
            NotificationKind kind = noticeKind(o);

            String title = I18n.tr(o.deposit() ? "notice.depositOverdue" : "notice.balanceOverdue", o.number());
            String body = I18n.tr("notice.overdueBody", o.title(), MoneyFormat.display(o.missingMinor(),
                    Currencies.require(o.currency())), o.dueOn());
            String key = noticeKey(o);
            for (UUID u : users) {
                if (Notifications.raise(ctx, u, kind, title, body, ENTITY, o.bookingId(), key)) {
                    raised++;
                }
            }
        }
        if (raised == 0) {
            ctx.nothingChanged();
        } else {
            ctx.audit("overdue-notices", "notification", null, null, fields("today", c.today(), "raised", raised));
        }
        return raised;
    }
}
