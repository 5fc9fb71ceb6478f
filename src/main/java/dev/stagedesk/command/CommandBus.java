package dev.stagedesk.command;

import dev.stagedesk.audit.AuditWriter;
import dev.stagedesk.common.Ids;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write path. Each command runs in one transaction: permission check, validation and apply (the
 * handler), audit entry. A batch (CSV import) runs all its commands in one transaction: all or nothing.
 * With sync on, the {@link Journal} writes the command's outbox entry in the same transaction, and
 * {@link #replay} runs a command another desktop sent, with that desktop's time and ids.
 */
public final class CommandBus {
    private static final Logger LOG = LoggerFactory.getLogger(CommandBus.class);

    private final DSLContext dsl;
    private final Clock clock;
    private final Ids ids;
    private final AuditWriter audit;
    private final Map<Class<?>, CommandHandler<?, ?>> handlers = new HashMap<>();
    private volatile Journal journal;

    public CommandBus(DSLContext dsl, Clock clock, Ids ids, AuditWriter audit) {
        this.dsl = dsl;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    /** Hands every command's transaction to sync's journal from now on. */
    public void journal(Journal journal) {
        this.journal = journal;
    }

    /** Every command type with a handler (sync reads commands by these names). */
    public Set<Class<?>> commandTypes() {
        return Set.copyOf(handlers.keySet());
    }

    /** Whether a command of this type has a handler here. */
    public boolean handles(Class<?> type) {
        return handlers.containsKey(type);
    }

    public <C extends Command<R>, R> void register(Class<C> type, CommandHandler<C, R> handler) {
        if (handlers.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException("Two handlers for " + type.getName());
        }
    }

    /**
     * Runs one command in its own transaction and returns its result. A command that declared
     * {@link CommandContext#nothingChanged()} has its transaction rolled back: it commits nothing and writes no
     * audit entry.
     */
    @SuppressWarnings("unchecked")
    public <R> R execute(Actor actor, Command<R> command) {
        try {
            return dsl.transactionResult(cfg -> {
                Ran<R> ran = run(cfg.dsl(), actor, command);
                if (ran.nothingChanged()) {
                    throw new NothingChanged(ran.result());
                }
                return ran.result();
            });
        } catch (NothingChanged unchanged) {
            return (R) unchanged.result;
        }
    }

    /**
     * Runs every command in one transaction: the first failure rolls all of them back. A command of the batch
     * that declared it changed nothing adds no audit entry (and, having changed nothing, nothing of its own).
     */
    public List<Object> executeAll(Actor actor, List<? extends Command<?>> commands) {
        return dsl.transactionResult(cfg -> {
            List<Object> results = new ArrayList<>(commands.size());
            for (int i = 0; i < commands.size(); i++) {
                results.add(runItem(cfg.dsl(), actor, commands.get(i), i));
            }
            return results;
        });
    }

    /** Runs the commands and rolls everything back: what an import's --dry-run does. */
    public void tryAll(Actor actor, List<? extends Command<?>> commands) {
        try {
            dsl.transaction(cfg -> {
                for (int i = 0; i < commands.size(); i++) {
                    runItem(cfg.dsl(), actor, commands.get(i), i);
                }
                throw new DryRunRollback();
            });
        } catch (DryRunRollback expected) {
            // rolled back on purpose
        }
    }

    private Object runItem(DSLContext tx, Actor actor, Command<?> command, int index) {
        try {
            return run(tx, actor, command).result();
        } catch (RuntimeException e) {
            throw new BatchItemException(index, e);
        }
    }

    /**
     * Runs a command that another desktop ran first, inside the caller's transaction (the sync endpoint's, which
     * also records the answer): with that desktop's instant and the ids derived from the mutation, so the rows it
     * writes are the ones the desktop wrote. Throws what the handler throws; returns whether it changed anything.
     */
    public <R> Replayed replay(DSLContext tx, Actor actor, Command<R> command, UUID mutationId, Instant at) {
        Ran<R> ran = runWith(tx, actor, command, Clock.fixed(at, ZoneOffset.UTC),
                new DerivedIds(mutationId, at), Journal.Entry.NONE, true);
        return new Replayed(!ran.nothingChanged(), ran.clashes());
    }

    /** What a replayed command did: whether it changed anything, and the clashes it kept. */
    public record Replayed(boolean changed, List<Clash> clashes) {
    }

    private <R> Ran<R> run(DSLContext tx, Actor actor, Command<R> command) {
        Journal j = journal;
        if (j == null) {
            return runWith(tx, actor, command, clock, ids, Journal.Entry.NONE, false);
        }
        Clock fixed = Clock.fixed(clock.instant(), clock.getZone());
        Journal.Entry entry = j.open(tx, actor, command, fixed.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            return runWith(tx, actor, command, fixed, entry.ids(ids), entry, false);
        } finally {
            entry.close();
        }
    }

    @SuppressWarnings("unchecked")
    private <R> Ran<R> runWith(DSLContext tx, Actor actor, Command<R> command, Clock clock, Ids ids,
                               Journal.Entry entry, boolean replayed) {
        CommandHandler<Command<R>, R> handler = (CommandHandler<Command<R>, R>) handlers.get(command.getClass());
        if (handler == null) {
            throw new IllegalStateException("No handler for " + command.getClass().getName());
        }
        Permission needed = handler.permission(command);
        if (needed != null && !actor.can(needed)) {
            LOG.warn("Denied {} to {}: needs {}", command.getClass().getSimpleName(), actor.username(), needed);
            throw new PermissionDeniedException(needed);
        }
        CommandContext context = new CommandContext(tx, actor, clock, ids, audit);
        if (replayed) {
            context.markReplayed();
        }
        R result = handler.handle(command, context);
        if (context.changedNothing()) {
            if (context.auditEntries() > 0) {
                throw new IllegalStateException(command.getClass().getSimpleName()
                        + " declared it changed nothing but wrote an audit entry");
            }
            return new Ran<>(result, true, List.of());
        }
        if (context.auditEntries() == 0) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " wrote no audit entry");
        }
        entry.record(tx);
        return new Ran<>(result, false, context.clashes());
    }

    private record Ran<R>(R result, boolean nothingChanged, List<Clash> clashes) {
    }

    /** Carries a no-change command's result out of its rolled-back transaction. */
    private static final class NothingChanged extends RuntimeException {
        private final transient Object result;

        NothingChanged(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** Which command of a batch failed (0-based) and why; the whole batch was rolled back. */
    public static final class BatchItemException extends RuntimeException {
        private final int index;

        BatchItemException(int index, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        public int index() {
            return index;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private static final class DryRunRollback extends RuntimeException {
        DryRunRollback() {
            super(null, null, false, false);
        }
    }
}
