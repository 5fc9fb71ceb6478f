package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.LocalDate;

import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INVOICE;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Reads for the invoices list. */
public final class InvoiceQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("number", INVOICE.NUMBER, "kind", INVOICE.KIND,
            "status", INVOICE.STATUS, "client", CLIENT.NAME, "issued", INVOICE.ISSUE_DATE, "due", INVOICE.DUE_DATE,
            "total", INVOICE.TOTAL_MINOR);

    private final DSLContext dsl;

    public InvoiceQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<InvoiceRow> page(Actor actor, PageRequest request) {
        return page(actor, request, null, null);
    }

    /** Issued from {@code from} to {@code to} (both days included; null leaves that end open). */
    public Page<InvoiceRow> page(Actor actor, PageRequest request, LocalDate from, LocalDate to) {
        actor.require(Permission.PAYMENTS_VIEW);
        Condition where = INVOICE.DELETED_AT.isNull();
        if (from != null) {
            where = where.and(INVOICE.ISSUE_DATE.ge(from));
        }
        if (to != null) {
            where = where.and(INVOICE.ISSUE_DATE.le(to));
        }
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = where.and(INVOICE.NUMBER.containsIgnoreCase(text).or(CLIENT.NAME.containsIgnoreCase(text)));
        }
        int total = Counting.capped(dsl, dsl.select(INVOICE.ID).from(INVOICE).join(CLIENT).on(CLIENT.ID.eq(INVOICE.CLIENT_ID))
                .where(where));
        var rows = dsl.select(INVOICE.ID, INVOICE.NUMBER, INVOICE.KIND, INVOICE.STATUS,
                        DSL.coalesce(INVOICE.BILL_TO_NAME, CLIENT.NAME), INVOICE.ISSUE_DATE, INVOICE.DUE_DATE,
                        INVOICE.TOTAL_MINOR, INVOICE.CURRENCY)
                .from(INVOICE).join(CLIENT).on(CLIENT.ID.eq(INVOICE.CLIENT_ID)).where(where)
                .orderBy(Sorting.orderBy(request, SORTS, "issued", false, INVOICE.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(x -> new InvoiceRow(x.value1(), x.value2(), InvoiceKind.valueOf(x.value3()),
                        InvoiceStatus.valueOf(x.value4()), x.value5(), x.value6(),

                        x.value7(), x.value8(), x.value9()));
        return Page.ofCapped(rows, total, request.offset());
    }
}
