package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.SYNC_OUTBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.DerivedIds;
import dev.stagedesk.command.Journal;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.Ids;
import dev.stagedesk.security.Actor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * The desktop's half of the bus's journal: while this desktop is joined to an agency on a sync endpoint, each
 * synced command gets a mutation id, the next device sequence number and a hybrid logical clock, gives its new rows
 * ids derived from the mutation id, and leaves an outbox entry in its own transaction. A command that stays on this
 * desktop ({@link LocalCommand}) runs with the capture triggers off.
 */
public final class SyncJournal implements Journal {
    private final CommandCodec codec;
    private volatile boolean joined;

    public SyncJournal(CommandCodec codec, DSLContext dsl) {
        this.codec = codec;
        this.joined = dsl.fetchExists(SYNC_STATE);
    }

    /** Whether this desktop is joined to an agency on an endpoint (set when it connects or disconnects). */
    public boolean joined() {
        return joined;
    }

    void joined(boolean joined) {
        this.joined = joined;
    }

    @Override
    public Entry open(DSLContext tx, Actor actor, Command<?> command, Instant now) {
        if (!joined) {
            return Entry.NONE;
        }
        if (command instanceof LocalCommand) {
            Capture.suspend();
            return new Entry() {
                @Override
                public Ids ids(Ids fallback) {
                    return fallback;
                }

                @Override
                public void record(DSLContext t) {
                }

                @Override
                public void close() {
                    Capture.resume();
                }
            };
        }
        UUID mutationId = UUID.randomUUID();
        String base = base(tx, command);
        // one command at a time on a syncing desktop, and never while pulled changes are applied: both take the
        // link's row first, before anything else is written
        tx.selectFrom(SYNC_STATE).forUpdate().fetchOne();
        return new Entry() {
            @Override
            public Ids ids(Ids fallback) {
                return new DerivedIds(mutationId, now);
            }

            @Override
            public void record(DSLContext t) {
                var state = t.selectFrom(SYNC_STATE).forUpdate().fetchOne();
                if (state == null) {
                    return;
                }
                Hlc hlc = Hlc.tick(state.getHlcMillis(), state.getHlcCounter(), now.toEpochMilli());
                long seq = state.getNextSeq();
                t.update(SYNC_STATE).set(SYNC_STATE.NEXT_SEQ, seq + 1).set(SYNC_STATE.HLC_MILLIS, hlc.millis())
                        .set(SYNC_STATE.HLC_COUNTER, hlc.counter()).execute();
                t.insertInto(SYNC_OUTBOX).set(SYNC_OUTBOX.MUTATION_ID, mutationId).set(SYNC_OUTBOX.DEVICE_SEQ, seq)
                        .set(SYNC_OUTBOX.COMMAND_TYPE, CommandCodec.typeName(command.getClass()))
                        .set(SYNC_OUTBOX.COMMAND_VERSION, CommandCodec.VERSION)
                        .set(SYNC_OUTBOX.COMMAND_JSON, codec.text(command))
                        .set(SYNC_OUTBOX.BASE_VERSIONS, base)
                        .set(SYNC_OUTBOX.HLC, hlc.text(state.getDeviceNo()))
                        .set(SYNC_OUTBOX.USER_ID, actor.userId()).set(SYNC_OUTBOX.USERNAME, actor.username())
                        .set(SYNC_OUTBOX.RAN_AT, now).execute();
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * What the command was based on, as JSON: the versions it names (its components named version or ...Version)
     * and, when it edits one record by its {@code id}, that record's row as it is here before the command runs (the
     * endpoint merges edits of different fields with it). Null when there is nothing.
     */
    static String base(DSLContext tx, Command<?> command) {
        ObjectNode out = RowCodec.MAPPER.createObjectNode();
        UUID id = null;
        if (command.getClass().isRecord()) {
            for (RecordComponent c : command.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(command);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if ((c.getName().equals("version") || c.getName().endsWith("Version")) && v instanceof Number n) {
                    out.put(c.getName(), n.longValue());
                } else if (c.getName().equals("id") && v instanceof UUID u) {
                    id = u;
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        if (id != null) {
            Located row = locate(tx, id);
            if (row != null) {
                out.put("table", row.table());
                out.set("row", row.row());
            }
        }
        return out.toString();
    }

    /** A record found by its id: its table and row. */
    record Located(String table, ObjectNode row) {
    }

    /** The row with this id in any synced table keyed by a single id (null when there is none). */
    static Located locate(DSLContext tx, UUID id) {
        for (String t : SyncTables.get().names()) {
            Table<?> table = SyncTables.get().table(t);
            var keys = RowCodec.keyFields(table);
            if (keys.size() == 1 && keys.get(0).getType() == UUID.class) {
                Map<String, ObjectNode> found = RowCodec.read(tx, table, List.of(id.toString()));
                if (!found.isEmpty()) {
                    return new Located(t, found.values().iterator().next());
                }
            }
        }
        return null;
    }
}
