package dev.stagedesk.command;

/**
 * A change a user asks for, named by its intent (CreateClient, DeleteVenue ...). Records only: a command is
 * data, so it can be queued, logged, replayed by sync and batched by CSV import.
 *
 * @param <R> what running it returns
 */
public interface Command<R> {
}
