package dev.stagedesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One command a desktop ran, as it travels to the endpoint: the intent, not the rows it wrote.
 *
 * @param id          the mutation's id (UUID), chosen by the desktop; the endpoint answers each id once
 * @param deviceSeq   the desktop's own running number for it (1, 2, 3 ...), in the order it ran them
 * @param type        the command's type name (see {@link CommandCodec})
 * @param version     the command's schema version
 * @param command     the command's fields as JSON
 * @param base        what it was based on: the versions it names and, for an edit of one record, that record's
 *                    row as the desktop saw it ({"expectedVersion": 3, "table": "booking", "row": {...}}), or null
 * @param hlc         hybrid logical clock when it ran (see {@link Hlc})
 * @param userId      who ran it (null for the agency owner acting at the command line)
 * @param at          the desktop's instant when it ran; the endpoint runs it at that instant
 */
public record Mutation(UUID id, long deviceSeq, String type, int version, JsonNode command,
                       JsonNode base, String hlc, UUID userId, Instant at) {
}
