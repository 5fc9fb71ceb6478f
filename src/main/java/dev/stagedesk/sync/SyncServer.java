package dev.stagedesk.sync;

import static dev.stagedesk.db.jooq.Tables.APP_USER;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.SYNC_CHANGE;
import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static dev.stagedesk.db.jooq.Tables.SYNC_COUNTER;
import static dev.stagedesk.db.jooq.Tables.SYNC_DIRTY;
import static dev.stagedesk.db.jooq.Tables.SYNC_INBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_MUTATION;
import static dev.stagedesk.db.jooq.Tables.USER_ROLE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.booking.ConflictCheck;
import dev.stagedesk.command.Clash;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync endpoint's core, the same behind HTTP and in tests: it joins devices, runs each pushed mutation through
 * the agency's own command handlers (the authority), numbers the agency's changes in one sequence taken from a
 * locked counter row inside each write transaction, answers every mutation exactly once, and serves the changes.
 * Stateless between requests: several processes on one PostgreSQL database are correct together.
 */
public final class SyncServer implements SyncEndpoint, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    /** How long a device code works. */
    public static final Duration DEVICE_CODE_LIFE = Duration.ofMinutes(10);
    /** How long an agency's first code works. */
    public static final Duration AGENCY_CODE_LIFE = Duration.ofDays(7);
    /** The most mutations one push may carry. */
    public static final int MAX_PUSH = 500;
    /** The most rows one pull page carries (a change is never split). */
    public static final int MAX_PAGE = 5_000;

    static final Table<Record> AGENCY = DSL.table(DSL.unquotedName("srv_agency"));
    static final Field<UUID> A_ID = DSL.field(DSL.unquotedName("id"), SQLDataType.UUID);
    static final Field<String> A_NAME = DSL.field(DSL.unquotedName("name"), SQLDataType.VARCHAR);
    static final Field<String> A_STORE = DSL.field(DSL.unquotedName("store_name"), SQLDataType.VARCHAR);
    static final Field<Integer> A_NEXT_NO = DSL.field(DSL.unquotedName("next_device_no"), SQLDataType.INTEGER);
    static final Field<Instant> A_CREATED = DSL.field(DSL.unquotedName("created_at"), SQLDataType.INSTANT);
    static final Table<Record> CODE = DSL.table(DSL.unquotedName("srv_code"));
    static final Field<String> C_HASH = DSL.field(DSL.unquotedName("code_hash"), SQLDataType.VARCHAR);
    static final Field<UUID> C_AGENCY = DSL.field(DSL.unquotedName("agency_id"), SQLDataType.UUID);
    static final Field<String> C_KIND = DSL.field(DSL.unquotedName("kind"), SQLDataType.VARCHAR);
    static final Field<String> C_DEVICE_NAME = DSL.field(DSL.unquotedName("device_name"), SQLDataType.VARCHAR);
    static final Field<Instant> C_CREATED = DSL.field(DSL.unquotedName("created_at"), SQLDataType.INSTANT);
    static final Field<Instant> C_EXPIRES = DSL.field(DSL.unquotedName("expires_at"), SQLDataType.INSTANT);
    static final Field<Instant> C_USED = DSL.field(DSL.unquotedName("used_at"), SQLDataType.INSTANT);
    static final Table<Record> DEVICE = DSL.table(DSL.unquotedName("srv_device"));
    static final Field<UUID> D_ID = DSL.field(DSL.unquotedName("id"), SQLDataType.UUID);
    static final Field<UUID> D_AGENCY = DSL.field(DSL.unquotedName("agency_id"), SQLDataType.UUID);
    static final Field<Integer> D_NO = DSL.field(DSL.unquotedName("device_no"), SQLDataType.INTEGER);
    static final Field<String> D_NAME = DSL.field(DSL.unquotedName("name"), SQLDataType.VARCHAR);
    static final Field<String> D_TOKEN = DSL.field(DSL.unquotedName("token_hash"), SQLDataType.VARCHAR);
    static final Field<Instant> D_JOINED = DSL.field(DSL.unquotedName("joined_at"), SQLDataType.INSTANT);
    static final Field<Instant> D_SEEN = DSL.field(DSL.unquotedName("last_seen_at"), SQLDataType.INSTANT);
    static final Field<Long> D_SEQ = DSL.field(DSL.unquotedName("last_seq"), SQLDataType.BIGINT);
    static final Field<Instant> D_REVOKED = DSL.field(DSL.unquotedName("revoked_at"), SQLDataType.INSTANT);

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final ServerStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Agency> agencies = new ConcurrentHashMap<>();
    /** Test hook: a broken server whose pages jump to the newest change, skipping what they left out. */
    private volatile boolean brokenPaging;

    private record Agency(AgencyRuntime runtime, CommandCodec codec) {
    }

    /** Who is calling: the device a token belongs to. */
    record Caller(UUID deviceId, UUID agencyId, int deviceNo, String deviceName) {
    }

    public SyncServer(ServerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** For tests only: pages that skip changes past their end (the simulation's checker must catch it). */
    void breakPaging() {
        this.brokenPaging = true;
    }

    // ------------------------------------------------------------------ operator

    /** Adds an agency and returns its one-time code (valid {@link #AGENCY_CODE_LIFE}), for its first desktop. */
    public String agencyAdd(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new UserFacingException("The agency needs a name of 1 to 200 characters.");
        }
        UUID id = UUID.randomUUID();
        String storeName = "agency_" + id.toString().replace("-", "").substring(0, 20);
        Instant now = clock.instant();
        String code = newCode();
        store.control().transaction(cfg -> {
            cfg.dsl().insertInto(AGENCY).set(A_ID, id).set(A_NAME, clean).set(A_STORE, storeName)
                    .set(A_NEXT_NO, 1).set(A_CREATED, now).execute();
            cfg.dsl().insertInto(CODE).set(C_HASH, hash(code)).set(C_AGENCY, id).set(C_KIND, "AGENCY")
                    .set(C_CREATED, now).set(C_EXPIRES, now.plus(AGENCY_CODE_LIFE)).execute();
        });
        agency(id);
        LOG.info("Agency added: {} ({})", clean, id);
        return code;
    }

    /** The agencies this endpoint serves: id and name. */
    public Map<UUID, String> agencies() {
        Map<UUID, String> out = new LinkedHashMap<>();
        store.control().select(A_ID, A_NAME).from(AGENCY).orderBy(A_CREATED).fetch()
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Runs every agency's time-driven rules once (holds expiring, follow-ups, notices ...): the endpoint's timer. */
    public int runRules() {
        int done = 0;
        for (UUID id : agencies().keySet()) {
            try {
                done += agency(id).runtime().runRules().getAsInt();
            } catch (RuntimeException e) {
                LOG.warn("Rules of agency {} failed", id, e);
            }
        }
        return done;
    }

    /** The agency's own store (tests compare it with the desktops'). */
    public DSLContext agencyStore(UUID agencyId) {
        return agency(agencyId).runtime().dsl();
    }

    private Agency agency(UUID id) {
        return agencies.computeIfAbsent(id, k -> {
            String storeName = store.control().select(A_STORE).from(AGENCY).where(A_ID.eq(k)).fetchOne(A_STORE);
            if (storeName == null) {
                throw new SyncRefused(404, "No such agency on this server.");
            }
            AgencyRuntime rt = store.openAgency(k, storeName);
            // the counter row is the lock every write takes; the first one makes it
            rt.dsl().insertInto(SYNC_COUNTER).set(SYNC_COUNTER.ID, 1).set(SYNC_COUNTER.SEQ, 0L)
                    .set(SYNC_COUNTER.HORIZON, 0L).onDuplicateKeyIgnore().execute();
            rt.bus().journal(new ServerJournal());
            return new Agency(rt, new CommandCodec(rt.bus()));
        });
    }

    // ------------------------------------------------------------------ joining

    @Override
    public Connected connect(ConnectRequest request) {
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw new SyncRefused(400, "A one-time code is needed to connect.");
        }
        String name = request.deviceName() == null ? "" : request.deviceName().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new SyncRefused(400, "The device needs a name of 1 to 120 characters.");
        }
        String codeHash = hash(normalise(request.code()));
        Instant now = clock.instant();
        return store.control().transactionResult(cfg -> {
            DSLContext c = cfg.dsl();
            Record code = c.select(C_AGENCY, C_KIND, C_EXPIRES, C_USED).from(CODE).where(C_HASH.eq(codeHash))
                    .forUpdate().fetchOne();
            if (code == null) {
                throw new SyncRefused(401, "This code is not known to the server. Check it, or ask for a new one.");
            }
            if (code.get(C_USED) != null) {
                throw new SyncRefused(410, "This code was already used. Ask an admin for a new one.");
            }
            if (!now.isBefore(code.get(C_EXPIRES))) {
                throw new SyncRefused(410, "This code has expired. Ask an admin for a new one.");
            }
            UUID agencyId = code.get(C_AGENCY);
            Agency agency = agency(agencyId);
            long seq = agency.runtime().dsl().select(SYNC_COUNTER.SEQ).from(SYNC_COUNTER).fetchOne(SYNC_COUNTER.SEQ);
            boolean empty = seq == 0;
            if (request.hasData() && !empty) {
                throw new SyncRefused(409, "This desktop already holds an agency's data, and the agency on the server "
                        + "has its own. Join from a new, empty data folder, or export this one's data first.");
            }
            Record a = c.select(A_NAME, A_NEXT_NO).from(AGENCY).where(A_ID.eq(agencyId)).forUpdate().fetchOne();
            int no = a.get(A_NEXT_NO);
            String token = newToken();
            UUID deviceId = UUID.randomUUID();
            c.update(AGENCY).set(A_NEXT_NO, no + 1).where(A_ID.eq(agencyId)).execute();
            c.insertInto(DEVICE).set(D_ID, deviceId).set(D_AGENCY, agencyId).set(D_NO, no).set(D_NAME, name)
                    .set(D_TOKEN, hash(token)).set(D_JOINED, now).set(D_SEEN, now).set(D_SEQ, 0L).execute();
            c.update(CODE).set(C_USED, now).where(C_HASH.eq(codeHash)).execute();
            LOG.info("Device {} ({}) joined agency {}", no, name, agencyId);
            return new Connected(agencyId, a.get(A_NAME), deviceId, no, token, request.hasData() && empty);
        });
    }

    @Override
    public DeviceCode invite(String token, String deviceName) {
        Caller caller = caller(token);
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(DEVICE_CODE_LIFE);
        store.control().insertInto(CODE).set(C_HASH, hash(code)).set(C_AGENCY, caller.agencyId()).set(C_KIND, "DEVICE")
                .set(C_DEVICE_NAME, deviceName).set(C_CREATED, now).set(C_EXPIRES, expires).execute();
        return new DeviceCode(code, expires);
    }

    @Override
    public List<Device> devices(String token) {
        Caller caller = caller(token);
        return store.control().select(D_ID, D_NO, D_NAME, D_JOINED, D_SEEN, D_SEQ, D_REVOKED).from(DEVICE)
                .where(D_AGENCY.eq(caller.agencyId())).orderBy(D_NO).fetch(r -> new Device(r.get(D_ID), r.get(D_NO),
                        r.get(D_NAME), r.get(D_JOINED), r.get(D_SEEN), r.get(D_SEQ), r.get(D_REVOKED) != null));
    }

    @Override
    public void revoke(String token, UUID deviceId) {
        Caller caller = caller(token);
        int n = store.control().update(DEVICE).set(D_REVOKED, clock.instant())
                .where(D_ID.eq(deviceId), D_AGENCY.eq(caller.agencyId()), D_REVOKED.isNull()).execute();
        if (n == 0) {
            throw new SyncRefused(404, "No such device in this agency, or it was already removed.");
        }
        LOG.info("Device {} of agency {} revoked by device {}", deviceId, caller.agencyId(), caller.deviceNo());
    }

    /** The device a token belongs to; 401 unknown, 403 revoked. Notes when the device was last seen. */
    Caller caller(String token) {
        if (token == null || token.isBlank()) {
            throw new SyncRefused(401, "This request carries no device token.");
        }
        Record d = store.control().select(D_ID, D_AGENCY, D_NO, D_NAME, D_REVOKED).from(DEVICE)
                .where(D_TOKEN.eq(hash(token))).fetchOne();
        if (d == null) {
            throw new SyncRefused(401, "This device's token is not known to the server.");
        }
        if (d.get(D_REVOKED) != null) {
            throw new SyncRefused(403, "This device was removed from the agency's sync. Its unsent changes stay on "
                    + "it and can be exported.");
        }
        store.control().update(DEVICE).set(D_SEEN, clock.instant()).where(D_ID.eq(d.get(D_ID))).execute();
        return new Caller(d.get(D_ID), d.get(D_AGENCY), d.get(D_NO), d.get(D_NAME));
    }

    // ------------------------------------------------------------------ upload

    @Override
    public long upload(String token, UploadPage page) {
        Caller caller = caller(token);
        Agency agency = agency(caller.agencyId());
        DSLContext dsl = agency.runtime().dsl();
        if (page == null || page.rows() == null) {
            throw new SyncRefused(400, "An upload page needs its rows.");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long seq = tx.select(SYNC_COUNTER.SEQ).from(SYNC_COUNTER).forUpdate().fetchOne(SYNC_COUNTER.SEQ);
            if (seq != 0) {
                throw new SyncRefused(409, "The agency on the server already has its data; this desktop downloads it "
                        + "instead.");
            }
            if (page.index() == 0) {
                tx.deleteFrom(SYNC_INBOX).execute();
            }
            for (RowChange r : page.rows()) {
                if (r.row() == null) {
                    throw new SyncRefused(400, "An upload carries rows, not removals: " + r.table() + " " + r.key());
                }
                tx.insertInto(SYNC_INBOX).set(SYNC_INBOX.SEQ, 0L).set(SYNC_INBOX.TABLE_NAME, r.table())
                        .set(SYNC_INBOX.ROW_KEY, r.key()).set(SYNC_INBOX.ROW_DATA, json(r.row()))
                        .onDuplicateKeyUpdate().set(SYNC_INBOX.ROW_DATA, json(r.row())).execute();
            }
            if (!page.last()) {
                return 0L;
            }
            List<RowChange> rows = new ArrayList<>();
            tx.selectFrom(SYNC_INBOX).fetch().forEach(r -> rows.add(new RowChange(0, r.getTableName(), r.getRowKey(),
                    parse(r.getRowData()))));
            try {
                Applier.apply(tx, rows, false);
            } catch (RuntimeException e) {
                throw new SyncRefused(400, "The upload cannot be stored: " + e.getMessage());
            }
            tx.deleteFrom(SYNC_INBOX).execute();
            tx.deleteFrom(SYNC_DIRTY).execute();
            // what came before number 1 is the snapshot itself: a cursor below the horizon gets a snapshot
            tx.update(SYNC_COUNTER).set(SYNC_COUNTER.SEQ, 1L).set(SYNC_COUNTER.HORIZON, 1L).execute();
            LOG.info("Agency {} uploaded by device {}: {} rows", caller.agencyId(), caller.deviceNo(), rows.size());
            return 1L;
        });
    }

    // ------------------------------------------------------------------ push

    @Override
    public List<Answer> push(String token, List<Mutation> mutations) {
        Caller caller = caller(token);
        if (mutations == null) {
            throw new SyncRefused(400, "A push needs its list of mutations.");
        }
        if (mutations.size() > MAX_PUSH) {
            throw new SyncRefused(413, "A push may carry at most " + MAX_PUSH + " mutations; this one has "
                    + mutations.size() + ".");
        }
        for (int i = 0; i < mutations.size(); i++) {
            Mutation m = mutations.get(i);
            if (m == null || m.id() == null || m.type() == null || m.command() == null || m.at() == null
                    || m.deviceSeq() <= 0) {
                throw new SyncRefused(400, "Mutation " + (i + 1) + " lacks its id, sequence number, type, time or "
                        + "command.");
            }
        }
        Agency agency = agency(caller.agencyId());
        // one transaction for the whole push (each mutation in its own savepoint): the answers and the changes of
        // every mutation commit together, and the agency's counter is taken once
        List<Answer> answers = agency.runtime().dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long seq = counter(tx);
            List<Answer> out = new ArrayList<>(mutations.size());
            for (Mutation m : mutations) {
                Answer a = apply(tx, agency, caller, m, seq);
                out.add(a);
                if (a.outcome() != Outcome.DUPLICATE) {
                    seq = Math.max(seq, a.seq());
                }
            }
            return out;
        });
        long last = 0;
        for (Answer a : answers) {
            last = Math.max(last, a.seq());
        }
        if (last > 0) {
            long seen = last;
            store.control().update(DEVICE).set(D_SEQ, DSL.greatest(D_SEQ, DSL.val(seen)))
                    .where(D_ID.eq(caller.deviceId())).execute();
        }
        return answers;
    }

    /** One mutation, inside the push's transaction, which holds the agency's counter at {@code seq}. */
    private Answer apply(DSLContext tx, Agency agency, Caller caller, Mutation m, long seq) {
        {
            var done = tx.selectFrom(SYNC_MUTATION).where(SYNC_MUTATION.MUTATION_ID.eq(m.id())).fetchOne();
            if (done != null) {
                Outcome first = Outcome.valueOf(done.getOutcome());
                return new Answer(m.id(), Outcome.DUPLICATE, done.getSeq(), done.getMessage(), done.getConflictId(),
                        first);
            }
            Outcome outcome;
            String message = null;
            List<Clash> clashes = new ArrayList<>();
            String username = "?";
            try {
                Command<?> command = agency.codec().read(m.type(), m.version(), m.command());
                Actor actor = actor(tx, m.userId());
                username = actor.username();
                if (deletedTarget(tx, m) != null) {
                    // deletes are tombstones: an edit that arrives after one is a conflict, never a resurrection
                    throw new NotFoundException("The record this change edits was deleted on another desktop before "
                            + "the change reached the server; the change was not applied.");
                }
                CommandBus.Replayed r;
                try {
                    r = tx.transactionResult(n -> agency.runtime().bus().replay(n.dsl(), actor, command, m.id(),
                            m.at()));
                } catch (ConcurrentEditException stale) {
                    // edits of different fields merge; the same critical field changed on both sides does not
                    Command<?> merged = Merge.stale(tx, command, m.base(), m.at()).orElseThrow(() -> stale);
                    r = tx.transactionResult(n -> agency.runtime().bus().replay(n.dsl(), actor, merged, m.id(),
                            m.at()));
                }
                clashes.addAll(r.clashes());
                markDoubleBookings(tx, command, r.clashes());
                outcome = clashes.isEmpty() ? Outcome.APPLIED : Outcome.CONFLICT;
                if (!clashes.isEmpty()) {
                    message = clashes.get(0).message();
                }
            } catch (ConcurrentEditException e) {
                outcome = Outcome.CONFLICT;
                message = e.getMessage();
                clashes.add(new Clash("STALE_EDIT", recordType(m), recordId(m), null, e.getMessage()));
            } catch (NotFoundException e) {
                outcome = Outcome.CONFLICT;
                message = e.getMessage();
                clashes.add(new Clash("EDITED_AFTER_DELETE", recordType(m), recordId(m), null, e.getMessage()));
            } catch (SyncRefused e) {
                outcome = Outcome.REJECTED;
                message = e.getMessage();
            } catch (UserFacingException e) {
                outcome = Outcome.REJECTED;
                message = e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("Mutation {} ({}) of device {} failed", m.id(), m.type(), caller.deviceNo(), e);
                outcome = Outcome.REJECTED;
                message = "The server could not apply this change (" + e.getClass().getSimpleName() + ").";
            }
            UUID conflictId = null;
            int n = 0;
            for (Clash c : clashes) {
                // distinct from the ids the command itself derived: from the mutation id and the clash's place
                UUID id = UUID.nameUUIDFromBytes((m.id() + ":conflict:" + n++).getBytes(StandardCharsets.UTF_8));
                UUID known = onRecord(tx, c);
                if (known != null) {
                    // the same double booking, still marked and still open: one record for people to settle
                    conflictId = conflictId == null ? known : conflictId;
                    continue;
                }
                conflictId = conflictId == null ? id : conflictId;
                Instant now = clock.instant();
                tx.insertInto(SYNC_CONFLICT).set(SYNC_CONFLICT.ID, id).set(SYNC_CONFLICT.KIND, c.kind())
                        .set(SYNC_CONFLICT.RECORD_TYPE, c.recordType() == null ? "record" : c.recordType())
                        .set(SYNC_CONFLICT.RECORD_ID, c.recordId()).set(SYNC_CONFLICT.OTHER_RECORD_ID, c.otherId())
                        .set(SYNC_CONFLICT.MUTATION_ID, m.id()).set(SYNC_CONFLICT.MADE_BY, username)
                        .set(SYNC_CONFLICT.MADE_AT, m.at()).set(SYNC_CONFLICT.MESSAGE, clip(c.message(), 2000))
                        .set(SYNC_CONFLICT.CREATED_AT, now).set(SYNC_CONFLICT.UPDATED_AT, now).execute();
            }
            long at = record(tx, seq);
            tx.insertInto(SYNC_MUTATION).set(SYNC_MUTATION.MUTATION_ID, m.id())
                    .set(SYNC_MUTATION.DEVICE_ID, caller.deviceId()).set(SYNC_MUTATION.DEVICE_SEQ, m.deviceSeq())
                    .set(SYNC_MUTATION.SEQ, at).set(SYNC_MUTATION.OUTCOME, outcome.name())
                    .set(SYNC_MUTATION.MESSAGE, clip(message, 2000)).set(SYNC_MUTATION.CONFLICT_ID, conflictId)
                    .set(SYNC_MUTATION.COMMAND_TYPE, clip(m.type(), 120)).set(SYNC_MUTATION.RECEIVED_AT, clock.instant())
                    .execute();
            return new Answer(m.id(), outcome, at, message, conflictId, null);
        }
    }

    /**
     * A replayed command that placed a performer despite another booking (a reschedule, a confirmation, a booking
     * created confirmed) kept a DOUBLE_BOOKING clash per performer, but not which assignment it is: for each clash,
     * one unmarked assignment of the booking whose performer's conflicts (asked again now) include the other
     * booking is marked with it, first choice the one whose first conflict it is, as {@code AssignPerformer} marks
     * its own. Found by the sync simulation (seed 3).
     */
    private static void markDoubleBookings(DSLContext tx, Command<?> command, List<Clash> clashes) {
        if (command instanceof AssignmentService.AssignPerformer
                || command instanceof AssignmentService.ImportAssignment) {
            return; // they mark the assignment they make themselves
        }
        for (Clash c : clashes) {
            if (!"DOUBLE_BOOKING".equals(c.kind()) || c.recordId() == null || c.otherId() == null) {
                continue;
            }
            var b = tx.select(BOOKING.STARTS_AT, BOOKING.ENDS_AT, BOOKING.VENUE_ID, BOOKING.TIME_ZONE).from(BOOKING)
                    .where(BOOKING.ID.eq(c.recordId())).fetchOne();
            if (b == null) {
                continue;
            }
            var w = new ConflictCheck.Window(c.recordId(), b.value1(), b.value2(), b.value3(), ZoneId.of(b.value4()));
            UUID chosen = null;
            for (var a : tx.select(ASSIGNMENT.ID, ASSIGNMENT.PERFORMER_ID).from(ASSIGNMENT)
                    .where(ASSIGNMENT.BOOKING_ID.eq(c.recordId()), ASSIGNMENT.DELETED_AT.isNull(),
                            ASSIGNMENT.CLASHES_WITH.isNull()).orderBy(ASSIGNMENT.ID).fetch()) {
                List<ConflictCheck.Conflict> found = ConflictCheck.find(tx, a.value2(), w, true);
                if (!found.isEmpty() && c.otherId().equals(found.get(0).otherBookingId())) {
                    chosen = a.value1();
                    break;
                }
                if (chosen == null && found.stream().anyMatch(f -> c.otherId().equals(f.otherBookingId()))) {
                    chosen = a.value1();
                }
            }
            if (chosen != null) {
                tx.update(ASSIGNMENT).set(ASSIGNMENT.CLASHES_WITH, c.otherId()).where(ASSIGNMENT.ID.eq(chosen)).execute();
            }
        }
    }

    /**
     * An open DOUBLE_BOOKING conflict that already stands for this clash: the booking's assignments marked with the
     * other booking all have theirs (a reschedule that still overlaps the gig it was marked against). Found by the
     * sync simulation (seed 20).
     */
    private static UUID onRecord(DSLContext tx, Clash c) {
        if (!"DOUBLE_BOOKING".equals(c.kind()) || c.recordId() == null || c.otherId() == null) {
            return null;
        }
        int marked = tx.fetchCount(ASSIGNMENT, ASSIGNMENT.BOOKING_ID.eq(c.recordId()),
                ASSIGNMENT.CLASHES_WITH.eq(c.otherId()));
        var open = tx.select(SYNC_CONFLICT.ID).from(SYNC_CONFLICT).where(SYNC_CONFLICT.KIND.eq(c.kind()),
                SYNC_CONFLICT.RECORD_ID.eq(c.recordId()), SYNC_CONFLICT.OTHER_RECORD_ID.eq(c.otherId()),
                SYNC_CONFLICT.STATUS.eq(ConflictStatus.OPEN.name())).orderBy(SYNC_CONFLICT.CREATED_AT, SYNC_CONFLICT.ID).fetch(SYNC_CONFLICT.ID);
        return marked > 0 && open.size() >= marked ? open.get(0) : null;
    }

    /** Takes the agency's change counter (locking its row until this transaction ends) and returns its value. */
    private long counter(DSLContext tx) {
        return tx.select(SYNC_COUNTER.SEQ).from(SYNC_COUNTER).forUpdate().fetchOne(SYNC_COUNTER.SEQ);
    }

    /**
     * Records the rows this transaction changed (noted by the capture triggers) as changes under the next sequence
     * number, and moves the counter on; returns that number, or 0 when nothing changed.
     */
    private long record(DSLContext tx, long seq) {
        var dirty = tx.select(SYNC_DIRTY.TABLE_NAME, SYNC_DIRTY.ROW_KEY).from(SYNC_DIRTY).fetch();
        if (dirty.isEmpty()) {
            return 0;
        }
        long next = seq + 1;
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        dirty.forEach(r -> byTable.computeIfAbsent(r.value1(), t -> new ArrayList<>()).add(r.value2()));
        int idx = 0;
        for (var e : byTable.entrySet()) {
            Table<?> table = SyncTables.get().table(e.getKey());
            Map<String, ObjectNode> now = RowCodec.read(tx, table, e.getValue());
            for (String key : e.getValue()) {
                ObjectNode row = now.get(key);
                tx.insertInto(SYNC_CHANGE).set(SYNC_CHANGE.SEQ, next).set(SYNC_CHANGE.IDX, idx++)
                        .set(SYNC_CHANGE.TABLE_NAME, e.getKey()).set(SYNC_CHANGE.ROW_KEY, key)
                        .set(SYNC_CHANGE.ROW_DATA, row == null ? null : json(row)).execute();
            }
        }
        tx.deleteFrom(SYNC_DIRTY).execute();
        tx.update(SYNC_COUNTER).set(SYNC_COUNTER.SEQ, next).execute();
        return next;
    }

    /**
     * The endpoint's own commands (the time-driven rules, run by the agency's bus) take the counter before they
     * run and record their changes in the same transaction, like a desktop's mutation.
     */
    private final class ServerJournal implements dev.stagedesk.command.Journal {
        @Override
        public Entry open(DSLContext tx, Actor actor, Command<?> command, Instant now) {
            long seq = counter(tx);
            return new Entry() {
                @Override
                public dev.stagedesk.common.Ids ids(dev.stagedesk.common.Ids fallback) {
                    return fallback;
                }

                @Override
                public void record(DSLContext t) {
                    SyncServer.this.record(t, seq);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private Actor actor(DSLContext tx, UUID userId) {
        if (userId == null) {
            return Actor.owner();
        }
        var u = tx.select(APP_USER.USERNAME, APP_USER.ACTIVE, APP_USER.PERFORMER_ID).from(APP_USER)
                .where(APP_USER.ID.eq(userId)).fetchOne();
        if (u == null) {
            throw new SyncRefused(403, "The user who made this change is not known to the agency.");
        }
        if (!Boolean.TRUE.equals(u.value2())) {
            throw new SyncRefused(403, "The user " + u.value1() + " is disabled; their change was not applied.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        tx.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).fetch(USER_ROLE.ROLE)
                .forEach(r -> roles.add(Role.valueOf(r)));
        return new Actor(userId, u.value1(), roles, u.value3());
    }

    /**
     * The kind of record (its table) when the mutation edits a record, by its {@code id} field, that is deleted
     * here; null otherwise. Restoring or deleting again is not an edit.
     */
    private static String deletedTarget(DSLContext tx, Mutation m) {
        String simple = m.type().substring(m.type().lastIndexOf('$') + 1);
        if (simple.startsWith("Restore") || simple.startsWith("Delete") || !m.command().hasNonNull("id")) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(m.command().get("id").asText());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
        org.jooq.Select<org.jooq.Record1<String>> any = null;
        for (String t : SyncTables.get().names()) {
            Table<?> table = SyncTables.get().table(t);
            Field<?> idField = table.field("ID");
            Field<?> deletedAt = table.field("DELETED_AT");
            if (idField != null && deletedAt != null && idField.getType() == UUID.class) {
                @SuppressWarnings("unchecked")
                Field<UUID> ids = (Field<UUID>) idField;
                var one = tx.select(DSL.inline(t)).from(table).where(ids.eq(id), deletedAt.isNotNull());
                any = any == null ? one : any.unionAll(one);
            }
        }
        String table = any == null ? null : tx.fetchValue(any);
        return table;
    }

    /** The record a mutation is about, for its conflict record: its first id field, and the kind from its type. */
    private static UUID recordId(Mutation m) {
        var it = m.command().fields();
        while (it.hasNext()) {
            var e = it.next();
            if ((e.getKey().equals("id") || e.getKey().endsWith("Id")) && e.getValue().isTextual()) {
                try {
                    return UUID.fromString(e.getValue().asText());
                } catch (IllegalArgumentException notAnId) {
                    // not an id after all
                }
            }
        }
        return null;
    }

    private static String recordType(Mutation m) {
        var it = m.command().fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.endsWith("Id")) {
                return f.substring(0, f.length() - 2).toLowerCase(Locale.ROOT);
            }
        }
        return "record";
    }

    // ------------------------------------------------------------------ pull

    @Override
    public Page pull(String token, PullRequest request) {
        Caller caller = caller(token);
        if (request == null || request.cursor() < 0) {
            throw new SyncRefused(400, "A pull needs a cursor of 0 or more.");
        }
        int limit = Math.max(1, Math.min(MAX_PAGE, request.limit() <= 0 ? MAX_PAGE : request.limit()));
        DSLContext dsl = agency(caller.agencyId()).runtime().dsl();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var counter = tx.selectFrom(SYNC_COUNTER).fetchOne();
            long head = counter.getSeq();
            if (request.after() != null || request.cursor() < counter.getHorizon()) {
                return snapshot(tx, request, head, limit);
            }
            if (request.cursor() > head) {
                throw new SyncRefused(400, "The cursor " + request.cursor() + " is ahead of the agency's newest change "
                        + head + ": this desktop's link is from another server or agency.");
            }
            // whole changes only: a page ends where a change ends, even if one change alone is larger
            var found = tx.selectFrom(SYNC_CHANGE).where(SYNC_CHANGE.SEQ.gt(request.cursor()))
                    .orderBy(SYNC_CHANGE.SEQ, SYNC_CHANGE.IDX).limit(limit + 1).fetch();
            boolean more = found.size() > limit;
            if (more) {
                long cut = found.get(limit).getSeq();
                var whole = found.stream().filter(r -> r.getSeq() < cut).toList();
                found.clear();
                if (whole.isEmpty()) {
                    found.addAll(tx.selectFrom(SYNC_CHANGE).where(SYNC_CHANGE.SEQ.eq(cut)).orderBy(SYNC_CHANGE.IDX)
                            .fetch());
                } else {
                    found.addAll(whole);
                }
            }
            List<RowChange> changes = new ArrayList<>(found.size());
            long cursor = request.cursor();
            for (var r : found) {
                changes.add(new RowChange(r.getSeq(), r.getTableName(), r.getRowKey(), parse(r.getRowData())));
                cursor = Math.max(cursor, r.getSeq());
            }
            if (brokenPaging) {
                cursor = head;
            }
            return new Page(changes, cursor, Math.max(head, cursor), more, false, null);
        });
    }

    /**
     * A page of every row the agency has, table by table (parents first) in key order, from {@code after} on. The
     * cursor of every snapshot page is the head when the snapshot began, so the changes made meanwhile are pulled
     * after it and the desktop ends at one consistent state.
     */
    private Page snapshot(DSLContext tx, PullRequest request, long head, int limit) {
        long base = request.after() == null ? head : request.cursor();
        List<String> names = SyncTables.get().names();
        int tableIndex = 0;
        List<String> keyAfter = null;
        if (request.after() != null) {
            int colon = request.after().indexOf(':');
            String t = colon < 0 ? request.after() : request.after().substring(0, colon);
            tableIndex = names.indexOf(t);
            if (tableIndex < 0) {
                throw new SyncRefused(400, "The snapshot position " + request.after() + " is not valid.");
            }
            if (colon >= 0) {
                keyAfter = List.of(request.after().substring(colon + 1).split("\\|", -1));
            }
        }
        List<RowChange> rows = new ArrayList<>();
        String next = null;
        while (tableIndex < names.size()) {
            String t = names.get(tableIndex);
            List<RowChange> part = RowCodec.page(tx, SyncTables.get().table(t), base, keyAfter, limit - rows.size());
            rows.addAll(part);
            if (rows.size() >= limit) {
                next = t + ":" + rows.get(rows.size() - 1).key();
                break;
            }
            tableIndex++;
            keyAfter = null;
        }
        return new Page(rows, base, head, next != null || base < head, true, next);
    }

    @Override
    public Rows rows(String token, List<RowKey> keys) {
        Caller caller = caller(token);
        if (keys == null || keys.size() > MAX_PAGE) {
            throw new SyncRefused(keys == null ? 400 : 413, "Ask for 1 to " + MAX_PAGE + " rows at a time.");
        }
        DSLContext dsl = agency(caller.agencyId()).runtime().dsl();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long head = tx.select(SYNC_COUNTER.SEQ).from(SYNC_COUNTER).fetchOne(SYNC_COUNTER.SEQ);
            Map<String, List<String>> byTable = new LinkedHashMap<>();
            for (RowKey k : keys) {
                if (k == null || k.table() == null || k.key() == null || !SyncTables.get().synced(k.table())) {
                    throw new SyncRefused(400, "Not a row that syncs: " + k);
                }
                byTable.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(k.key());
            }
            List<RowChange> out = new ArrayList<>();
            for (var e : byTable.entrySet()) {
                Map<String, ObjectNode> now;
                try {
                    now = RowCodec.read(tx, SyncTables.get().table(e.getKey()), e.getValue());
                } catch (IllegalArgumentException bad) {
                    throw new SyncRefused(400, bad.getMessage());
                }
                for (String key : e.getValue()) {
                    out.add(new RowChange(head, e.getKey(), key, now.get(key)));
                }
            }
            return new Rows(out, head);
        });
    }

    // ------------------------------------------------------------------ helpers

    private String newCode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(ObjectNode row) {
        try {
            return RowCodec.MAPPER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return (ObjectNode) RowCodec.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() {
        for (Agency a : agencies.values()) {
            try {
                a.runtime().closer().close();
            } catch (Exception e) {
                LOG.warn("Closing an agency store failed", e);
            }
        }
        agencies.clear();
        store.close();
    }
}
