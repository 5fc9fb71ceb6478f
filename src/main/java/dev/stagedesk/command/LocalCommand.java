package dev.stagedesk.command;

/**
 * A command that changes only this desktop's own things (sign-in attempts, a backup taken, a geocode cached, the
 * demo data) or that the sync endpoint runs for the whole agency (the rules that run on their own). It is never
 * sent to the endpoint, and what it writes is not marked as a local change to be confirmed.
 */
public interface LocalCommand {
}
