package dev.stagedesk.payout;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import java.time.Instant;
import java.util.List;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Reads for performer payouts: one line per assignment. */
public final class PayoutQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("performer", PERFORMER.STAGE_NAME, "booking",
            BOOKING.NUMBER, "date", ASSIGNMENT.STARTS_AT, "payout", ASSIGNMENT.PAYOUT_MINOR, "status",
            ASSIGNMENT.PAYOUT_STATUS, "paidOn", ASSIGNMENT.PAID_ON);

    private final DSLContext dsl;

    public PayoutQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code status} null for both. */
    public Page<PayoutRow> page(Actor actor, PageRequest request, PayoutStatus status) {
        Condition where = ASSIGNMENT.DELETED_AT.isNull()
                .and(ReadScope.ownRows(actor, Permission.PAYOUTS_VIEW_ALL, ASSIGNMENT.PERFORMER_ID));
        if (status != null) {
            where = where.and(ASSIGNMENT.PAYOUT_STATUS.eq(status.name()));
        }
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = where.and(PERFORMER.STAGE_NAME.containsIgnoreCase(text).or(BOOKING.NUMBER.containsIgnoreCase(text)));
        }
        int total = Counting.capped(dsl, dsl.select(ASSIGNMENT.ID).from(ASSIGNMENT)
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID)).where(where));
        var rows = dsl.select(ASSIGNMENT.ID, PERFORMER.STAGE_NAME, BOOKING.NUMBER, ASSIGNMENT.STARTS_AT,
                        ASSIGNMENT.ROLE, ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.CURRENCY, ASSIGNMENT.COMMISSION_BP,
                        ASSIGNMENT.PAYOUT_STATUS, ASSIGNMENT.PAID_ON, BOOKING.TITLE, CLIENT.NAME, BOOKING.TIME_ZONE)
                .from(ASSIGNMENT).join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .leftJoin(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID)).where(where)
                .orderBy(Sorting.orderBy(request, SORTS, "date", false, ASSIGNMENT.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(x -> new PayoutRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6(),
                        x.value7(), x.value8(), PayoutStatus.valueOf(x.value9()), x.value10(),
 x.value11(), x.value12(), x.value13()));
        return Page.ofCapped(rows, total, request.offset());
    }

    /** One performer's unpaid payouts for gigs that have started, and their sum in one currency. */
    public record OutstandingGroup(UUID performerId, String performer, String currency, int gigs,
                                   long totalMinor) {
    }

    private static Condition outstanding(Actor actor, Instant now) {
        return ASSIGNMENT.DELETED_AT.isNull().and(ASSIGNMENT.PAYOUT_STATUS.eq(PayoutStatus.UNPAID.name()))
                .and(ASSIGNMENT.STARTS_AT.lt(now)).and(BOOKING.DELETED_AT.isNull())
                .and(BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                .and(ReadScope.ownRows(actor, Permission.PAYOUTS_VIEW_ALL, ASSIGNMENT.PERFORMER_ID));
    }

    /** Outstanding payouts grouped by performer (and currency), the largest sums first. */
    public List<OutstandingGroup> outstandingByPerformer(Actor actor, Instant now) {
        var total = DSL.sum(ASSIGNMENT.PAYOUT_MINOR);
        var count = DSL.count();
        return dsl.select(ASSIGNMENT.PERFORMER_ID, PERFORMER.STAGE_NAME, ASSIGNMENT.CURRENCY, count, total)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(outstanding(actor, now))
                .groupBy(ASSIGNMENT.PERFORMER_ID, PERFORMER.STAGE_NAME, ASSIGNMENT.CURRENCY)
                .orderBy(total.desc(), PERFORMER.STAGE_NAME)
                .fetch(r -> new OutstandingGroup(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5().longValue()));
    }

    /** One performer's outstanding gigs, oldest first. */
    public List<PayoutRow> outstandingGigs(Actor actor, UUID performerId, String currency,
                                                     Instant now) {
        return dsl.select(ASSIGNMENT.ID, PERFORMER.STAGE_NAME, BOOKING.NUMBER, ASSIGNMENT.STARTS_AT,
                        ASSIGNMENT.ROLE, ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.CURRENCY, ASSIGNMENT.COMMISSION_BP,
                        ASSIGNMENT.PAYOUT_STATUS, ASSIGNMENT.PAID_ON, BOOKING.TITLE, CLIENT.NAME, BOOKING.TIME_ZONE)
                .from(ASSIGNMENT).join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .leftJoin(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .where(outstanding(actor, now), ASSIGNMENT.PERFORMER_ID.eq(performerId),
                        ASSIGNMENT.CURRENCY.eq(currency))
                .orderBy(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ID)
                .fetch(x -> new PayoutRow(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6(),
                        x.value7(), x.value8(), PayoutStatus.valueOf(x.value9()), x.value10(),
 x.value11(), x.value12(), x.value13()));
    }
}
