package dev.stagedesk.booking;

import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.Codes;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.ReadScope;
import java.time.Duration;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.BookingLimits;
import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.search.SearchWalk;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectOnConditionStep;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.impl.DSL;

/** Reads for the bookings list and the calendar. */
public final class BookingQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("number", BOOKING.NUMBER, "status", BOOKING.STATUS,
            "title", BOOKING.TITLE, "date", BOOKING.STARTS_AT, "fee", BOOKING.FEE_MINOR, "venue", VENUE.NAME,
            "client", CLIENT.NAME);

    /** Longer bookings are refused (BookingService), so a window query can bound the start from below. */
    public static final Duration MAX_LENGTH = BookingLimits.MAX_LENGTH;

    private final DSLContext dsl;

    public BookingQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code status} null for all; {@code from}/{@code to} null for open-ended. */
    public Page<BookingRow> page(Actor actor, PageRequest request, BookingStatus status, Instant from, Instant to) {
        return page(actor, request, new BookingFilter(status, from, to, null, null, null, null, null));
    }

    public Page<BookingRow> page(Actor actor, PageRequest request, BookingFilter filter) {
        String status = Codes.of(filter.status());
        Instant from = filter.from();
        Instant to = filter.to();
        Condition filters = BOOKING.DELETED_AT.isNull().and(ReadScope.bookings(actor));
        // what the list's indexes answer on their own, without reading the booking rows (see SearchWalk)
        Condition indexed = DSL.noCondition();
        if (status != null) {
            filters = filters.and(BOOKING.STATUS.eq(status));
            indexed = indexed.and(BOOKING.STATUS.eq(status));
        }
        if (filter.clientId() != null) {
            filters = filters.and(BOOKING.CLIENT_ID.eq(filter.clientId()));
        }
        if (filter.venueId() != null) {
            filters = filters.and(BOOKING.VENUE_ID.eq(filter.venueId()));
        }
        if (filter.seriesId() != null) {
            filters = filters.and(BOOKING.SERIES_ID.eq(filter.seriesId()));
        }
        if (filter.performerId() != null) {
            Set<UUID> ids = performerBookings(dsl, filter.performerId(), null, null);
            filters = filters.and(ids.isEmpty() ? DSL.falseCondition() : BOOKING.ID.in(ids));
        }
        if (filter.paymentState() != null) {
            filters = filters.and(BOOKING.PAYMENT_STATE.eq(filter.paymentState().name()));
        }
        if (from != null) {
            // the lower bound on the start lets the start index narrow the range; no booking runs longer
            filters = filters.and(BOOKING.ENDS_AT.gt(from)).and(BOOKING.STARTS_AT.gt(from.minus(MAX_LENGTH)));
            indexed = indexed.and(BOOKING.STARTS_AT.gt(from.minus(MAX_LENGTH)));
        }
        if (to != null) {
            filters = filters.and(BOOKING.STARTS_AT.lt(to));
            indexed = indexed.and(BOOKING.STARTS_AT.lt(to));
        }
        SortField<?>[] order = Sorting.orderBy(request, SORTS, "date", false, BOOKING.ID);
        boolean byDate = request.sortKey() == null || request.sortKey().isBlank() || "date".equals(request.sortKey());
        // a fixed status or payment state named first lets H2 read the page off (state, starts_at, id) in order
        if (status != null && byDate) {
            order = fixedFirst(BOOKING.STATUS, order);
        } else if (filter.paymentState() != null && byDate && filter.clientId() == null && filter.venueId() == null
                && filter.performerId() == null) {
            order = fixedFirst(BOOKING.PAYMENT_STATE, order);
            indexed = indexed.and(BOOKING.PAYMENT_STATE.eq(filter.paymentState().name()));
        }
        String term = request.search() == null ? "" : request.search().strip();
        if (!term.isEmpty() && !NUMBER_LIKE.matcher(term).matches()) {
            SearchIndex.Match match = SearchIndex.find(dsl, BookingService.ENTITY, term);
            if (match.nothing()) {
                return new Page<>(List.of(), 0, request.offset());
            }
            if (match.listed()) {
                filters = filters.and(SearchIndex.idIn(BOOKING.ID, match.ids()));
            } else if (byDate) {
                // too many matches to list: walk the bookings in date order, keeping the matches
                boolean ascending = order[order.length - 1].getOrder() == SortOrder.ASC;
                SearchWalk.Result found = SearchWalk.walk(dsl, BOOKING, BOOKING.STARTS_AT, BOOKING.ID, ascending, order,
                        indexed, filters, match, request.offset(), request.limit());
                List<BookingRow> rows = found.pageIds().isEmpty() ? List.of()
                        : select().where(SearchIndex.idIn(BOOKING.ID, found.pageIds())).orderBy(order).fetch(BookingQuery::row);
                return found.page(forReader(actor, rows), request.offset());
            } else {
                // sorted by another column, every match is read and sorted
                filters = filters.and(SearchIndex.matches(BookingService.ENTITY, BOOKING.ID, term));
            }
        } else {
            filters = filters.and(searchCondition(term));
        }
        int total = Counting.capped(dsl, BOOKING, filters);
        List<BookingRow> rows = select().where(filters).orderBy(order)
                .limit(request.limit()).offset(request.offset()).fetch(BookingQuery::row);
        return Page.ofCapped(forReader(actor, rows), total, request.offset());
    }

    /**
     * The bookings a performer is assigned to or holds (active), starting in [from − the longest booking, to)
     * when a window is given. Read first, off the assignment and hold indexes (a few hundred ids): as a sub-select
     * H2 tested every booking against it (1.8 s at 1M; with an OR of the two, 3.9 s for a year's .ics).
     */
    public static Set<UUID> performerBookings(DSLContext dsl, UUID performerId,
                                                                  Instant from, Instant to) {
        Condition window = DSL.noCondition();
        if (from != null) {
            window = window.and(ASSIGNMENT.STARTS_AT.gt(from.minus(MAX_LENGTH)));
        }
        if (to != null) {
            window = window.and(ASSIGNMENT.STARTS_AT.lt(to));
        }
        Set<UUID> ids = new HashSet<>(dsl.select(ASSIGNMENT.BOOKING_ID).from(ASSIGNMENT)
                .where(ASSIGNMENT.PERFORMER_ID.eq(performerId), ASSIGNMENT.DELETED_AT.isNull(), window)
                .fetch(ASSIGNMENT.BOOKING_ID));
        ids.addAll(dsl.select(HOLD.BOOKING_ID).from(HOLD).where(HOLD.PERFORMER_ID.eq(performerId),
                HOLD.STATUS.eq(HoldStatus.ACTIVE.name())).fetch(HOLD.BOOKING_ID));
        return ids;
    }

    private static SortField<?>[] fixedFirst(Field<String> fixed, SortField<?>[] order) {
        SortField<?>[] out = new SortField<?>[order.length + 1];
        out[0] = order[0].getOrder() == SortOrder.DESC ? fixed.desc() : fixed.asc();
        System.arraycopy(order, 0, out, 1, order.length);
        return out;
    }

    /** Bookings that overlap [from, to), by start: what a calendar shows. */
    public List<BookingRow> between(Actor actor, Instant from, Instant to, int limit) {
        return forReader(actor, select()
                .where(BOOKING.DELETED_AT.isNull(), BOOKING.STARTS_AT.lt(to), BOOKING.ENDS_AT.gt(from),
                        BOOKING.STARTS_AT.gt(from.minus(MAX_LENGTH)),
                        ReadScope.bookings(actor))
                .orderBy(BOOKING.STARTS_AT, BOOKING.ID).limit(limit).fetch(BookingQuery::row));
    }

    private static final Pattern NUMBER_LIKE = Pattern.compile("^[A-Za-z]{1,6}-\\d[\\d-]*$");

    /**
     * What a search matches. Something shaped like a booking number ("BK-2026-00012") is a prefix of the number,
     * read off the unique number index; anything else matches words of the title, client, venue and city
     * through the word index (see docs/BENCHMARKS.md).
     */
    static Condition searchCondition(String search) {
        Condition number = numberPrefix(search);
        return number != null ? number : SearchIndex.matches(BookingService.ENTITY, BOOKING.ID, search);
    }

    /**
     * Bookings whose number starts with {@code text} when it is shaped like one ("bk-2026-0001", any case), read off
     * the unique number index as a range rather than LIKE; null when it is not shaped like a number.
     */
    public static Condition numberPrefix(String text) {
        String term = text == null ? "" : text.strip();
        if (!NUMBER_LIKE.matcher(term).matches()) {
            return null;
        }
        String prefix = term.toUpperCase(Locale.ROOT);
        return BOOKING.NUMBER.ge(prefix).and(BOOKING.NUMBER.lt(prefix + Character.MAX_VALUE));
    }

    /** A performer sees what a gig needs, not what the client pays the agency. */
    private static List<BookingRow> forReader(Actor actor, List<BookingRow> rows) {
        return actor.can(Permission.BOOKINGS_VIEW_ALL) ? rows : rows.stream().map(BookingRow::withoutFee).toList();
    }

    private SelectOnConditionStep<Record> select() {
        return dsl.select(List.<SelectField<?>>of(BOOKING.ID, BOOKING.NUMBER, BOOKING.STATUS, BOOKING.TITLE,
                        CLIENT.NAME, VENUE.NAME, VENUE.CITY, BOOKING.STARTS_AT, BOOKING.ENDS_AT, BOOKING.TIME_ZONE,
                        BOOKING.FEE_MINOR, BOOKING.CURRENCY, BOOKING.SLOTS_NEEDED, BOOKING.PAYMENT_STATE,
                        BOOKING.VERSION))
                .from(BOOKING).join(CLIENT).on(CLIENT.ID.eq(BOOKING.CLIENT_ID))
                .leftJoin(VENUE).on(VENUE.ID.eq(BOOKING.VENUE_ID));
    }

    private static BookingRow row(Record r) {
        return new BookingRow(r.get(BOOKING.ID), r.get(BOOKING.NUMBER), BookingStatus.valueOf(r.get(BOOKING.STATUS)),
                r.get(BOOKING.TITLE),
                r.get(CLIENT.NAME), r.get(VENUE.NAME), r.get(VENUE.CITY), r.get(BOOKING.STARTS_AT),
                r.get(BOOKING.ENDS_AT), r.get(BOOKING.TIME_ZONE), r.get(BOOKING.FEE_MINOR), r.get(BOOKING.CURRENCY),
                r.get(BOOKING.SLOTS_NEEDED), PaymentState.valueOf(r.get(BOOKING.PAYMENT_STATE)), r.get(BOOKING.VERSION));
    }
}
