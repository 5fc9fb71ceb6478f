package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.SYNC_OUTBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.DerivedIds;
import dev.stagedesk.command.Journal;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.Ids;
import dev.stagedesk.security.Actor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

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
                        .set(SYNC_OUTBOX.BASE_VERSIONS, baseVersions(command))
                        .set(SYNC_OUTBOX.HLC, hlc.text(state.getDeviceNo()))
                        .set(SYNC_OUTBOX.USER_ID, actor.userId()).set(SYNC_OUTBOX.USERNAME, actor.username())
                        .set(SYNC_OUTBOX.RAN_AT, now).execute();
            }

            @Override
            public void close() {
            }
        };
    }

    /** The versions the command says it was based on (its components named version or ...Version), as JSON. */
    static String baseVersions(Command<?> command) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (command.getClass().isRecord()) {
            for (RecordComponent c : command.getClass().getRecordComponents()) {
                if (c.getName().equals("version") || c.getName().endsWith("Version")) {
                    try {
                        out.put(c.getName(), c.getAccessor().invoke(command));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        try {
            return RowCodec.MAPPER.writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
