package dev.stagedesk.sync.sim;

import dev.stagedesk.sync.Answer;
import dev.stagedesk.sync.Mutation;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.SyncRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One desktop's network to the endpoint, as unreliable as a seeded {@link Random} makes it: requests lost before
 * they arrive, answers lost after the endpoint committed, requests delivered twice, pushes held back and delivered
 * later (after the desktop retried and moved on), and a desktop process that dies between the endpoint's commit
 * and recording the answers ({@link Crash}). Pull pages are asked for in small, varying sizes so paging is
 * exercised. With {@link #faults(boolean)} off every call goes straight through.
 */
public final class FaultyTransport implements SyncEndpoint {
    /** The desktop's process died after the endpoint committed its push, before it recorded the answers. */
    public static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash between the endpoint's commit and the desktop recording its answers");
        }
    }

    /** How often each fault happens per call while faults are on. */
    public record Rates(double dropRequest, double dropResponse, double duplicate, double delay, double crash,
                        double deliverLate) {
        public static final Rates DEFAULT = new Rates(0.08, 0.08, 0.08, 0.06, 0.03, 0.3);
    }

    /** What the network did, for the run's summary. */
    public static final class Counts {
        public int calls;
        public int droppedRequests;
        public int droppedResponses;
        public int duplicates;
        public int delayed;
        public int deliveredLate;
        public int crashes;

        @Override
        public String toString() {
            return "calls=" + calls + " lostRequests=" + droppedRequests + " lostAnswers=" + droppedResponses
                    + " duplicates=" + duplicates + " delayed=" + delayed + " deliveredLate=" + deliveredLate
                    + " crashes=" + crashes;
        }
    }

    private record Held(String token, List<Mutation> mutations) {
    }

    private final SyncEndpoint to;
    private final Random random;
    private final Rates rates;
    private final int pullLimit;
    private final List<Held> held = new ArrayList<>();
    private final Counts counts;
    private boolean faults;

    /**
     * @param pullLimit the most rows a pull page asks for (a random size from 1 up to it while faults are on, this
     *                  size when they are off); 0 keeps the desktop's own limit
     */
    public FaultyTransport(SyncEndpoint to, Random random, Rates rates, int pullLimit, Counts counts) {
        this.to = to;
        this.random = random;
        this.rates = rates;
        this.pullLimit = pullLimit;
        this.counts = counts;
    }

    public void faults(boolean on) {
        this.faults = on;
    }

    /** Delivers every push still held back, oldest first (their answers go nowhere). */
    public void deliverHeld() {
        while (!held.isEmpty()) {
            deliver(held.remove(0));
        }
    }

    private void deliver(Held h) {
        counts.deliveredLate++;
        try {
            to.push(h.token(), h.mutations());
        } catch (SyncRefused refused) {
            // the endpoint may refuse a late request as a whole (a revoked device): nobody is listening anyway
        }
    }

    /** Before a call: now and then a push held back earlier reaches the endpoint first. */
    private void maybeDeliverLate() {
        if (faults && !held.isEmpty() && random.nextDouble() < rates.deliverLate()) {
            deliver(held.remove(random.nextInt(held.size())));
        }
    }

    private enum Fault { NONE, DROP_REQUEST, DROP_RESPONSE, DUPLICATE, DELAY, CRASH }

    private Fault draw(boolean push) {
        counts.calls++;
        if (!faults) {
            return Fault.NONE;
        }
        double r = random.nextDouble();
        if ((r -= rates.dropRequest()) < 0) {
            return Fault.DROP_REQUEST;
        }
        if ((r -= rates.dropResponse()) < 0) {
            return Fault.DROP_RESPONSE;
        }
        if ((r -= rates.duplicate()) < 0) {
            return Fault.DUPLICATE;
        }
        if (push && (r -= rates.delay()) < 0) {
            return Fault.DELAY;
        }
        if (push && (r - rates.crash()) < 0) {
            return Fault.CRASH;
        }
        return Fault.NONE;
    }

    private static SyncRefused lost(String what) {
        return new SyncRefused(503, "Simulated network: " + what + ".");
    }

    @Override
    public List<Answer> push(String token, List<Mutation> mutations) {
        maybeDeliverLate();
        Fault f = draw(true);
        switch (f) {
            case DROP_REQUEST -> {
                counts.droppedRequests++;
                throw lost("the push was lost on the way");
            }
            case DELAY -> {
                counts.delayed++;
                held.add(new Held(token, List.copyOf(mutations)));
                throw lost("the push is stuck on the way and arrives later");
            }
            case DROP_RESPONSE -> {
                to.push(token, mutations);
                counts.droppedResponses++;
                throw lost("the push's answer was lost after the server committed it");
            }
            case DUPLICATE -> {
                counts.duplicates++;
                to.push(token, mutations);
                return to.push(token, mutations);
            }
            case CRASH -> {
                to.push(token, mutations);
                counts.crashes++;
                throw new Crash();
            }
            default -> {
                return to.push(token, mutations);
            }
        }
    }

    @Override
    public Page pull(String token, PullRequest request) {
        maybeDeliverLate();
        PullRequest asked = request;
        if (pullLimit > 0) {
            int limit = faults ? 1 + random.nextInt(pullLimit) : pullLimit;
            asked = new PullRequest(request.cursor(), limit, request.after());
        }
        Fault f = draw(false);
        switch (f) {
            case DROP_REQUEST -> {
                counts.droppedRequests++;
                throw lost("the pull was lost on the way");
            }
            case DROP_RESPONSE -> {
                to.pull(token, asked);
                counts.droppedResponses++;
                throw lost("the pulled page was lost on the way back");
            }
            case DUPLICATE -> {
                counts.duplicates++;
                to.pull(token, asked);
                return to.pull(token, asked);
            }
            default -> {
                return to.pull(token, asked);
            }
        }
    }

    @Override
    public Rows rows(String token, List<RowKey> keys) {
        maybeDeliverLate();
        Fault f = draw(false);
        switch (f) {
            case DROP_REQUEST -> {
                counts.droppedRequests++;
                throw lost("the question for rows was lost on the way");
            }
            case DROP_RESPONSE -> {
                to.rows(token, keys);
                counts.droppedResponses++;
                throw lost("the rows were lost on the way back");
            }
            case DUPLICATE -> {
                counts.duplicates++;
                to.rows(token, keys);
                return to.rows(token, keys);
            }
            default -> {
                return to.rows(token, keys);
            }
        }
    }

    // joining and administration are not disturbed: the simulation is about the data

    @Override
    public Connected connect(ConnectRequest request) {
        return to.connect(request);
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
