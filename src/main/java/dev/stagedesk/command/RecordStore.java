package dev.stagedesk.command;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** What a repository offers the generic record commands. Updates check the expected version. */
public interface RecordStore<D, E extends StoredRecord> {
    Optional<E> find(DSLContext dsl, UUID id);

    void insert(DSLContext dsl, UUID id, D draft, Instant now);

    boolean update(DSLContext dsl, UUID id, int expectedVersion, D draft, Instant now);

    boolean setDeleted(DSLContext dsl, UUID id, int expectedVersion, Instant deletedAt, Instant now);
}
