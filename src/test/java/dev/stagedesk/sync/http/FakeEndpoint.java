package dev.stagedesk.sync.http;

import dev.stagedesk.sync.Answer;
import dev.stagedesk.sync.Mutation;
import dev.stagedesk.sync.SyncEndpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A {@link SyncEndpoint} test double: answers what the test put in its fields, remembers every call (the route, the
 * token and the argument as received) and, when {@link #failWith} is set, throws that instead of answering.
 */
final class FakeEndpoint implements SyncEndpoint {
    /** One call as it arrived. */
    record Call(String route, String token, Object argument) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    volatile Throwable failWith;

    volatile Connected connected;
    volatile List<Answer> answers = List.of();
    volatile Page page;
    volatile Rows rows;
    volatile long uploadHead;
    volatile DeviceCode code;
    volatile List<Device> devices = List.of();

    private void called(String route, String token, Object argument) {
        calls.add(new Call(route, token, argument));
        Throwable e = failWith;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public Connected connect(ConnectRequest request) {
        called("connect", null, request);
        return connected;
    }

    @Override
    public List<Answer> push(String token, List<Mutation> mutations) {
        called("push", token, mutations);
        return answers;
    }

    @Override
    public Page pull(String token, PullRequest request) {
        called("pull", token, request);
        return page;
    }

    @Override
    public Rows rows(String token, List<RowKey> keys) {
        called("rows", token, keys);
        return rows;
    }

    @Override
    public long upload(String token, UploadPage page) {
        called("upload", token, page);
        return uploadHead;
    }

    @Override
    public DeviceCode invite(String token, String deviceName) {
        called("invite", token, deviceName);
        return code;
    }

    @Override
    public List<Device> devices(String token) {
        called("devices", token, null);
        return devices;
    }

    @Override
    public void revoke(String token, UUID deviceId) {
        called("revoke", token, deviceId);
    }
}
