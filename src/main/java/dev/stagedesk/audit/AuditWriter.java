package dev.stagedesk.audit;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagedesk.common.Ids;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Appends hash-chained entries to the audit log inside the caller's transaction. The chain head lives in
 * {@code number_sequence ('AUDIT', 0)} and is locked FOR UPDATE, so concurrent writers queue instead of
 * forking the chain.
 */
public final class AuditWriter {
    static final String GENESIS = "0".repeat(64);
    private static final String SERIES = "AUDIT";

    private final Ids ids;
    private final ObjectMapper json = new ObjectMapper();

    public AuditWriter(Ids ids) {
        this.ids = ids;
    }

    public void append(DSLContext tx, Instant at, String actor, String action, String entityType, UUID entityId,
                       Map<String, ?> before, Map<String, ?> after) {
        String changes = changesJson(before, after);
        Long last = tx.select(NUMBER_SEQUENCE.LAST_VALUE).from(NUMBER_SEQUENCE)
                .where(NUMBER_SEQUENCE.SERIES.eq(SERIES), NUMBER_SEQUENCE.PERIOD.eq(0))
                .forUpdate().fetchOne(NUMBER_SEQUENCE.LAST_VALUE);
        String prevHash;
        long seq;
        if (last == null) {
            tx.insertInto(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.SERIES, SERIES).set(NUMBER_SEQUENCE.PERIOD, 0)
                    .set(NUMBER_SEQUENCE.LAST_VALUE, 1L).execute();
            seq = 1;
            prevHash = GENESIS;
        } else {
            seq = last + 1;
            Record2<Long, String> prev = tx.select(AUDIT_LOG.SEQ, AUDIT_LOG.HASH).from(AUDIT_LOG)
                    .where(AUDIT_LOG.SEQ.eq(last)).fetchOne();
            prevHash = prev == null ? GENESIS : prev.value2();
            tx.update(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.LAST_VALUE, seq)
                    .where(NUMBER_SEQUENCE.SERIES.eq(SERIES), NUMBER_SEQUENCE.PERIOD.eq(0)).execute();
        }
        UUID id = ids.next();
        AuditEntry entry = new AuditEntry(seq, id, at, actor, action, entityType, entityId, changes, prevHash, null);
        String hash = AuditHash.of(entry);
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.SEQ, seq).set(AUDIT_LOG.ID, id).set(AUDIT_LOG.OCCURRED_AT, at)
                .set(AUDIT_LOG.ACTOR, actor).set(AUDIT_LOG.ACTION, action).set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, entityId).set(AUDIT_LOG.CHANGES, changes)
                .set(AUDIT_LOG.PREV_HASH, prevHash).set(AUDIT_LOG.HASH, hash)
                .execute();
    }

    /** {"before":{..},"after":{..}} holding only the fields that differ (all fields on create or delete). */
    String changesJson(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> b = new LinkedHashMap<>();
        Map<String, Object> a = new LinkedHashMap<>();
        if (before != null && after != null) {
            for (String key : after.keySet()) {
                Object old = before.get(key);
                Object neu = after.get(key);
                if (!Objects.equals(old, neu)) {
                    b.put(key, plain(old));
                    a.put(key, plain(neu));
                }
            }
        } else {
            if (before != null) {
                before.forEach((k, v) -> b.put(k, plain(v)));
            }
            if (after != null) {
                after.forEach((k, v) -> a.put(k, plain(v)));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("before", b);
        doc.put("after", a);
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }
}
