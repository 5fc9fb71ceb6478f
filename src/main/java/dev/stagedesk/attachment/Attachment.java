package dev.stagedesk.attachment;

import java.time.Instant;
import java.util.UUID;

/** A file kept with a record (a contract, a rider, a venue plan). The bytes live under the data folder. */
public record Attachment(UUID id, String entityType, UUID entityId, String fileName, String contentType, long sizeBytes,
                         String sha256, Instant addedAt) {
}
