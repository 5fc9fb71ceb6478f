package dev.stagedesk.sync;

import dev.stagedesk.db.jooq.DefaultSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.ForeignKey;
import org.jooq.Table;

/**
 * The tables whose rows travel between desktops and the endpoint, parents before children. Derived data (search
 * words, open receivables, number counters), things of one desktop (its audit chain, preferences, geocode cache)
 * and sync's own bookkeeping stay where they are: each side keeps or derives them.
 */
public final class SyncTables {
    /** Never synced: derived on each side, or this desktop's own. */
    static final Set<String> LOCAL = Set.of("audit_log", "search_token", "open_receivable", "number_sequence",
            "geocode_cache", "preference", "sync_state", "sync_outbox", "sync_dirty", "sync_inbox", "sync_counter",
            "sync_mutation", "sync_change", "flyway_schema_history");

    private static final SyncTables INSTANCE = new SyncTables();

    private final Map<String, Table<?>> byName = new LinkedHashMap<>();
    private final Map<String, Table<?>> every = new LinkedHashMap<>();
    private final Map<String, Integer> ranks = new java.util.HashMap<>();

    private SyncTables() {
        Map<String, Table<?>> all = new LinkedHashMap<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            String name = t.getName().toLowerCase(Locale.ROOT);
            every.put(name, t);
            if (!LOCAL.contains(name)) {
                all.put(name, t);
            }
        }
        // parents first: a table comes after every table it references (self references aside)
        Set<String> placed = new HashSet<>();
        while (placed.size() < all.size()) {
            boolean progress = false;
            for (var e : all.entrySet()) {
                if (placed.contains(e.getKey())) {
                    continue;
                }
                boolean ready = true;
                for (ForeignKey<?, ?> fk : e.getValue().getReferences()) {
                    String parent = fk.getKey().getTable().getName().toLowerCase(Locale.ROOT);
                    if (!parent.equals(e.getKey()) && all.containsKey(parent) && !placed.contains(parent)) {
                        ready = false;
                    }
                }
                if (ready) {
                    placed.add(e.getKey());
                    ranks.put(e.getKey(), byName.size());
                    byName.put(e.getKey(), e.getValue());
                    progress = true;
                }
            }
            if (!progress) {
                List<String> left = new ArrayList<>(all.keySet());
                left.removeAll(placed);
                throw new IllegalStateException("Tables reference each other in a circle: " + left);
            }
        }
    }

    public static SyncTables get() {
        return INSTANCE;
    }

    /** Parents first. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean synced(String table) {
        return byName.containsKey(table);
    }

    public Table<?> table(String name) {
        Table<?> t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("not a synced table: " + name);
        }
        return t;
    }

    /** Position in the parents-first order (-1 for a table that does not sync). */
    public int rank(String table) {
        return ranks.getOrDefault(table, -1);
    }

    /** Any table of the store by its lower-case name, synced or not (an upload also carries the number counters). */
    public Table<?> anyTable(String name) {
        Table<?> t = every.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no such table: " + name);
        }
        return t;
    }
}
