package dev.stagedesk.expense;

import dev.stagedesk.security.ReadScope;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Reads for performer expenses and overhead expenses. */
public final class ExpenseQuery {
    private static final Map<String, Field<?>> PERFORMER_SORTS = Map.of("who", PERFORMER.STAGE_NAME, "category",
            PERFORMER_EXPENSE.CATEGORY, "amount", PERFORMER_EXPENSE.AMOUNT_MINOR, "date", PERFORMER_EXPENSE.SPENT_ON);
    private static final Map<String, Field<?>> OVERHEAD_SORTS = Map.of("who", OVERHEAD_EXPENSE.VENDOR, "category",
            OVERHEAD_EXPENSE.CATEGORY, "amount", OVERHEAD_EXPENSE.AMOUNT_MINOR, "date", OVERHEAD_EXPENSE.SPENT_ON);

    private final DSLContext dsl;

    public ExpenseQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<ExpenseRow> performerExpenses(Actor actor, PageRequest request) {
        Condition where = PERFORMER_EXPENSE.DELETED_AT.isNull()
                .and(ReadScope.ownRows(actor, Permission.EXPENSES_VIEW_ALL, PERFORMER_EXPENSE.PERFORMER_ID));
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = where.and(PERFORMER.STAGE_NAME.containsIgnoreCase(text)
                    .or(PERFORMER_EXPENSE.CATEGORY.containsIgnoreCase(text)));
        }
        int total = Counting.capped(dsl, dsl.select(PERFORMER_EXPENSE.ID).from(PERFORMER_EXPENSE).join(PERFORMER)
                .on(PERFORMER.ID.eq(PERFORMER_EXPENSE.PERFORMER_ID)).where(where));
        var rows = dsl.select(PERFORMER_EXPENSE.ID, PERFORMER.STAGE_NAME, PERFORMER_EXPENSE.CATEGORY,
                        PERFORMER_EXPENSE.DESCRIPTION, PERFORMER_EXPENSE.AMOUNT_MINOR, PERFORMER_EXPENSE.CURRENCY,
                        PERFORMER_EXPENSE.SPENT_ON)
                .from(PERFORMER_EXPENSE).join(PERFORMER).on(PERFORMER.ID.eq(PERFORMER_EXPENSE.PERFORMER_ID))
                .where(where).orderBy(Sorting.orderBy(request, PERFORMER_SORTS, "date", false, PERFORMER_EXPENSE.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(x -> new ExpenseRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6(),
                        x.value7()));
        return Page.ofCapped(rows, total, request.offset());
    }

    /** The agency's own costs: administrators and accountants only (see docs/ROLES.md). */
    public Page<ExpenseRow> overheadExpenses(Actor actor, PageRequest request) {
        if (!actor.can(Permission.OVERHEAD_VIEW)) {
            throw new PermissionDeniedException(Permission.OVERHEAD_VIEW);
        }
        Condition where = OVERHEAD_EXPENSE.DELETED_AT.isNull();
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = where.and(OVERHEAD_EXPENSE.VENDOR.containsIgnoreCase(text)
                    .or(OVERHEAD_EXPENSE.CATEGORY.containsIgnoreCase(text)));
        }
        int total = Counting.capped(dsl, OVERHEAD_EXPENSE, where);
        var rows = dsl.select(OVERHEAD_EXPENSE.ID, OVERHEAD_EXPENSE.VENDOR, OVERHEAD_EXPENSE.CATEGORY,
                        OVERHEAD_EXPENSE.DESCRIPTION, OVERHEAD_EXPENSE.AMOUNT_MINOR, OVERHEAD_EXPENSE.CURRENCY,
                        OVERHEAD_EXPENSE.SPENT_ON)
                .from(OVERHEAD_EXPENSE).where(where)
                .orderBy(Sorting.orderBy(request, OVERHEAD_SORTS, "date", false, OVERHEAD_EXPENSE.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(x -> new ExpenseRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6(),
                        x.value7()));
        return Page.ofCapped(rows, total, request.offset());
    }
}
