package dev.stagedesk.performer;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.List;
import java.util.Locale;

import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import java.util.Map;
import dev.stagedesk.search.SearchIndex;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Reads for the performer roster. */
public final class PerformerQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("stageName", PERFORMER.STAGE_NAME, "acts",
            PERFORMER.ACTS, "genres", PERFORMER.GENRES, "homeCity", PERFORMER.HOME_CITY, "fee",
            PERFORMER.DEFAULT_FEE_MINOR, "commission", PERFORMER.COMMISSION_BP, "active", PERFORMER.ACTIVE);

    private final DSLContext dsl;

    public PerformerQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The roster's filters; blank text for "any". An act or genre matches one of the performer's whole. */
    public record Filter(boolean activeOnly, String act, String genre, String city) {
        public static final Filter NONE = new Filter(false, null, null, null);
    }

    public Page<PerformerRow> page(Actor actor, PageRequest request, boolean activeOnly) {
        return page(actor, request, new Filter(activeOnly, null, null, null));
    }

    private static Condition listHas(Field<String> list, String value) {
        return DSL.lower(DSL.concat(DSL.inline(";"), list,
                DSL.inline(";"))).contains(";" + value.strip().toLowerCase(Locale.ROOT) + ";");
    }

    public Page<PerformerRow> page(Actor actor, PageRequest request, Filter filter) {
        actor.require(Permission.PERFORMERS_VIEW);
        Condition where = SearchIndex.matches(PerformerService.ENTITY, PERFORMER.ID, request.search()).and(PERFORMER.DELETED_AT.isNull());
        if (filter.activeOnly()) {
            where = where.and(PERFORMER.ACTIVE.isTrue());
        }
        if (filter.act() != null && !filter.act().isBlank()) {
            where = where.and(listHas(PERFORMER.ACTS, filter.act()));
        }
        if (filter.genre() != null && !filter.genre().isBlank()) {
            where = where.and(listHas(PERFORMER.GENRES, filter.genre()));
        }
        if (filter.city() != null && !filter.city().isBlank()) {
            where = where.and(PERFORMER.HOME_CITY.equalIgnoreCase(filter.city().strip()));
        }
        int total = Counting.capped(dsl, PERFORMER, where);
        var rows = dsl.select(PERFORMER.ID, PERFORMER.STAGE_NAME, PERFORMER.ACTS, PERFORMER.GENRES,
                        PERFORMER.HOME_CITY, PERFORMER.DEFAULT_FEE_MINOR, PERFORMER.CURRENCY, PERFORMER.COMMISSION_BP,
                        PERFORMER.ACTIVE)
                .from(PERFORMER).where(where).orderBy(Sorting.orderBy(request, SORTS, "stageName", PERFORMER.ID))
                .limit(request.limit()).offset(request.offset())
                .fetch(r -> new PerformerRow(r.value1(), r.value2(), r.value3().replace(";", ", "),
                        r.value4().replace(";", ", "), r.value5(), r.value6(), r.value7(), r.value8(), r.value9()));
        return Page.ofCapped(rows, total, request.offset());
    }

    /** Every live performer by stage name, for pickers; {@code limit} guards a roster far larger than any agency's. */
    public List<PerformerChoice> choices(Actor actor, int limit) {
        actor.require(Permission.PERFORMERS_VIEW);
        return dsl.select(PERFORMER.ID, PERFORMER.STAGE_NAME, PERFORMER.LEGAL_NAME).from(PERFORMER)
                .where(PERFORMER.DELETED_AT.isNull()).orderBy(PERFORMER.STAGE_NAME, PERFORMER.ID).limit(limit)
                .fetch(r -> new PerformerChoice(r.value1(), r.value2(), r.value3()));
    }
}
