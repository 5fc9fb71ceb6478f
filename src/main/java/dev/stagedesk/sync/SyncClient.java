package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static dev.stagedesk.db.jooq.Tables.SYNC_DIRTY;
import static dev.stagedesk.db.jooq.Tables.SYNC_INBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_OUTBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.jooq.tables.records.SyncConflictRecord;
import dev.stagedesk.db.jooq.tables.records.SyncStateRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's side of sync: joins an agency on an endpoint (uploading this store if it is the agency's first
 * desktop, downloading the agency otherwise), sends the outbox in order, pulls the agency's changes into the inbox,
 * and applies them at a consistent point: when every change made here has its answer (so what the endpoint sends
 * includes this desktop's own work), after asking the endpoint for the rows this desktop changed that it did not
 * send (changes it refused or settled otherwise). Nothing made here is thrown away: an unanswered change stays in
 * the outbox until the endpoint answers it.
 */
public final class SyncClient {
    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);
    static final int PUSH_BATCH = 200;
    static final int PULL_LIMIT = 2_000;
    static final int UPLOAD_PAGE = 2_000;
    private static final int MAX_ROUNDS = 20;

    private final DSLContext dsl;
    private final SyncJournal journal;
    private final Clock clock;
    private volatile Function<String, SyncEndpoint> transport;

    public SyncClient(DSLContext dsl, SyncJournal journal, Clock clock, Function<String, SyncEndpoint> transport) {
        this.dsl = dsl;
        this.journal = journal;
        this.clock = clock;
        this.transport = transport;
    }

    /** How this desktop reaches an endpoint by its address (HTTP in the product; tests pass their own). */
    public void transport(Function<String, SyncEndpoint> transport) {
        this.transport = transport;
    }

    public boolean joined() {
        return journal.joined();
    }

    /**
     * Joins the agency the code belongs to. The agency's first desktop uploads its store; a desktop with no agency
     * downloads the agency. Returns the first round's result.
     */
    public SyncResult connect(String url, String code, String deviceName) {
        if (journal.joined()) {
            throw new UserFacingException("This desktop is already connected to " + state().getServerUrl() + ".");
        }
        String address = url == null ? "" : url.strip();
        if (address.isEmpty()) {
            throw new UserFacingException("The server's address is needed.");
        }
        boolean hasData = dsl.fetchExists(AGENCY);
        SyncEndpoint endpoint = transport.apply(address);
        SyncEndpoint.Connected c = endpoint.connect(new SyncEndpoint.ConnectRequest(code, deviceName, hasData));
        Triggers.install(dsl);
        dsl.transaction(cfg -> cfg.dsl().insertInto(SYNC_STATE).set(SYNC_STATE.ID, 1)
                .set(SYNC_STATE.SERVER_URL, address).set(SYNC_STATE.AGENCY_ID, c.agencyId())
                .set(SYNC_STATE.DEVICE_ID, c.deviceId()).set(SYNC_STATE.DEVICE_NO, c.deviceNo())
                .set(SYNC_STATE.DEVICE_NAME, deviceName).set(SYNC_STATE.TOKEN, c.token())
                .set(SYNC_STATE.CONNECTED_AT, clock.instant()).execute());
        journal.joined(true);
        LOG.info("Joined agency {} on {} as device {}", c.agencyName(), address, c.deviceNo());
        if (c.upload()) {
            upload(endpoint, c.token());
        }
        return sync();
    }

    private void upload(SyncEndpoint endpoint, String token) {
        List<String> tables = new ArrayList<>(Applier.UPLOAD_ALSO);
        tables.addAll(SyncTables.get().names());
        int index = 0;
        long rows = 0;
        for (String t : tables) {
            Table<?> table = SyncTables.get().anyTable(t);
            List<String> after = null;
            while (true) {
                List<RowChange> page = RowCodec.page(dsl, table, 0, after, UPLOAD_PAGE);
                if (page.isEmpty()) {
                    break;
                }
                endpoint.upload(token, new SyncEndpoint.UploadPage(index++, page, false));
                rows += page.size();
                if (page.size() < UPLOAD_PAGE) {
                    break;
                }
                after = List.of(page.get(page.size() - 1).key().split("\\|", -1));
            }
        }
        long seq = endpoint.upload(token, new SyncEndpoint.UploadPage(index, List.of(), true));
        dsl.update(SYNC_STATE).set(SYNC_STATE.UPLOADED, true).set(SYNC_STATE.PULL_CURSOR, seq).execute();
        LOG.info("Uploaded {} rows in {} pages", rows, index + 1);
    }

    /**
     * One round: send what is pending, pull what is new, apply at a consistent point. Never throws for the
     * endpoint being away or refusing: the result says why it is not in step (and the state remembers it).
     */
    public SyncResult sync() {
        if (!journal.joined()) {
            return new SyncResult(false, 0, 0, 0, 0, "This desktop is not connected to a sync server.");
        }
        SyncStateRecord s = state();
        if (s.getRevokedAt() != null) {
            return new SyncResult(false, 0, 0, 0, 0, "This device was removed from the agency's sync. Its unsent "
                    + "changes are kept and can be exported.");
        }
        SyncEndpoint endpoint = transport.apply(s.getServerUrl());
        String token = s.getToken();
        int pushed = 0;
        int applied = 0;
        int conflicts = 0;
        int rejected = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Pushed p = push(endpoint, token);
                pushed += p.answered();
                conflicts += p.conflicts();
                rejected += p.rejected();
                pull(endpoint, token);
                Integer done = checkpoint(endpoint, token);
                if (done != null) {
                    applied += done;
                    dsl.update(SYNC_STATE).set(SYNC_STATE.LAST_SYNC_AT, clock.instant())
                            .set(SYNC_STATE.LAST_ERROR, (String) null).execute();
                    return new SyncResult(true, pushed, applied, conflicts, rejected, null);
                }
            }
            return failed(pushed, applied, conflicts, rejected, "Changes kept arriving; try again in a moment.");
        } catch (SyncRefused e) {
            if (e.status() == 403) {
                dsl.update(SYNC_STATE).set(SYNC_STATE.REVOKED_AT, clock.instant()).execute();
            }
            return failed(pushed, applied, conflicts, rejected, e.getMessage());
        }
    }

    private SyncResult failed(int pushed, int applied, int conflicts, int rejected, String reason) {
        dsl.update(SYNC_STATE).set(SYNC_STATE.LAST_ERROR, reason).execute();
        LOG.info("Sync not in step: {}", reason);
        return new SyncResult(false, pushed, applied, conflicts, rejected, reason);
    }

    private record Pushed(int answered, int conflicts, int rejected) {
    }

    private Pushed push(SyncEndpoint endpoint, String token) {
        int answered = 0;
        int conflicts = 0;
        int rejected = 0;
        while (true) {
            var pending = dsl.selectFrom(SYNC_OUTBOX).where(SYNC_OUTBOX.OUTCOME.isNull()).orderBy(SYNC_OUTBOX.DEVICE_SEQ)
                    .limit(PUSH_BATCH).fetch();
            if (pending.isEmpty()) {
                return new Pushed(answered, conflicts, rejected);
            }
            List<Mutation> batch = new ArrayList<>();
            for (var o : pending) {
                batch.add(new Mutation(o.getMutationId(), o.getDeviceSeq(), o.getCommandType(), o.getCommandVersion(),
                        read(o.getCommandJson()), o.getBaseVersions() == null ? null : read(o.getBaseVersions()), o.getHlc(), o.getUserId(),
                        o.getRanAt()));
            }
            List<Answer> answers = endpoint.push(token, batch);
            if (answers.size() != batch.size()) {
                throw new SyncRefused(502, "The server answered " + answers.size() + " of " + batch.size()
                        + " changes; they are sent again at the next sync.");
            }
            int[] counts = new int[2];
            dsl.transaction(cfg -> {
                for (Answer a : answers) {
                    Outcome o = a.outcome() == Outcome.DUPLICATE && a.first() != null ? a.first() : a.outcome();
                    cfg.dsl().update(SYNC_OUTBOX).set(SYNC_OUTBOX.OUTCOME, o.name())
                            .set(SYNC_OUTBOX.ANSWER_SEQ, a.seq()).set(SYNC_OUTBOX.ANSWER_MESSAGE, a.message())
                            .set(SYNC_OUTBOX.ANSWERED_AT, clock.instant())
                            .where(SYNC_OUTBOX.MUTATION_ID.eq(a.mutationId()), SYNC_OUTBOX.OUTCOME.isNull()).execute();
                    if (o == Outcome.CONFLICT) {
                        counts[0]++;
                    } else if (o == Outcome.REJECTED) {
                        counts[1]++;
                    }
                }
            });
            answered += answers.size();
            conflicts += counts[0];
            rejected += counts[1];
        }
    }

    private void pull(SyncEndpoint endpoint, String token) {
        while (true) {
            SyncStateRecord s = state();
            SyncEndpoint.Page page = endpoint.pull(token, new SyncEndpoint.PullRequest(s.getPullCursor(), PULL_LIMIT,
                    s.getSnapshotAfter()));
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                boolean startsSnapshot = page.snapshot() && s.getSnapshotAfter() == null;
                if (startsSnapshot) {
                    // a fresh snapshot replaces whatever was waiting
                    tx.deleteFrom(SYNC_INBOX).execute();
                }
                stage(tx, page.changes());
                tx.update(SYNC_STATE).set(SYNC_STATE.PULL_CURSOR, page.cursor())
                        .set(SYNC_STATE.SNAPSHOT_AFTER, page.snapshot() ? page.after() : null)
                        .set(SYNC_STATE.SNAPSHOT_PENDING, startsSnapshot || s.getSnapshotPending()).execute();
            });
            if (!page.more()) {
                return;
            }
        }
    }

    /** Keeps the newest state of each row waiting in the inbox. */
    private static void stage(DSLContext tx, List<RowChange> changes) {
        for (RowChange c : changes) {
            String data = c.row() == null ? null : SyncServer.json(c.row());
            int n = tx.update(SYNC_INBOX).set(SYNC_INBOX.SEQ, c.seq()).set(SYNC_INBOX.ROW_DATA, data)
                    .where(SYNC_INBOX.TABLE_NAME.eq(c.table()), SYNC_INBOX.ROW_KEY.eq(c.key()),
                            SYNC_INBOX.SEQ.le(c.seq())).execute();
            if (n == 0 && !tx.fetchExists(SYNC_INBOX, SYNC_INBOX.TABLE_NAME.eq(c.table()),
                    SYNC_INBOX.ROW_KEY.eq(c.key()))) {
                tx.insertInto(SYNC_INBOX).set(SYNC_INBOX.SEQ, c.seq()).set(SYNC_INBOX.TABLE_NAME, c.table())
                        .set(SYNC_INBOX.ROW_KEY, c.key()).set(SYNC_INBOX.ROW_DATA, data).execute();
            }
        }
    }

    /**
     * Applies the inbox if this is a consistent point; returns the rows applied, or null when it is not (changes
     * made here still unanswered, a snapshot not complete, or the endpoint moved on while its word on this
     * desktop's rows was asked).
     */
    private Integer checkpoint(SyncEndpoint endpoint, String token) {
        if (dsl.fetchExists(SYNC_OUTBOX, SYNC_OUTBOX.OUTCOME.isNull()) || state().getSnapshotAfter() != null) {
            return null;
        }
        // rows changed here that the endpoint did not send: its word on them now
        List<SyncEndpoint.RowKey> ask = new ArrayList<>();
        for (var d : dsl.select(SYNC_DIRTY.TABLE_NAME, SYNC_DIRTY.ROW_KEY).from(SYNC_DIRTY)
                .whereNotExists(dsl.selectOne().from(SYNC_INBOX).where(SYNC_INBOX.TABLE_NAME.eq(SYNC_DIRTY.TABLE_NAME),
                        SYNC_INBOX.ROW_KEY.eq(SYNC_DIRTY.ROW_KEY))).fetch()) {
            ask.add(new SyncEndpoint.RowKey(d.value1(), d.value2()));
        }
        for (int from = 0; from < ask.size(); from += SyncServer.MAX_PAGE) {
            SyncEndpoint.Rows rows = endpoint.rows(token, ask.subList(from, Math.min(ask.size(),
                    from + SyncServer.MAX_PAGE)));
            dsl.transaction(cfg -> stage(cfg.dsl(), rows.rows()));
            if (rows.head() > state().getPullCursor()) {
                return null;
            }
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            SyncStateRecord s = tx.selectFrom(SYNC_STATE).forUpdate().fetchOne();
            if (tx.fetchExists(SYNC_OUTBOX, SYNC_OUTBOX.OUTCOME.isNull())) {
                return null;
            }
            List<RowChange> changes = new ArrayList<>();
            tx.selectFrom(SYNC_INBOX).fetch().forEach(r -> changes.add(new RowChange(r.getSeq(), r.getTableName(),
                    r.getRowKey(), SyncServer.parse(r.getRowData()))));
            int n = Applier.apply(tx, changes, s.getSnapshotPending());
            tx.deleteFrom(SYNC_INBOX).execute();
            tx.deleteFrom(SYNC_DIRTY).execute();
            tx.update(SYNC_STATE).set(SYNC_STATE.SNAPSHOT_PENDING, false).execute();
            return n;
        });
    }

    /** Where this desktop stands. */
    public SyncStatus status() {
        SyncStateRecord s = dsl.selectFrom(SYNC_STATE).fetchOne();
        long open = dsl.fetchCount(SYNC_CONFLICT, SYNC_CONFLICT.STATUS.eq(ConflictStatus.OPEN.name()));
        if (s == null) {
            return new SyncStatus(false, null, null, 0, 0, 0, open, null, null, false, 0);
        }
        long pending = dsl.fetchCount(SYNC_OUTBOX, SYNC_OUTBOX.OUTCOME.isNull());
        long rejected = dsl.fetchCount(SYNC_OUTBOX, SYNC_OUTBOX.OUTCOME.eq(Outcome.REJECTED.name()));
        return new SyncStatus(true, s.getServerUrl(), s.getDeviceName(), s.getDeviceNo(), pending, rejected, open,
                s.getLastSyncAt(), s.getLastError(), s.getRevokedAt() != null, s.getPullCursor());
    }

    /** The agency's conflicts not yet settled, newest first. */
    public List<SyncConflictRecord> openConflicts() {
        return dsl.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.STATUS.eq(ConflictStatus.OPEN.name()))
                .orderBy(SYNC_CONFLICT.CREATED_AT.desc()).fetch();
    }

    /** The changes made here that the endpoint refused, with its words, newest first. */
    public List<dev.stagedesk.db.jooq.tables.records.SyncOutboxRecord> refused() {
        return dsl.selectFrom(SYNC_OUTBOX).where(SYNC_OUTBOX.OUTCOME.eq(Outcome.REJECTED.name()))
                .orderBy(SYNC_OUTBOX.DEVICE_SEQ.desc()).fetch();
    }

    /** A one-time code for another desktop to join this agency (valid ten minutes). */
    public SyncEndpoint.DeviceCode invite(String deviceName) {
        SyncStateRecord s = requireJoined();
        return transport.apply(s.getServerUrl()).invite(s.getToken(), deviceName);
    }

    public List<SyncEndpoint.Device> devices() {
        SyncStateRecord s = requireJoined();
        return transport.apply(s.getServerUrl()).devices(s.getToken());
    }

    public void revoke(UUID deviceId) {
        SyncStateRecord s = requireJoined();
        transport.apply(s.getServerUrl()).revoke(s.getToken(), deviceId);
    }

    private SyncStateRecord requireJoined() {
        SyncStateRecord s = dsl.selectFrom(SYNC_STATE).fetchOne();
        if (s == null) {
            throw new UserFacingException("This desktop is not connected to a sync server. Connect it first: "
                    + "sync connect URL --code CODE.");
        }
        return s;
    }

    private SyncStateRecord state() {
        return requireJoined();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return RowCodec.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox entry is not JSON", e);
        }
    }

}
