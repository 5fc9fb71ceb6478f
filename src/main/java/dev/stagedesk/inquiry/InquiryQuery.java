package dev.stagedesk.inquiry;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.Instant;

import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.search.SearchWalk;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.impl.DSL;

/** Reads for the inquiries list. */
public final class InquiryQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("client", CLIENT.NAME, "eventType", INQUIRY.EVENT_TYPE,
            "date", INQUIRY.STARTS_AT, "status", INQUIRY.STATUS, "source", INQUIRY.SOURCE, "budget",
            INQUIRY.BUDGET_MINOR, "followUp", INQUIRY.FOLLOW_UP_ON, "created", INQUIRY.CREATED_AT);

    private final DSLContext dsl;

    public InquiryQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the inquiries list is narrowed to; null means any. {@code from}/{@code to}: the event starts between. */
    public record Filter(InquiryStatus status, String source, UUID clientId, Instant from,
                         Instant to) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** {@code status} null for every status. */
    /** The name of an inquiry's client (what the inquiries list is searched by to show one inquiry). */
    public String clientName(UUID inquiryId) {
        return dsl.select(CLIENT.NAME).from(INQUIRY).join(CLIENT).on(CLIENT.ID.eq(INQUIRY.CLIENT_ID))
                .where(INQUIRY.ID.eq(inquiryId)).fetchOptional(CLIENT.NAME)
                .orElseThrow(() -> new NotFoundException(I18n.tr(
                        "record.notFound", I18n.tr("entity.inquiry"), inquiryId)));
    }

    public Page<InquiryRow> page(Actor actor, PageRequest request, InquiryStatus status) {
        return page(actor, request, new Filter(status, null, null, null, null));
    }

    /** By creation (newest first) unless asked otherwise; a fixed status named first reads (status, created, id). */
    private static SortField<?>[] order(PageRequest request, Filter filter) {
        SortField<?>[] order = Sorting.orderBy(request, SORTS, "created", false, INQUIRY.ID);
        if (filter.status() == null || !byCreated(request)) {
            return order;
        }
        SortField<?>[] out = new SortField<?>[order.length + 1];
        out[0] = order[0].getOrder() == SortOrder.DESC ? INQUIRY.STATUS.desc() : INQUIRY.STATUS.asc();
        System.arraycopy(order, 0, out, 1, order.length);
        return out;
    }

    private static boolean byCreated(PageRequest request) {
        return request.sortKey() == null || request.sortKey().isBlank() || "created".equals(request.sortKey());
    }

    public Page<InquiryRow> page(Actor actor, PageRequest request, Filter filter) {
        actor.require(Permission.INQUIRIES_VIEW);
        Condition where = INQUIRY.DELETED_AT.isNull();
        // what the list's indexes answer on their own, without reading the rows (see SearchWalk)
        Condition indexed = DSL.noCondition();
        if (filter.status() != null) {
            where = where.and(INQUIRY.STATUS.eq(filter.status().name()));
            indexed = INQUIRY.STATUS.eq(filter.status().name());
        }
        if (filter.source() != null) {
            where = where.and(INQUIRY.SOURCE.eq(filter.source()));
        }
        if (filter.clientId() != null) {
            where = where.and(INQUIRY.CLIENT_ID.eq(filter.clientId()));
        }
        if (filter.from() != null) {
            where = where.and(INQUIRY.STARTS_AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            where = where.and(INQUIRY.STARTS_AT.lt(filter.to()));
        }
        SortField<?>[] order = order(request, filter);
        var match = SearchIndex.find(dsl, InquiryService.ENTITY, request.search());
        if (match.nothing()) {
            return new Page<>(List.of(), 0, request.offset());
        }
        if (match.listed()) {
            where = where.and(SearchIndex.idIn(INQUIRY.ID, match.ids()));
        } else if (!match.everything() && byCreated(request)) {
            // too many matches to list: walk the inquiries newest first, keeping the matches
            boolean ascending = order[order.length - 1].getOrder() == SortOrder.ASC;
            SearchWalk.Result found = SearchWalk.walk(dsl, INQUIRY, INQUIRY.CREATED_AT, INQUIRY.ID, ascending, order,
                    indexed, where, match, request.offset(), request.limit());
            List<InquiryRow> rows = found.pageIds().isEmpty() ? List.of()
                    : rows(SearchIndex.idIn(INQUIRY.ID, found.pageIds()), order, 0, found.pageIds().size());
            return found.page(rows, request.offset());
        } else if (!match.everything()) {
            where = where.and(SearchIndex.matches(InquiryService.ENTITY, INQUIRY.ID, request.search()));
        }
        int total = Counting.capped(dsl, INQUIRY, where);
        return Page.ofCapped(rows(where, order, request.offset(), request.limit()), total, request.offset());
    }

    private List<InquiryRow> rows(Condition where, SortField<?>[] order, int offset, int limit) {
        return dsl.select(INQUIRY.ID, CLIENT.NAME, INQUIRY.EVENT_TYPE, INQUIRY.STARTS_AT, INQUIRY.TIME_ZONE,
                        INQUIRY.DATES_TBD, INQUIRY.STATUS, INQUIRY.SOURCE, INQUIRY.BUDGET_MINOR, INQUIRY.CURRENCY,
                        INQUIRY.FOLLOW_UP_ON, INQUIRY.VERSION)
                .from(INQUIRY).join(CLIENT).on(CLIENT.ID.eq(INQUIRY.CLIENT_ID)).where(where)
                .orderBy(order)
                .limit(limit).offset(offset)
                .fetch(r -> new InquiryRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        InquiryStatus.valueOf(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }
}
