package dev.stagedesk.sync;

import java.util.UUID;

/**
 * The endpoint's answer to one mutation.
 *
 * @param mutationId the mutation answered
 * @param outcome    applied, duplicate, conflict or rejected
 * @param seq        the change sequence number it committed at (0 when it changed nothing there)
 * @param message    for a conflict or a rejection: what happened, in words (the endpoint's language: English)
 * @param conflictId the conflict record made for it, if any
 * @param first      for a duplicate: the outcome it had the first time
 */
public record Answer(UUID mutationId, Outcome outcome, long seq, String message, UUID conflictId, Outcome first) {
}
