package dev.stagedesk.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A versioned, soft-deletable record as the generic record commands see it. */
public interface StoredRecord {
    UUID id();

    int version();

    Instant deletedAt();

    /** How a person names it in a message ("Hotel Adlon"). */
    String displayName();

    /** The fields the audit log records. */
    Map<String, Object> auditFields();
}
