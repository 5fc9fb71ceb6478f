package dev.stagedesk.inquiry;

/** A quote version's state (column {@code quote.status}): a new version SUPERSEDES the one before. */
public enum QuoteStatus {
    DRAFT, SENT, ACCEPTED, SUPERSEDED
}
