package dev.stagedesk.command;

import dev.stagedesk.common.Ids;
import dev.stagedesk.security.Actor;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * The bus's port to sync (implemented by the sync feature, wired by the composition root). Inside each command's
 * transaction the bus asks it to open an entry before the handler runs and to record it after the handler
 * changed something, so the outbox entry commits or rolls back with the change itself.
 */
public interface Journal {

    /** Opens the journal entry of one command; never null ({@link Entry#NONE} when the command is not synced). */
    Entry open(DSLContext tx, Actor actor, Command<?> command, Instant now);

    /** One command's journal entry. */
    interface Entry {
        /** Not journaled: the bus's own ids, nothing recorded. */
        Entry NONE = new Entry() {
            @Override
            public Ids ids(Ids fallback) {
                return fallback;
            }

            @Override
            public void record(DSLContext tx) {
            }

            @Override
            public void close() {
            }
        };

        /** The ids the handler gives new rows. */
        Ids ids(Ids fallback);

        /** Called once the handler changed something, inside its transaction. */
        void record(DSLContext tx);

        /** Called when the command is done, whatever happened. */
        void close();
    }
}
