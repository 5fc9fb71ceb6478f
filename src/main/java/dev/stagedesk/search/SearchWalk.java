package dev.stagedesk.search;

import dev.stagedesk.common.Page;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A page of a search with too many matches to list (a common word: "wedding" is in 124k of 1M bookings).
 * Reading every match and sorting them cost seconds; instead this walks the list in its order, off the
 * {@code (key, id)} index, a chunk at a time, keeping the rows the word index matches, until the page is full.
 * The walk reads the index alone (about 0.5 µs a row; reading the rows too costs four times that); only the
 * ids the words match are then checked against the other filters. It stops at the end of the chunk that
 * fills the page, so unless it reached the end the total is a lower bound ("of 240+").
 */
public final class SearchWalk {
    static final int CHUNK = 2_000;
    /**
     * Rows read past the page only to count matches. None: every match found is checked against the other
     * filters by key, and those lookups, not the walk, are what costs (600 of them took longer than the page).
     */
    static final int COUNT_BUDGET = 0;
    /**
     * Rows walked, the page still not full, before the broad words are read out after all: common words that
     * seldom go together would otherwise be checked on every row of the table.
     */
    static final int NARROW_AFTER = 50_000;

    private SearchWalk() {
    }

    /** The ids of one page, in list order, and how many match (at least). */
    public record Result(List<UUID> pageIds, int total, boolean totalIsLowerBound) {
        public <T> Page<T> page(List<T> rows, int offset) {
            return new Page<>(rows, Math.max(total, offset + rows.size()), offset, totalIsLowerBound);
        }
    }

    /**
     * Walks {@code table} where {@code filters} hold, ordered by {@code order} (which ends with {@code key} and
     * {@code id}, both {@code ascending} or both not; a fixed column may come first). {@code indexed} is the
     * part of the filters the walked index holds (a fixed status, bounds on the key); the rest is checked on
     * the matches only.
     */
    public static <K> Result walk(DSLContext dsl, Table<?> table, Field<K> key, Field<UUID> id, boolean ascending,
                                  SortField<?>[] order, Condition indexed, Condition filters,
                                  SearchIndex.Match match, int offset, int limit) {
        return walk(dsl, table, key, id, ascending, order, indexed, filters, match, offset, limit, CHUNK,
                COUNT_BUDGET, NARROW_AFTER);
    }

    /** With the chunk size and counting budget given (tests walk chunks of a few rows). */
    static <K> Result walk(DSLContext dsl, Table<?> table, Field<K> key, Field<UUID> id, boolean ascending,
                           SortField<?>[] order, Condition indexed, Condition filters, SearchIndex.Match match,
                           int offset, int limit, int chunkSize, int countBudget, int narrowAfter) {
        List<UUID> matched = new ArrayList<>();
        int need = offset + limit;
        int walked = 0;
        int walkedForPage = -1;
        K lastKey = null;
        UUID lastId = null;
        boolean exhausted = false;
        // PostgreSQL's driver reads and binds timestamps with a zone as OffsetDateTime, not Instant (H2 does both)
        boolean instantsAsOffsets = dsl.dialect().family() == SQLDialect.POSTGRES;
        while (true) {
            Condition where = indexed;
            if (lastId != null) {
                var row = DSL.row(key, id);
                where = where.and(ascending ? row.gt(lastKey, lastId) : row.lt(lastKey, lastId));
            }
            var query = dsl.select(key, id).from(table).where(where).orderBy(order).limit(chunkSize);
            List<UUID> chunk = new ArrayList<>(chunkSize);
            // read through JDBC: jOOQ parsed each timestamp from text, half the time of a walk at the xl store
            lastKey = dsl.connectionResult(c -> {
                try (var statement = c.prepareStatement(query.getSQL())) {
                    List<Object> binds = query.getBindValues();
                    for (int i = 0; i < binds.size(); i++) {
                        statement.setObject(i + 1, instantsAsOffsets && binds.get(i) instanceof Instant at
                                ? at.atOffset(ZoneOffset.UTC) : binds.get(i));
                    }
                    K k = null;
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            k = instantsAsOffsets && key.getType() == Instant.class
                                    ? key.getType().cast(rows.getObject(1, OffsetDateTime.class).toInstant())
                                    : rows.getObject(1, key.getType());
                            chunk.add(rows.getObject(2, UUID.class));
                        }
                    }
                    return k;
                }
            });
            walked += chunk.size();
            List<UUID> candidates = match.keep(dsl, chunk);
            if (!candidates.isEmpty()) {
                Set<UUID> pass = new HashSet<>(dsl.select(id).from(table)
                        .where(SearchIndex.idIn(id, candidates).and(filters)).fetch(id));
                candidates.stream().filter(pass::contains).forEach(matched::add);
            }
            if (chunk.size() < chunkSize) {
                exhausted = true;
                break;
            }
            lastId = chunk.get(chunk.size() - 1);
            if (walked >= narrowAfter && matched.size() < need && !match.broad().isEmpty()) {
                match = match.narrow(dsl);
                if (match.listed()) {
                    // few records have every word after all: the page and the count straight from them
                    Condition all = SearchIndex.idIn(id, match.ids()).and(filters);
                    List<UUID> page = dsl.select(id).from(table).where(all).orderBy(order).limit(limit).offset(offset)
                            .fetch(id);
                    int count = dsl.fetchCount(table, all);
                    return new Result(page, Math.min(count, Page.COUNT_CAP), count > Page.COUNT_CAP);
                }
            }
            if (matched.size() >= need && walkedForPage < 0) {
                walkedForPage = walked;
            }
            if (walkedForPage >= 0 && (matched.size() > Page.COUNT_CAP || walked - walkedForPage >= countBudget)) {
                break;
            }
        }
        List<UUID> page = offset >= matched.size() ? List.of()
                : matched.subList(offset, Math.min(matched.size(), need));
        int total = Math.min(matched.size(), Page.COUNT_CAP);
        return new Result(List.copyOf(page), total, !exhausted || matched.size() > Page.COUNT_CAP);
    }
}
