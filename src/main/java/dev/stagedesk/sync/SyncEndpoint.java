package dev.stagedesk.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a desktop can ask of the sync endpoint. The endpoint itself ({@code SyncServer}), the HTTP client that
 * reaches it over the network and the test transports that lose, repeat and delay messages all implement it.
 * Every call but {@link #connect} carries the device's token; the agency comes from the token, never from the
 * request. A refusal is a {@link SyncRefused} with a status and words.
 */
public interface SyncEndpoint {

    /** Joins a device with a one-time code (an agency's first code, or a device code an admin asked for). */
    Connected connect(ConnectRequest request);

    /** Sends mutations in the device's order; each gets exactly one answer, replayed if sent again. */
    List<Answer> push(String token, List<Mutation> mutations);

    /** The changes after a cursor, in pages that end on a change boundary. */
    Page pull(String token, PullRequest request);

    /** The agency's rows now, for keys the desktop changed and needs the endpoint's word on. */
    Rows rows(String token, List<RowKey> keys);

    /** The first desktop of an agency sends its whole store, a page at a time; the last page commits it. */
    long upload(String token, UploadPage page);

    /** A one-time device code (valid 10 minutes) an admin gives to a desktop that should join. */
    DeviceCode invite(String token, String deviceName);

    /** The agency's devices. */
    List<Device> devices(String token);

    /** Stops a device's sync; its token no longer works. */
    void revoke(String token, UUID deviceId);

    /** Connect request: the one-time code, this device's name, and whether it holds an agency already. */
    record ConnectRequest(String code, String deviceName, boolean hasData) {
    }

    /**
     * A device joined. {@code upload} is true when the agency on the endpoint is empty and this desktop's store
     * becomes the agency's; otherwise the desktop downloads the agency (its own data, if any, must be empty).
     */
    record Connected(UUID agencyId, String agencyName, UUID deviceId, int deviceNo, String token, boolean upload) {
    }

    /**
     * Pull: changes with a sequence number above {@code cursor}, at most about {@code limit} rows (a page never
     * splits one change). {@code after} continues a snapshot where its last page ended (null otherwise).
     */
    record PullRequest(long cursor, int limit, String after) {
    }

    /**
     * A page of changes. {@code cursor} is where the next pull starts; {@code head} the agency's newest change;
     * {@code snapshot} says the page lists every row of the agency as of {@code head} (a first download, or a
     * cursor older than the endpoint keeps changes for): rows the desktop holds that are not listed are gone.
     * {@code after} is where the next snapshot page starts (null once the snapshot is complete); {@code more} says
     * to pull again at once.
     */
    record Page(List<RowChange> changes, long cursor, long head, boolean more, boolean snapshot, String after) {
    }

    /** A row's table and key. */
    record RowKey(String table, String key) {
    }

    /** Rows as the endpoint holds them at {@code head}; a key with no row is absent there. */
    record Rows(List<RowChange> rows, long head) {
    }

    /** One page of a first upload: rows of one or more tables; {@code last} commits them all. */
    record UploadPage(int index, List<RowChange> rows, boolean last) {
    }

    /** A one-time code and when it stops working. */
    record DeviceCode(String code, Instant expires) {
    }

    /** A device of the agency. */
    record Device(UUID id, int deviceNo, String name, Instant joined, Instant lastSeen,
                  long lastSeq, boolean revoked) {
    }
}
