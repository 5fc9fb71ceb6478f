package dev.stagedesk.booking;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.ListSearch;
import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;

/** Reads for the bookings list and the calendar. */
public final class BookingQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("number", BOOKING.NUMBER, "status", BOOKING.STATUS,
            "title", BOOKING.TITLE, "date", BOOKING.STARTS_AT, "fee", BOOKING.FEE_MINOR, "venue", VENUE.NAME,
            "client", CLIENT.NAME);

    private final DSLContext dsl;

    public BookingQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code status} null for all; {@code from}/{@code to} null for open-ended. */
    public Page<BookingRow> page(Actor actor, PageRequest request, String status, Instant from, Instant to) {
        Condition where = ListSearch.matches(BOOKING.SEARCH_TEXT, request.search()).and(BOOKING.DELETED_AT.isNull())
                .and(ReadScope.bookings(actor));
        if (status != null) {
            where = where.and(BOOKING.STATUS.eq(status));
        }
        if (from != null) {
            where = where.and(BOOKING.ENDS_AT.gt(from));
        }
        if (to != null) {
            where = where.and(BOOKING.STARTS_AT.lt(to));
        }
        int total = Counting.capped(dsl, BOOKING, where);
        List<BookingRow> rows = select().where(where).orderBy(Sorting.orderBy(request, SORTS, "date", false, BOOKING.ID))
                .limit(request.limit()).offset(request.offset()).fetch(BookingQuery::row);
        return Page.ofCapped(forReader(actor, rows), total, request.offset());
    }

    /** Bookings that overlap [from, to), by start: what a calendar shows. */
    public List<BookingRow> between(Actor actor, Instant from, Instant to, int limit) {
        return forReader(actor, select()
                .where(BOOKING.DELETED_AT.isNull(), BOOKING.STARTS_AT.lt(to), BOOKING.ENDS_AT.gt(from),
                        ReadScope.bookings(actor))
                .orderBy(BOOKING.STARTS_AT, BOOKING.ID).limit(limit).fetch(BookingQuery::row));
    }

    /** A performer sees what a gig needs, not what the client pays the agency. */
    private static List<BookingRow> forReader(Actor actor, List<BookingRow> rows) {
        return actor.can(Permission.BOOKINGS_VIEW_ALL) ? rows : rows.stream().map(BookingRow::withoutFee).toList();
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(List.<SelectField<?>>of(BOOKING.ID, BOOKING.NUMBER, BOOKING.STATUS, BOOKING.TITLE,
                        CLIENT.NAME, VENUE.NAME, VENUE.CITY, BOOKING.STARTS_AT, BOOKING.ENDS_AT, BOOKING.TIME_ZONE,
                        BOOKING.FEE_MINOR, BOOKING.CURRENCY, BOOKING.SLOTS_NEEDED))
                .from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID));
    }

    private static BookingRow row(Record r) {
        return new BookingRow(r.get(BOOKING.ID), r.get(BOOKING.NUMBER), r.get(BOOKING.STATUS), r.get(BOOKING.TITLE),
                r.get(CLIENT.NAME), r.get(VENUE.NAME), r.get(VENUE.CITY), r.get(BOOKING.STARTS_AT),
                r.get(BOOKING.ENDS_AT), r.get(BOOKING.TIME_ZONE), r.get(BOOKING.FEE_MINOR), r.get(BOOKING.CURRENCY),
                r.get(BOOKING.SLOTS_NEEDED));
    }
}
