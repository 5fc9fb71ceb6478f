package dev.stagedesk.sync;

import dev.stagedesk.command.CommandBus;
import java.util.function.IntSupplier;
import org.jooq.DSLContext;

/**
 * One agency's store and services on the endpoint: the same command bus and handlers a desktop has, on the
 * agency's own database (an H2 file or a PostgreSQL schema), with the capture triggers in place.
 *
 * @param dsl      the agency's store
 * @param bus      its command bus (the endpoint replays desktops' commands through it)
 * @param runRules runs the agency's time-driven rules once (holds, follow-ups, notices ...); how many things it did
 * @param closer   closes the store
 */
public record AgencyRuntime(DSLContext dsl, CommandBus bus, IntSupplier runRules, AutoCloseable closer) {
}
