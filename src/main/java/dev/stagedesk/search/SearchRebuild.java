package dev.stagedesk.search;

import static dev.stagedesk.db.jooq.Tables.PREFERENCE;
import static dev.stagedesk.db.jooq.Tables.SEARCH_TOKEN;

import dev.stagedesk.search.SearchIndex.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the word index of a store that lacks some of it, at open (moved out of {@link SearchIndex}, which only
 * writes inside a command's transaction: this is maintenance of derived data and commits as it goes).
 */
public final class SearchRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(SearchRebuild.class);

    private SearchRebuild() {
    }

    /** Words are written sorted by the primary key, this many at a time (see {@link #rebuildMissing}). */
    static final int REBUILD_CHUNK = 1_000_000;
    private static final String MARKER = "search.rebuilding.";

    /**
     * Fills the index of every kind that has records but no words: stores created before the index existed
     * (V2), or before a kind was searchable through it (bookings, inquiries, packages). The index is derived
     * data, like a database index: not a user's change, no audit entry. Words go in sorted chunks, each
     * statement committed on its own (one transaction of millions of rows grew an xl store by 7 GB); a marker
     * row says a rebuild is under way, so one cut short starts again at the next open.
     */
    public static void rebuildMissing(DSLContext dsl, List<Kind<?>> kinds) {
        for (Kind<?> kind : kinds) {
            boolean interrupted = dsl.fetchExists(PREFERENCE, PREFERENCE.USER_ID.isNull(),
                    PREFERENCE.PREF_KEY.eq(MARKER + kind.entity()));
            if (!interrupted && (!dsl.fetchExists(kind.table())
                    || dsl.fetchExists(SEARCH_TOKEN, SEARCH_TOKEN.ENTITY_TYPE.eq(kind.entity())))) {
                continue;
            }
            long started = System.nanoTime();
            dsl.transaction(cfg -> {
                cfg.dsl().deleteFrom(SEARCH_TOKEN).where(SEARCH_TOKEN.ENTITY_TYPE.eq(kind.entity())).execute();
                if (!interrupted) {
                    Instant now = Instant.now();
                    cfg.dsl().insertInto(PREFERENCE).set(PREFERENCE.ID, UUID.randomUUID())
                            .set(PREFERENCE.PREF_KEY, MARKER + kind.entity()).set(PREFERENCE.PREF_VALUE, "started")
                            .set(PREFERENCE.CREATED_AT, now).set(PREFERENCE.UPDATED_AT, now).execute();
                }
            });
            long words = rebuild(dsl, kind);
            dsl.deleteFrom(PREFERENCE).where(PREFERENCE.USER_ID.isNull(), PREFERENCE.PREF_KEY.eq(MARKER + kind.entity()))
                    .execute();
            LOG.info("search index rebuilt for {}: {} words in {} ms", kind.entity(), words,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static <R extends Record> long rebuild(DSLContext dsl, Kind<R> kind) {
        List<Object[]> chunk = new ArrayList<>();
        long written = 0;
        try (var cursor = kind.rows().apply(dsl).fetchSize(2000).fetchLazy()) {
            for (R r : cursor) {
                UUID id = r.get(0, UUID.class);
                for (String w : SearchIndex.tokens(kind.fields().apply(r))) {
                    chunk.add(new Object[] {w, id});
                }
                if (chunk.size() >= REBUILD_CHUNK) {
                    written += writeSorted(dsl, kind.entity(), chunk);
                }
            }
        }
        return written + writeSorted(dsl, kind.entity(), chunk);
    }

    private static int writeSorted(DSLContext dsl, String entity, List<Object[]> chunk) {
        chunk.sort(Comparator.<Object[], String>comparing(a -> (String) a[0])
                .thenComparing(a -> (UUID) a[1]));
        int n = chunk.size();
        for (int from = 0; from < n; from += 1000) {
            InsertValuesStep3<?, String, String, UUID> insert = dsl.insertInto(SEARCH_TOKEN, SEARCH_TOKEN.ENTITY_TYPE,
                    SEARCH_TOKEN.TOKEN, SEARCH_TOKEN.RECORD_ID);
            for (Object[] w : chunk.subList(from, Math.min(n, from + 1000))) {
                insert = insert.values(entity, (String) w[0], (UUID) w[1]);
            }
            insert.execute();
        }
        chunk.clear();
        return n;
    }

    /**
     * Writes the words of these records of a kind again (and drops the words of those that no longer exist), in the
     * caller's transaction: after sync applied rows another desktop changed, each side derives its own words.
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> void reindex(DSLContext tx, Kind<R> kind, Collection<UUID> ids) {
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> part = all.subList(from, Math.min(all.size(), from + 500));
            tx.deleteFrom(SEARCH_TOKEN).where(SEARCH_TOKEN.ENTITY_TYPE.eq(kind.entity()),
                    SEARCH_TOKEN.RECORD_ID.in(part)).execute();
            Select<R> query = (Select<R>) kind.rows().apply(tx);
            Field<UUID> id = (Field<UUID>) query.getSelect().get(0);
            Condition where = query.$where();
            ResultQuery<R> narrowed = query.$where(where == null ? id.in(part) : where.and(id.in(part)));
            List<Object[]> words = new ArrayList<>();
            for (R r : narrowed.fetch()) {
                UUID rid = r.get(0, UUID.class);
                for (String w : SearchIndex.tokens(kind.fields().apply(r))) {
                    words.add(new Object[] {w, rid});
                }
            }
            writeSorted(tx, kind.entity(), words);
        }
    }
}
