package dev.stagedesk.sync;

import java.time.Instant;

/**
 * Where this desktop stands with the endpoint.
 *
 * @param joined        whether it is joined to an agency on an endpoint
 * @param serverUrl     the endpoint's address
 * @param deviceName    this device's name
 * @param deviceNo      its number in the agency (its provisional numbers carry it: P3-)
 * @param pending       changes made here not yet answered
 * @param rejected      changes the endpoint refused (kept in the outbox with its words)
 * @param openConflicts conflicts of the agency not yet settled
 * @param lastSync      when it was last in step
 * @param lastError     the last round's failure, in words (null when it went well)
 * @param revoked       whether the endpoint removed this device
 * @param cursor        the newest of the agency's changes applied here
 */
public record SyncStatus(boolean joined, String serverUrl, String deviceName, int deviceNo, long pending, long rejected,
                         long openConflicts, Instant lastSync, String lastError, boolean revoked, long cursor) {
}
