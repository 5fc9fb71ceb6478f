package dev.stagedesk.sync;

/**
 * What one round of sync did.
 *
 * @param inStep    true when everything made here is answered and everything the endpoint has is applied here
 * @param pushed    mutations sent and answered
 * @param applied   rows written here from the endpoint
 * @param conflicts mutations of this desktop the endpoint answered with a conflict in this round
 * @param rejected  mutations it refused in this round
 * @param reason    why it is not in step (null when it is), in words
 */
public record SyncResult(boolean inStep, int pushed, int applied, int conflicts, int rejected, String reason) {
}
