package dev.stagedesk.payment;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.Codes;
import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Money clients still owe: bookings that are not cancelled and not paid in full, with when their deposit and
 * balance are due; "overdue only" keeps those whose deposit or balance date has passed. What the dashboard's
 * overdue tiles count.
 */
public final class ReceivablesQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("booking", BOOKING.NUMBER, "client", CLIENT.NAME,
            "event", BOOKING.STARTS_AT, "due", BOOKING.BALANCE_DUE_ON, "total", BOOKING.TOTAL_MINOR);

    public record Row(UUID bookingId, String number, String client, Instant startsAt, String timeZone, String currency,
                      long totalMinor, long paidMinor, long depositMinor, LocalDate depositDueOn, LocalDate balanceDueOn,
                      PaymentTerms.MoneyState state) {
    }

    /** Counts and open amounts (in each booking's currency, summed as base when rates are 1). */
    public record Overdue(int deposits, long depositsMinor, int balances, long balancesMinor) {
    }

    private final DSLContext dsl;

    public ReceivablesQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Condition open() {
        return BOOKING.DELETED_AT.isNull().and(BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .and(BOOKING.PAYMENT_STATE.in(Codes.of(PaymentState.UNPAID, PaymentState.PARTLY_PAID))
);
    }

    static Condition depositOverdue(LocalDate today) {
        return BOOKING.DEPOSIT_DUE_ON.lt(today).and(BOOKING.PAID_MINOR.lt(BOOKING.DEPOSIT_MINOR));
    }

    static Condition balanceOverdue(LocalDate today) {
        return BOOKING.BALANCE_DUE_ON.lt(today).and(BOOKING.PAID_MINOR.lt(BOOKING.TOTAL_MINOR))
                .and(BOOKING.PAID_MINOR.ge(BOOKING.DEPOSIT_MINOR));
    }

    public Page<Row> page(Actor actor, PageRequest request, boolean overdueOnly, LocalDate today) {
        actor.require(Permission.PAYMENTS_VIEW);
        Condition where = open();
        if (overdueOnly) {
            where = where.and(depositOverdue(today).or(balanceOverdue(today)));
        }
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = where.and(BOOKING.NUMBER.containsIgnoreCase(text).or(CLIENT.NAME.containsIgnoreCase(text)));
        }
        int total = Counting.capped(dsl, dsl.select(BOOKING.ID).from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .where(where));
        var rows = dsl.select(BOOKING.ID, BOOKING.NUMBER, CLIENT.NAME, BOOKING.STARTS_AT, BOOKING.TIME_ZONE,
                        BOOKING.CURRENCY, BOOKING.TOTAL_MINOR, BOOKING.PAID_MINOR, BOOKING.DEPOSIT_MINOR,
                        BOOKING.DEPOSIT_DUE_ON, BOOKING.BALANCE_DUE_ON)
                .from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID)).where(where)
                .orderBy(Sorting.orderBy(request, SORTS, "due", true, BOOKING.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9(), r.value10(), r.value11(), PaymentTerms.state(r.value7(), r.value8(),
                        r.value9(), r.value10(), r.value11(), today, true)));
        return Page.ofCapped(rows, total, request.offset());
    }

    public Overdue overdue(Actor actor, LocalDate today) {
        actor.require(Permission.PAYMENTS_VIEW);
        var d = dsl.select(DSL.count(), DSL.sum(BOOKING.DEPOSIT_MINOR.minus(BOOKING.PAID_MINOR)))
                .from(BOOKING).where(open(), depositOverdue(today)).fetchOne();
        var b = dsl.select(DSL.count(), DSL.sum(BOOKING.TOTAL_MINOR.minus(BOOKING.PAID_MINOR)))
                .from(BOOKING).where(open(), balanceOverdue(today)).fetchOne();
        return new Overdue(d.value1(), d.value2() == null ? 0 : d.value2().longValue(), b.value1(),
                b.value2() == null ? 0 : b.value2().longValue());
    }
}
