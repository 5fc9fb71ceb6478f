package dev.stagedesk.report;

import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Cash-basis figures by month: money received, payouts paid, overhead spent. */
public final class ReportQuery {
    private final DSLContext dsl;

    public ReportQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every month from {@code first} to {@code last} inclusive, months without activity as zeros. */
    public List<MonthlyCash> monthly(Actor actor, YearMonth first, YearMonth last) {
        actor.require(Permission.REPORTS_VIEW);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last month before first");
        }
        LocalDate from = first.atDay(1);
        LocalDate to = last.plusMonths(1).atDay(1);
        Map<YearMonth, Long> received = byMonth(PAYMENT, PAYMENT.RECEIVED_ON, PAYMENT.BASE_AMOUNT_MINOR,
                PAYMENT.RECEIVED_ON.ge(from).and(PAYMENT.RECEIVED_ON.lt(to)));
        Map<YearMonth, Long> payouts = byMonth(ASSIGNMENT, ASSIGNMENT.PAID_ON, ASSIGNMENT.PAYOUT_MINOR,
                ASSIGNMENT.PAYOUT_STATUS.eq(PayoutStatus.PAID.name()).and(ASSIGNMENT.PAID_ON.ge(from)).and(ASSIGNMENT.PAID_ON.lt(to))
                        .and(ASSIGNMENT.DELETED_AT.isNull()));
        Map<YearMonth, Long> overhead = byMonth(OVERHEAD_EXPENSE, OVERHEAD_EXPENSE.SPENT_ON, OVERHEAD_EXPENSE.AMOUNT_MINOR,
                OVERHEAD_EXPENSE.SPENT_ON.ge(from).and(OVERHEAD_EXPENSE.SPENT_ON.lt(to))
                        .and(OVERHEAD_EXPENSE.DELETED_AT.isNull()));
        List<MonthlyCash> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(new MonthlyCash(m, received.getOrDefault(m, 0L), payouts.getOrDefault(m, 0L),
                    overhead.getOrDefault(m, 0L)));
        }
        return out;
    }

    private Map<YearMonth, Long> byMonth(Table<?> table, Field<LocalDate> date, Field<Long> amount, Condition where) {
        Field<Integer> year = DSL.year(date);
        Field<Integer> month = DSL.month(date);
        Field<BigDecimal> sum = DSL.sum(amount);
        Map<YearMonth, Long> result = new HashMap<>();
        dsl.select(year, month, sum).from(table).where(where).groupBy(year, month)
                .forEach(r -> result.put(YearMonth.of(r.value1(), r.value2()), r.value3().longValueExact()));
        return result;
    }
}
