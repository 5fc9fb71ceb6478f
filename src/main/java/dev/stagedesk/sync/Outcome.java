package dev.stagedesk.sync;

/** What the endpoint did with one mutation. */
public enum Outcome {
    /** Run and committed; its changes are in the agency's change sequence. */
    APPLIED,
    /** Already answered before (a retried push): this is the stored answer again. */
    DUPLICATE,
    /** Run into someone else's change; a conflict record says what clashed and what now holds. */
    CONFLICT,
    /** Not run, with the reason a person can read (no permission, invalid, unknown kind of change). */
    REJECTED
}
