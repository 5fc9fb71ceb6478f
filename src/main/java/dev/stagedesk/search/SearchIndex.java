package dev.stagedesk.search;

import static dev.stagedesk.db.jooq.Tables.SEARCH_TOKEN;

import dev.stagedesk.common.SearchText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.impl.DSL;

/**
 * The word index behind instant search. A record's searchable fields are folded (case, accents) and split
 * into words; a search matches records that have, for every word typed, a word starting with it
 * ("zoe mul" finds "Zoë Müller"). Matching is a range scan on the index, not a scan of the records.
 * Repositories call {@link #index} in the same transaction as the record's write.
 */
public final class SearchIndex {
    public static final int MAX_TOKEN = 64;

    private SearchIndex() {
    }

    /** The words of some fields: each whitespace-separated word, plus its parts between punctuation. */
    public static Set<String> tokens(String... fields) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : SearchText.of(fields).split(" ")) {
            add(out, word);
            for (String part : word.split("[^\\p{L}\\p{N}]+")) {
                add(out, part);
            }
        }
        return out;
    }

    private static void add(Set<String> out, String word) {
        if (!word.isEmpty()) {
            out.add(word.length() > MAX_TOKEN ? word.substring(0, MAX_TOKEN) : word);
        }
    }

    /** Replaces the words of one record. */
    public static void index(DSLContext dsl, String entity, UUID id, String... fields) {
        dsl.deleteFrom(SEARCH_TOKEN).where(SEARCH_TOKEN.ENTITY_TYPE.eq(entity), SEARCH_TOKEN.RECORD_ID.eq(id)).execute();
        Set<String> words = tokens(fields);
        if (words.isEmpty()) {
            return;
        }
        InsertValuesStep3<?, String, String, UUID> insert = dsl.insertInto(SEARCH_TOKEN, SEARCH_TOKEN.ENTITY_TYPE,
                SEARCH_TOKEN.TOKEN, SEARCH_TOKEN.RECORD_ID);
        for (String w : words) {
            insert = insert.values(entity, w, id);
        }
        insert.execute();
    }

    /** Records of {@code entity} (by their id column) whose words start with every word of {@code text}. */
    public static Condition matches(String entity, Field<UUID> idField, String text) {
        String folded = SearchText.fold(text);
        if (folded.isEmpty()) {
            return DSL.noCondition();
        }
        List<Condition> all = new ArrayList<>();
        for (String word : queryWords(folded)) {
            String prefix = word.length() > MAX_TOKEN ? word.substring(0, MAX_TOKEN) : word;
            all.add(idField.in(DSL.select(SEARCH_TOKEN.RECORD_ID).from(SEARCH_TOKEN)
                    .where(SEARCH_TOKEN.ENTITY_TYPE.eq(entity), SEARCH_TOKEN.TOKEN.ge(prefix),
                            SEARCH_TOKEN.TOKEN.lt(prefix + Character.MAX_VALUE))));
        }
        return DSL.and(all);
    }

    /** Typed words; one with punctuation ("smith.exam", "+49") counts as its parts, as indexed words do. */
    static Set<String> queryWords(String folded) {
        Set<String> out = new LinkedHashSet<>();
        for (String word : folded.split(" ")) {
            if (word.matches("[\\p{L}\\p{N}]+")) {
                out.add(word);
            } else {
                for (String part : word.split("[^\\p{L}\\p{N}]+")) {
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Fills the index for stores created before it existed (migration V2), once, in one transaction. The
     * index is derived data, like a database index: it is not a user's change and has no audit entry.
     */
    public static void rebuildIfMissing(DSLContext dsl, boolean storeHasRecords, List<Consumer<DSLContext>> reindexers) {
        if (storeHasRecords && !dsl.fetchExists(SEARCH_TOKEN)) {
            dsl.transaction(cfg -> reindexers.forEach(r -> r.accept(cfg.dsl())));
        }
    }
}
