package dev.stagedesk.command;

import dev.stagedesk.audit.AuditWriter;
import dev.stagedesk.common.Ids;
import dev.stagedesk.security.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/** What a handler may use while its command runs: the transaction, the actor, the clock, ids and the audit. */
public final class CommandContext {
    private final DSLContext dsl;
    private final Actor actor;
    private final Instant now;
    private final Ids ids;
    private final AuditWriter audit;
    private int auditEntries;
    private boolean nothingChanged;
    private boolean replayed;
    private final List<Clash> clashes = new ArrayList<>();

    CommandContext(DSLContext dsl, Actor actor, Clock clock, Ids ids, AuditWriter audit) {
        this.dsl = dsl;
        this.actor = actor;
        // the store keeps microseconds (and H2 rounds finer values): hold exactly what will be stored, so an
        // instant read back equals the one written, and the audit hash over it stays verifiable
        this.now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        this.ids = ids;
        this.audit = audit;
    }

    /** The transaction's context: everything written through it commits or rolls back together. */
    public DSLContext dsl() {
        return dsl;
    }

    public Actor actor() {
        return actor;
    }

    /** One instant for the whole command, so every row it touches carries the same time. */
    public Instant now() {
        return now;
    }

    public UUID newId() {
        return ids.next();
    }

    /** Audit fields as name, value, name, value… in that order. */
    public static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Records who changed what: before and after of the fields that changed (null before = created). */
    public void audit(String action, String entityType, UUID entityId, Map<String, ?> before, Map<String, ?> after) {
        audit.append(dsl, now, actor.username(), action, entityType, entityId, before, after);
        auditEntries++;
    }

    public int auditEntries() {
        return auditEntries;
    }

    /**
     * Declares that this command changed nothing (a scheduled rule that found nothing due): instead of an audit
     * entry, the bus rolls back whatever the command touched, so nothing is committed and the log stays free of
     * "nothing happened" lines. A command that declares this must not also write an audit entry.
     */
    public void nothingChanged() {
        nothingChanged = true;
    }

    /**
     * Whether this command is being run again by the sync endpoint, after the desktop that made it ran it offline.
     * Then work that clashes with what came first is kept and noted ({@link #clash}) instead of refused.
     */
    public boolean replayed() {
        return replayed;
    }

    void markReplayed() {
        replayed = true;
    }

    /** Notes a clash the command kept (only while {@link #replayed()}). */
    public void clash(Clash clash) {
        clashes.add(clash);
    }

    public List<Clash> clashes() {
        return List.copyOf(clashes);
    }

    public boolean changedNothing() {
        return nothingChanged;
    }
}
