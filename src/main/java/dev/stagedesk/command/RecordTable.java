package dev.stagedesk.command;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdatableRecord;

/**
 * The row mechanics every business table shares: insert with timestamps and version 0, update only at the
 * expected version, soft delete and restore, and the record's words in the search index, all in the
 * caller's transaction. Repositories say how their fields map; this does the rest.
 */
public final class RecordTable<R extends UpdatableRecord<R>> {
    private final Table<R> table;
    private final String entity;
    private final Field<UUID> id;
    private final Field<Integer> version;
    private final Field<Instant> createdAt;
    private final Field<Instant> updatedAt;
    private final Field<Instant> deletedAt;
    private final SearchWords words;

    public RecordTable(Table<R> table, String entity, SearchWords words) {
        this.table = table;
        this.entity = entity;
        this.words = words;
        this.id = column("ID", UUID.class);
        this.version = column("VERSION", Integer.class);
        this.createdAt = column("CREATED_AT", Instant.class);
        this.updatedAt = column("UPDATED_AT", Instant.class);
        this.deletedAt = column("DELETED_AT", Instant.class);
    }

    private <T> Field<T> column(String name, Class<T> type) {
        Field<T> f = table.field(name, type);
        if (f == null) {
            throw new IllegalArgumentException(table.getName() + " has no column " + name);
        }
        return f;
    }

    public Optional<R> find(DSLContext dsl, UUID recordId) {
        return dsl.selectFrom(table).where(id.eq(recordId)).fetchOptional();
    }

    /** Inserts a new row: {@code fill} sets the business fields; {@code words} are what search finds it by. */
    public void insert(DSLContext dsl, UUID recordId, Consumer<R> fill, Instant now, String... words) {
        R r = dsl.newRecord(table);
        r.set(id, recordId);
        fill.accept(r);
        r.set(createdAt, now);
        r.set(updatedAt, now);
        r.set(version, 0);
        r.store();
        this.words.index(dsl, entity, recordId, words);
    }

    /** Writes the business fields if the row still has {@code expectedVersion}; false when someone was first. */
    public boolean update(DSLContext dsl, UUID recordId, int expectedVersion, Consumer<R> fill, Instant now,
                          String... words) {
        R r = dsl.newRecord(table);
        fill.accept(r);
        r.set(updatedAt, now);
        r.set(version, expectedVersion + 1);
        r.changed(id, false);
        boolean updated = dsl.update(table).set(r).where(id.eq(recordId), version.eq(expectedVersion)).execute() == 1;
        if (updated) {
            this.words.index(dsl, entity, recordId, words);
        }
        return updated;
    }

    /** Sets or clears the soft-delete mark if the row still has {@code expectedVersion}. */
    public boolean setDeleted(DSLContext dsl, UUID recordId, int expectedVersion, Instant deleted, Instant now) {
        return dsl.update(table).set(deletedAt, deleted).set(updatedAt, now).set(version, expectedVersion + 1)
                .where(id.eq(recordId), version.eq(expectedVersion)).execute() == 1;
    }
}
