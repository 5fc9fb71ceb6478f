package dev.stagedesk.venue;

import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.util.List;
import java.util.Map;
import dev.stagedesk.search.SearchIndex;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Reads for the venues list. */
public final class VenueQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("name", VENUE.NAME, "city", VENUE.CITY,
            "country", VENUE.COUNTRY_CODE, "capacity", VENUE.CAPACITY, "address", VENUE.ADDRESS_LINE1);

    private final DSLContext dsl;

    public VenueQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Live venues whose words match, for pickers (autocomplete). */
    public List<VenueRow> suggest(String text, int limit) {
        return page(new PageRequest(text, "name", true, 0, limit), VenueFilter.NONE).rows();
    }

    public Page<VenueRow> page(PageRequest request, VenueFilter filter) {
        Condition where = SearchIndex.matches(VenueService.ENTITY, VENUE.ID, request.search());
        if (!filter.includeDeleted()) {
            where = where.and(VENUE.DELETED_AT.isNull());
        }
        if (filter.city() != null && !filter.city().isBlank()) {
            where = where.and(VENUE.CITY.startsWithIgnoreCase(filter.city().strip()));
        }
        if (filter.missingCoordinates()) {
            where = where.and(VENUE.LATITUDE.isNull());
        }
        int total = Counting.capped(dsl, VENUE, where);
        List<VenueRow> rows = dsl.select(VENUE.ID, VENUE.NAME, VENUE.ADDRESS_LINE1, VENUE.CITY, VENUE.COUNTRY_CODE,
                        VENUE.LATITUDE, VENUE.LONGITUDE, VENUE.CAPACITY, VENUE.DELETED_AT)
                .from(VENUE).where(where)
                .orderBy(Sorting.orderBy(request, SORTS, "name", VENUE.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(r -> new VenueRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9() != null));
        return Page.ofCapped(rows, total, request.offset());
    }
}
