package dev.stagedesk.audit;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.db.jooq.tables.records.AuditLogRecord;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads the audit log and checks its chain. */
public final class AuditLog {
    private final DSLContext dsl;
    private final AuditDescriber describer;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
        this.describer = new AuditDescriber(dsl);
    }

    /** Turns entries into sentences with names and local times. */
    public AuditDescriber describer() {
        return describer;
    }

    /** A record's history as people read it, oldest first. */
    public List<AuditLine> history(String entityType, UUID entityId) {
        return describer.describe(forEntity(entityType, entityId));
    }

    /** The entries about one record, oldest first. */
    public List<AuditEntry> forEntity(String entityType, UUID entityId) {
        return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.ENTITY_TYPE.eq(entityType), AUDIT_LOG.ENTITY_ID.eq(entityId))
                .orderBy(AUDIT_LOG.SEQ).fetch(AuditLog::toEntry);
    }

    /** One page of the log, newest first, for the audit screen (administrators and accountants). */
    public Page<AuditEntry> page(Actor reader, AuditFilter f, PageRequest request) {
        if (!reader.can(Permission.AUDIT_VIEW)) {
            throw new PermissionDeniedException(Permission.AUDIT_VIEW);
        }
        Condition where = DSL.noCondition();
        if (f.actor() != null && !f.actor().isBlank()) {
            where = where.and(AUDIT_LOG.ACTOR.equalIgnoreCase(f.actor().strip()));
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            where = where.and(AUDIT_LOG.ENTITY_TYPE.eq(f.entityType()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            where = where.and(AUDIT_LOG.ACTION.eq(f.action().strip()));
        }
        // the days the screen shows are the agency's days (its times are shown in the agency's zone)
        ZoneId zone = f.from() != null || f.to() != null ? describer.zone() : ZoneOffset.UTC;
        if (f.from() != null) {
            where = where.and(AUDIT_LOG.OCCURRED_AT.ge(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            where = where.and(AUDIT_LOG.OCCURRED_AT.lt(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        String text = request.search().strip();
        if (!text.isEmpty()) {
            where = where.and(AUDIT_LOG.CHANGES.containsIgnoreCase(text));
        }
        int total = Counting.capped(dsl, AUDIT_LOG, where);
        List<AuditEntry> rows = dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.SEQ.desc())
                .limit(request.limit()).offset(request.offset()).fetch(AuditLog::toEntry);
        return Page.ofCapped(rows, total, request.offset());
    }

    private static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(r.getSeq(), r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                r.getEntityType(), r.getEntityId(), r.getChanges(), r.getPrevHash(), r.getHash());
    }

    public int count() {
        return dsl.fetchCount(AUDIT_LOG);
    }

    /** Empty when the chain is intact; otherwise the sequence number of the first entry that breaks it. */
    public Optional<Long> firstBrokenEntry() {
        return verify(AnchorSet.none()).firstBroken();
    }

    /** The newest entry (number and hash), empty while the log is empty. */
    public Optional<AuditHead> head() {
        return dsl.select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH).from(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ.desc()).limit(1)
                .fetchOptional(r -> new AuditHead(r.value1(), r.value2()));
    }

    /**
     * Walks the whole chain (each entry must hold the previous entry's hash and the hash of its own fields) and
     * compares every anchor with the entry it names: a missing entry is a truncation, a different hash a rewrite.
     */
    public AuditVerification verify(AnchorSet anchorSet) {
        Map<Long, List<AuditAnchor>> bySeq = new HashMap<>();
        long newestAnchored = 0;
        for (AuditAnchor a : anchorSet.anchors()) {
            if (a.seq() > 0) {
                bySeq.computeIfAbsent(a.seq(), k -> new ArrayList<>()).add(a);
                newestAnchored = Math.max(newestAnchored, a.seq());
            }
        }
        List<AuditVerification.Finding> findings = new ArrayList<>();
        int matched = 0;
        Long firstBroken = null;
        String expectedPrev = AuditWriter.GENESIS;
        long expectedSeq = 1;
        long entries = 0;
        long lastSeq = 0;
        try (var cursor = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchSize(1000).fetchLazy()) {
            for (var r : cursor) {
                AuditEntry e = toEntry(r);
                if (firstBroken == null && (e.seq() != expectedSeq || !e.prevHash().equals(expectedPrev)
                        || !AuditHash.of(e).equals(e.hash()))) {
                    firstBroken = expectedSeq;
                }
                List<AuditAnchor> anchored = bySeq.remove(e.seq());
                if (anchored != null) {
                    for (AuditAnchor a : anchored) {
                        if (a.hash().equals(e.hash())) {
                            matched++;
                        } else {
                            findings.add(new AuditVerification.Finding(AuditVerification.Kind.REWRITTEN, a));
                        }
                    }
                }
                expectedPrev = e.hash();
                expectedSeq = e.seq() + 1;
                lastSeq = e.seq();
                entries++;
            }
        }
        bySeq.values().forEach(missing -> missing.forEach(a ->
                findings.add(new AuditVerification.Finding(AuditVerification.Kind.TRUNCATED, a))));
        findings.sort(Comparator.comparingLong((AuditVerification.Finding f) -> f.anchor().seq()).reversed());
        return new AuditVerification(entries, lastSeq, Optional.ofNullable(firstBroken), matched, newestAnchored,
                findings, anchorSet);
    }
}
