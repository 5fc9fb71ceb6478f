package dev.stagedesk.sync;

import java.util.List;
import java.util.UUID;

/** Passes every call to another endpoint; the benchmark and tests override the calls they time or disturb. */
public class ForwardingEndpoint implements SyncEndpoint {
    private final SyncEndpoint to;

    public ForwardingEndpoint(SyncEndpoint to) {
        this.to = to;
    }

    @Override
    public Connected connect(ConnectRequest request) {
        return to.connect(request);
    }

    @Override
    public List<Answer> push(String token, List<Mutation> mutations) {
        return to.push(token, mutations);
    }

    @Override
    public Page pull(String token, PullRequest request) {
        return to.pull(token, request);
    }

    @Override
    public Rows rows(String token, List<RowKey> keys) {
        return to.rows(token, keys);
    }

    @Override
    public long upload(String token, UploadPage page) {
        return to.upload(token, page);
    }

    @Override
    public DeviceCode invite(String token, String deviceName) {
        return to.invite(token, deviceName);
    }

    @Override
    public List<Device> devices(String token) {
        return to.devices(token);
    }

    @Override
    public void revoke(String token, UUID deviceId) {
        to.revoke(token, deviceId);
    }
}
