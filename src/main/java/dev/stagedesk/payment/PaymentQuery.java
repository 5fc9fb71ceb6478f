package dev.stagedesk.payment;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Reads for the payments ledger. */
public final class PaymentQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("booking", BOOKING.NUMBER, "kind", PAYMENT.KIND,
            "amount", PAYMENT.AMOUNT_MINOR, "method", PAYMENT.METHOD, "received", PAYMENT.RECEIVED_ON,
            "reference", PAYMENT.REFERENCE);

    private final DSLContext dsl;

    public PaymentQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<PaymentRow> page(Actor actor, PageRequest request) {
        actor.require(Permission.PAYMENTS_VIEW);
        Condition where = DSL.noCondition();
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = PAYMENT.REFERENCE.containsIgnoreCase(text).or(BOOKING.NUMBER.containsIgnoreCase(text));
        }
        int total = Counting.capped(dsl, dsl.select(PAYMENT.ID).from(PAYMENT).join(BOOKING).on(BOOKING.ID.eq(PAYMENT.BOOKING_ID))
                .where(where));
        var rows = dsl.select(PAYMENT.ID, BOOKING.NUMBER, PAYMENT.KIND, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY,
                        PAYMENT.METHOD, PAYMENT.RECEIVED_ON, PAYMENT.REFERENCE)
                .from(PAYMENT).join(BOOKING).on(BOOKING.ID.eq(PAYMENT.BOOKING_ID)).where(where)
                .orderBy(Sorting.orderBy(request, SORTS, "received", false, PAYMENT.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(x -> new PaymentRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6(),
                        x.value7(), x.value8()));
        return Page.ofCapped(rows, total, request.offset());
    }
}
