package dev.stagedesk.client;

import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import static dev.stagedesk.db.jooq.Tables.CLIENT;

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

/** Reads for the clients list: flat, paged SQL, sorted by an indexed column. */
public final class ClientQuery {
    public static final Map<String, Field<?>> SORTS = Map.of(
            "name", CLIENT.NAME, "city", CLIENT.CITY, "kind", CLIENT.KIND, "updated", CLIENT.UPDATED_AT,
            "email", CLIENT.EMAIL, "country", CLIENT.COUNTRY_CODE, "contact", CLIENT.CONTACT_NAME);

    private final DSLContext dsl;

    public ClientQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<ClientRow> page(Actor actor, PageRequest request, ClientFilter filter) {
        actor.require(Permission.CLIENTS_VIEW);
        Condition where = where(request.search(), filter);
        int total = Counting.capped(dsl, CLIENT, where);
        List<ClientRow> rows = dsl.select(CLIENT.ID, CLIENT.KIND, CLIENT.NAME, CLIENT.CONTACT_NAME, CLIENT.EMAIL,
                        CLIENT.PHONE, CLIENT.CITY, CLIENT.COUNTRY_CODE, CLIENT.UPDATED_AT, CLIENT.DELETED_AT)
                .from(CLIENT).where(where).orderBy(Sorting.orderBy(request, SORTS, "name", CLIENT.ID)).limit(request.limit()).offset(request.offset())
                .fetch(r -> new ClientRow(r.value1(), ClientKind.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10() != null));
        return Page.ofCapped(rows, total, request.offset());
    }

    /** Live clients whose name matches, for pickers (autocomplete). */
    public List<ClientRow> suggest(Actor actor, String text, int limit) {
        return page(actor, new PageRequest(text, "name", true, 0, limit), ClientFilter.NONE).rows();
    }

    private static Condition where(String search, ClientFilter filter) {
        Condition c = SearchIndex.matches(ClientService.ENTITY, CLIENT.ID, search);
        if (!filter.includeDeleted()) {
            c = c.and(CLIENT.DELETED_AT.isNull());
        }
        if (filter.kind() != null) {
            c = c.and(CLIENT.KIND.eq(filter.kind().name()));
        }
        if (filter.city() != null && !filter.city().isBlank()) {
            c = c.and(CLIENT.CITY.startsWithIgnoreCase(filter.city().strip()));
        }
        return c;
    }
}
