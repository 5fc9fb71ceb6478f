package dev.stagedesk.search;

import static dev.stagedesk.db.jooq.Tables.SEARCH_TOKEN;

import dev.stagedesk.common.SearchText;
import dev.stagedesk.command.SearchWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
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
        // a "word" of punctuation alone ("—", "&") is nothing anyone searches for
        if (!word.isEmpty() && word.codePoints().anyMatch(Character::isLetterOrDigit)) {
            out.add(word.length() > MAX_TOKEN ? word.substring(0, MAX_TOKEN) : word);
        }
    }

    /** The index as the base's port ({@link SearchWords}): what repositories write a record's words through. */
    public static SearchWords words() {
        return SearchIndex::index;
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

    /** A search with at most this many matching records hands their ids to SQL as a list. */
    public static final int LIST_MAX = 2_000;
    /**
     * A word with more records than this is not read out when a search starts; the walk checks it on the rows
     * it meets instead. "wedding" at the xl store (124k bookings) costs 45-110 ms to read and about 10 to check on
     * the first thousand rows walked.
     */
    static final int READ_MAX = 40_000;
    /** The most a word is read out when a walk that met few matches narrows its search ({@link Match#narrow}). */
    static final int FETCH_MAX = 150_000;

    /**
     * What the word index says about a search. {@code ids} are the records that have every word read out in
     * full (null when no word was: all of them were too common); {@code broad} are the typed words not read out
     * ("a", "wedding"), which {@link #keep} checks on a few candidates at a time.
     */
    public record Match(String entity, Set<UUID> ids, List<String> broad) {
        /** Nothing typed: every record matches. */
        public boolean everything() {
            return ids == null && broad.isEmpty();
        }

        public boolean nothing() {
            return ids != null && ids.isEmpty();
        }

        /** Few enough matches to name them in SQL ({@code id IN (...)}). */
        public boolean listed() {
            return ids != null && broad.isEmpty() && ids.size() <= LIST_MAX;
        }

        /** The candidates that match, in their order: in {@code ids}, and with a word for every broad prefix. */
        public List<UUID> keep(DSLContext dsl, List<UUID> candidates) {
            List<UUID> in = ids == null ? candidates : candidates.stream().filter(ids::contains).toList();
            if (broad.isEmpty() || in.isEmpty()) {
                return in;
            }
            // the candidates' words, by key: joined to the ids unnested (H2 re-checks "= ANY(?)" on every row
            // against the whole array: 2000 candidates took 95 ms that way, 21 this way), only the broad words
            StringBuilder sql = new StringBuilder("SELECT s.record_id, s.token FROM UNNEST(?) AS t(id) "
                    + "JOIN search_token s ON s.record_id = t.id WHERE s.entity_type = ? AND (");
            for (int i = 0; i < broad.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(s.token >= ? AND s.token < ?)");
            }
            Map<UUID, List<String>> words = new HashMap<>();
            dsl.connection(c -> {
                try (var statement = c.prepareStatement(sql.append(')').toString())) {
                    statement.setObject(1, in.toArray(UUID[]::new));
                    statement.setString(2, entity);
                    int p = 3;
                    for (String prefix : broad) {
                        statement.setString(p++, prefix);
                        statement.setString(p++, prefix + Character.MAX_VALUE);
                    }
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            words.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                                    .add(rows.getString(2));
                        }
                    }
                }
            });
            return in.stream().filter(id -> broad.stream().allMatch(prefix -> words.getOrDefault(id, List.of())
                    .stream().anyMatch(w -> w.startsWith(prefix)))).toList();
        }

        /**
         * The same search with the broad words read out after all, up to {@link #FETCH_MAX} each: for a walk
         * that met few matches (common words that seldom go together), reading beats checking row after row.
         */
        public Match narrow(DSLContext dsl) {
            Set<UUID> narrowed = ids;
            List<String> still = new ArrayList<>();
            for (String prefix : broad) {
                Set<UUID> found = recordIds(dsl, entity, prefix, narrowed, FETCH_MAX);
                if (found == null) {
                    still.add(prefix);
                } else {
                    narrowed = found;
                }
            }
            return new Match(entity, narrowed, still);
        }
    }

    /**
     * Looks a search up in the index, rarest word first (a count capped at {@link #LIST_MAX} is a short range
     * scan): each word with at most {@link #READ_MAX} records is read out and intersected; one over that is broad,
     * checked on the rows a walk meets; and once the matches are few, a common word is checked on them.
     */
    public static Match find(DSLContext dsl, String entity, String text) {
        String folded = SearchText.fold(text);
        if (folded.isEmpty()) {
            return new Match(entity, null, List.of());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : queryWords(folded)) {
            String prefix = word.length() > MAX_TOKEN ? word.substring(0, MAX_TOKEN) : word;
            counts.put(prefix, dsl.fetchCount(dsl.selectOne().from(SEARCH_TOKEN).where(wordRange(entity, prefix))
                    .limit(LIST_MAX + 1)));
        }
        List<String> rarestFirst = new ArrayList<>(counts.keySet());
        rarestFirst.sort(Comparator.comparing(counts::get));
        Set<UUID> ids = null;
        List<String> broad = new ArrayList<>();
        for (String prefix : rarestFirst) {
            if (ids != null && ids.size() <= LIST_MAX && counts.get(prefix) > LIST_MAX) {
                broad.add(prefix); // checked on the few matches below
                continue;
            }
            Set<UUID> found = recordIds(dsl, entity, prefix, ids, READ_MAX);
            if (found == null) {
                broad.add(prefix);
            } else {
                ids = found;
            }
            if (ids != null && ids.isEmpty()) {
                return new Match(entity, ids, List.of());
            }
        }
        if (ids != null && ids.size() <= LIST_MAX && !broad.isEmpty()) {
            Match few = new Match(entity, ids, broad);
            return new Match(entity, new HashSet<>(few.keep(dsl, new ArrayList<>(ids))), List.of());
        }
        return new Match(entity, ids, broad);
    }

    /** How many records of the rarest word {@link #first} reads before checking the other words on them. */
    static final int FIRST_CANDIDATES = 1_000;

    /**
     * Some records (up to {@code max}) whose words start with every word of {@code text}, found without reading
     * every match: for the global search box, which shows a handful per kind as one types. The rarest word's
     * first records are read off the index and the other words checked on them; only when that leaves too few
     * and the rarest word has more records than were read does it fall back to the full {@link #find}.
     */
    public static List<UUID> first(DSLContext dsl, String entity, String text, int max) {
        String folded = SearchText.fold(text);
        Set<String> words = queryWords(folded);
        if (words.isEmpty()) {
            return List.of();
        }
        String rarest = null;
        int fewest = Integer.MAX_VALUE;
        for (String word : words) {
            String prefix = word.length() > MAX_TOKEN ? word.substring(0, MAX_TOKEN) : word;
            int n = dsl.fetchCount(dsl.selectOne().from(SEARCH_TOKEN).where(wordRange(entity, prefix))
                    .limit(FIRST_CANDIDATES + 1));
            if (n == 0) {
                return List.of();
            }
            if (n < fewest) {
                fewest = n;
                rarest = prefix;
            }
        }
        List<String> others = new ArrayList<>();
        for (String word : words) {
            String prefix = word.length() > MAX_TOKEN ? word.substring(0, MAX_TOKEN) : word;
            if (!prefix.equals(rarest)) {
                others.add(prefix);
            }
        }
        // the rarest word's first records (one short index range), checked against the other words a growing
        // chunk at a time until enough match: matches are usually dense among them, so the first chunk answers
        String first = rarest;
        List<UUID> candidates = dsl.connectionResult(c -> {
            try (var statement = c.prepareStatement("SELECT record_id FROM search_token WHERE entity_type = ? "
                    + "AND token >= ? AND token < ? LIMIT " + FIRST_CANDIDATES)) {
                statement.setString(1, entity);
                statement.setString(2, first);
                statement.setString(3, first + Character.MAX_VALUE);
                LinkedHashSet<UUID> out = new LinkedHashSet<>();
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        out.add(result.getObject(1, UUID.class));
                    }
                }
                return new ArrayList<>(out);
            }
        });
        List<UUID> kept = new ArrayList<>();
        for (int from = 0, chunk = 50; from < candidates.size() && kept.size() < max; from += chunk, chunk *= 4) {
            List<UUID> part = candidates.subList(from, Math.min(candidates.size(), from + chunk));
            kept.addAll(others.isEmpty() ? part : new Match(entity, null, others).keep(dsl, part));
        }
        if (kept.size() < max && fewest > FIRST_CANDIDATES) {
            Match all = find(dsl, entity, text);
            if (all.ids() != null && all.broad().isEmpty()) {
                return all.ids().stream().sorted().limit(max).toList();
            }
        }
        return kept.size() > max ? kept.subList(0, max) : kept;
    }

    /**
     * The records with a word starting with {@code prefix} (and in {@code within}, unless null), or null when
     * more than {@code max} records have it. Read through JDBC:
     * for 100k ids, jOOQ's records cost three times the read itself (docs/BENCHMARKS.md).
     */
    private static Set<UUID> recordIds(DSLContext dsl, String entity, String prefix, Set<UUID> within, int max) {
        return dsl.connectionResult(c -> {
            try (var statement = c.prepareStatement("SELECT record_id FROM search_token WHERE entity_type = ? "
                    + "AND token >= ? AND token < ? LIMIT " + (max + 1))) {
                statement.setString(1, entity);
                statement.setString(2, prefix);
                statement.setString(3, prefix + Character.MAX_VALUE);
                Set<UUID> out = new HashSet<>();
                int rows = 0;
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        UUID id = result.getObject(1, UUID.class);
                        if (within == null || within.contains(id)) {
                            out.add(id);
                        }
                        rows++;
                    }
                }
                return rows > max ? null : out;
            }
        });
    }

    /**
     * {@code id = ANY(?)} with the ids bound as one array: H2 looks them up by key, and a thousand binds cost
     * more. A plain {@code ?}: jOOQ's own array value renders {@code CAST(? AS UUID ARRAY)}, which H2 does not
     * read through the key (a scan of 1M bookings, 300 ms).
     */
    public static Condition idIn(Field<UUID> id, Collection<UUID> ids) {
        return DSL.condition("{0} = ANY({1})", id, DSL.field("?", Object.class, (Object) ids.toArray(UUID[]::new)));
    }

    private static Condition wordRange(String entity, String prefix) {
        return SEARCH_TOKEN.ENTITY_TYPE.eq(entity).and(SEARCH_TOKEN.TOKEN.ge(prefix))
                .and(SEARCH_TOKEN.TOKEN.lt(prefix + Character.MAX_VALUE));
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
     * One kind of record in the index: its entity name, its table, the rows to read for a rebuild (the record's
     * id first) and the fields search finds a row by.
     */
    public record Kind<R extends Record>(String entity, Table<?> table, Function<DSLContext, ResultQuery<R>> rows,
                                         Function<R, String[]> fields) {

        /** A kind whose words come from its own row. */
        public static <T extends Record> Kind<T> of(String entity, Table<T> table, Function<T, String[]> fields) {
            return new Kind<>(entity, table, dsl -> dsl.selectFrom(table), fields);
        }
    }
}
