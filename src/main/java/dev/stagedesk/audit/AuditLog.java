package dev.stagedesk.audit;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Reads the audit log and checks its chain. */
public final class AuditLog {
    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The entries about one record, oldest first. */
    public List<AuditEntry> forEntity(String entityType, UUID entityId) {
        return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq(entityType), AUDIT_LOG.ENTITY_ID.eq(entityId))
                .orderBy(AUDIT_LOG.SEQ).fetch(r -> new AuditEntry(r.getSeq(), r.getId(), r.getOccurredAt(),
                        r.getActor(), r.getAction(), r.getEntityType(), r.getEntityId(), r.getChanges(),
                        r.getPrevHash(), r.getHash()));
    }

    public int count() {
        return dsl.fetchCount(AUDIT_LOG);
    }

    /** Empty when the chain is intact; otherwise the sequence number of the first entry that breaks it. */
    public Optional<Long> firstBrokenEntry() {
        String expectedPrev = AuditWriter.GENESIS;
        long expectedSeq = 1;
        try (var cursor = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchSize(1000).fetchLazy()) {
            for (var r : cursor) {
                AuditEntry e = new AuditEntry(r.getSeq(), r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                        r.getEntityType(), r.getEntityId(), r.getChanges(), r.getPrevHash(), r.getHash());
                if (e.seq() != expectedSeq || !e.prevHash().equals(expectedPrev) || !AuditHash.of(e).equals(e.hash())) {
                    return Optional.of(expectedSeq);
                }
                expectedPrev = e.hash();
                expectedSeq++;
            }
        }
        return Optional.empty();
    }
}
