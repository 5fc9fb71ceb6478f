package dev.stagedesk.sync.sim;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static dev.stagedesk.db.jooq.Tables.OPEN_RECEIVABLE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static dev.stagedesk.db.jooq.Tables.SYNC_CONFLICT;
import static dev.stagedesk.db.jooq.Tables.SYNC_MUTATION;
import static dev.stagedesk.db.jooq.Tables.SYNC_OUTBOX;
import static dev.stagedesk.db.jooq.Tables.SYNC_STATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.numbering.Numbering;
import dev.stagedesk.sync.RowChange;
import dev.stagedesk.sync.RowCodec;
import dev.stagedesk.sync.SyncTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * What must hold once the network healed and every desktop is in step: the endpoint and every desktop hold the same
 * rows in every synced table; the ledger agrees with each booking's paid amount; every change made on a desktop was
 * answered exactly once and both sides agree on the answer; a performer is never double booked without the clash
 * being marked, and every marked clash has its one conflict record everywhere; human numbers are final, unique and
 * gapless per series and year. Returns every problem found, in words (empty: all holds).
 */
public final class Checker {
    /** A desktop's store, by name. */
    public record Store(String name, DSLContext dsl) {
    }

    private static final int MAX_DIFFS_PER_TABLE = 5;
    private static final Pattern LAST_DIGITS = Pattern.compile("^(.*?)(\\d+)$");

    private final DSLContext server;
    private final List<Store> desktops;
    private final List<String> problems = new ArrayList<>();

    public Checker(DSLContext server, List<Store> desktops) {
        this.server = server;
        this.desktops = desktops;
    }

    public List<String> check() {
        sameRows();
        sameReceivables();
        ledger();
        answeredOnce();
        noUnmarkedDoubleBookings();
        clashesHaveTheirConflict();
        numbers();
        return problems;
    }

    private List<Store> all() {
        List<Store> out = new ArrayList<>();
        out.add(new Store("server", server));
        out.addAll(desktops);
        return out;
    }

    private void problem(String text) {
        problems.add(text);
    }

    // ------------------------------------------------------------------ the same rows everywhere

    static Map<String, ObjectNode> rows(DSLContext dsl, Table<?> table) {
        Map<String, ObjectNode> out = new TreeMap<>();
        for (RowChange r : RowCodec.page(dsl, table, 0, null, Integer.MAX_VALUE)) {
            out.put(r.key(), r.row());
        }
        return out;
    }

    private void sameRows() {
        for (String t : SyncTables.get().names()) {
            Table<?> table = SyncTables.get().table(t);
            Map<String, ObjectNode> there = rows(server, table);
            for (Store d : desktops) {
                compare(t, there, d.name(), rows(d.dsl(), table));
            }
        }
    }

    private void compare(String table, Map<String, ObjectNode> server, String name, Map<String, ObjectNode> here) {
        int shown = 0;
        int differ = 0;
        Set<String> keys = new TreeSet<>(server.keySet());
        keys.addAll(here.keySet());
        for (String k : keys) {
            ObjectNode s = server.get(k);
            ObjectNode h = here.get(k);
            if (Objects.equals(s, h)) {
                continue;
            }
            differ++;
            if (shown++ < MAX_DIFFS_PER_TABLE) {
                if (s == null) {
                    problem(table + " " + k + ": on " + name + " but not on the server: " + h);
                } else if (h == null) {
                    problem(table + " " + k + ": on the server but not on " + name + ": " + s);
                } else {
                    problem(table + " " + k + ": differs on " + name + ": " + columns(s, h));
                }
            }
        }
        if (differ > MAX_DIFFS_PER_TABLE) {
            problem(table + ": " + (differ - MAX_DIFFS_PER_TABLE) + " more rows differ on " + name);
        }
    }

    private static String columns(ObjectNode server, ObjectNode here) {
        StringBuilder b = new StringBuilder();
        Iterator<String> it = server.fieldNames();
        while (it.hasNext()) {
            String c = it.next();
            JsonNode s = server.get(c);
            JsonNode h = here.get(c);
            if (!Objects.equals(s, h)) {
                b.append(b.length() == 0 ? "" : ", ").append(c).append(" server=").append(s).append(" here=").append(h);
            }
        }
        return b.toString();
    }

    /** Open receivables are derived on each side from the synced rows: they must come out the same. */
    private void sameReceivables() {
        Map<String, ObjectNode> there = rows(server, OPEN_RECEIVABLE);
        for (Store d : desktops) {
            compare("open_receivable (derived)", there, d.name(), rows(d.dsl(), OPEN_RECEIVABLE));
        }
    }

    // ------------------------------------------------------------------ money

    private void ledger() {
        Set<UUID> serverPayments = new TreeSet<>(server.select(PAYMENT.ID).from(PAYMENT).fetch(PAYMENT.ID));
        for (Store s : all()) {
            Set<UUID> here = new TreeSet<>(s.dsl().select(PAYMENT.ID).from(PAYMENT).fetch(PAYMENT.ID));
            if (!here.equals(serverPayments)) {
                Set<UUID> missing = new TreeSet<>(serverPayments);
                missing.removeAll(here);
                Set<UUID> extra = new TreeSet<>(here);
                extra.removeAll(serverPayments);
                problem("payments on " + s.name() + " differ from the server's: missing " + missing + ", extra " + extra);
            }
            var sums = s.dsl().select(PAYMENT.BOOKING_ID, DSL.sum(PAYMENT.AMOUNT_MINOR)).from(PAYMENT)
                    .where(PAYMENT.DELETED_AT.isNull()).groupBy(PAYMENT.BOOKING_ID).fetchMap(PAYMENT.BOOKING_ID,
                            DSL.sum(PAYMENT.AMOUNT_MINOR));
            for (var b : s.dsl().select(BOOKING.ID, BOOKING.NUMBER, BOOKING.PAID_MINOR).from(BOOKING).fetch()) {
                var sum = sums.get(b.value1());
                long ledger = sum == null ? 0 : sum.longValueExact();
                if (ledger != b.value3()) {
                    problem("booking " + b.value2() + " on " + s.name() + ": paid_minor " + b.value3()
                            + " but its payments sum to " + ledger);
                }
            }
        }
    }

    // ------------------------------------------------------------------ exactly once

    private void answeredOnce() {
        Map<UUID, List<Record>> byDevice = new HashMap<>();
        for (Record r : server.select(SYNC_MUTATION.MUTATION_ID, SYNC_MUTATION.DEVICE_ID, SYNC_MUTATION.DEVICE_SEQ,
                SYNC_MUTATION.OUTCOME).from(SYNC_MUTATION).fetch()) {
            byDevice.computeIfAbsent(r.get(SYNC_MUTATION.DEVICE_ID), k -> new ArrayList<>()).add(r);
        }
        for (var dup : server.select(SYNC_MUTATION.MUTATION_ID, DSL.count()).from(SYNC_MUTATION)
                .groupBy(SYNC_MUTATION.MUTATION_ID).having(DSL.count().gt(1)).fetch()) {
            problem("the server answered mutation " + dup.value1() + " " + dup.value2() + " times");
        }
        for (Store d : desktops) {
            UUID device = d.dsl().fetchValue(SYNC_STATE.DEVICE_ID);
            Map<UUID, Record> answered = new HashMap<>();
            for (Record r : byDevice.getOrDefault(device, List.of())) {
                answered.put(r.get(SYNC_MUTATION.MUTATION_ID), r);
            }
            long seq = 0;
            for (var o : d.dsl().selectFrom(SYNC_OUTBOX).orderBy(SYNC_OUTBOX.DEVICE_SEQ).fetch()) {
                String what = d.name() + "'s mutation " + o.getDeviceSeq() + " (" + o.getCommandType() + ")";
                if (o.getDeviceSeq() != ++seq) {
                    problem(d.name() + "'s outbox jumps from " + (seq - 1) + " to " + o.getDeviceSeq());
                    seq = o.getDeviceSeq();
                }
                if (o.getOutcome() == null) {
                    problem(what + " has no answer after healing");
                }
                Record s = answered.remove(o.getMutationId());
                if (s == null) {
                    problem(what + " never reached the server");
                } else if (o.getOutcome() != null && !o.getOutcome().equals(s.get(SYNC_MUTATION.OUTCOME))) {
                    problem(what + ": the desktop recorded " + o.getOutcome() + ", the server "
                            + s.get(SYNC_MUTATION.OUTCOME));
                } else if (!Objects.equals(o.getDeviceSeq(), s.get(SYNC_MUTATION.DEVICE_SEQ))) {
                    problem(what + ": the server has it as device sequence " + s.get(SYNC_MUTATION.DEVICE_SEQ));
                }
            }
            for (UUID unknown : answered.keySet()) {
                problem("the server answered mutation " + unknown + " of " + d.name() + ", which its outbox lacks");
            }
        }
    }

    // ------------------------------------------------------------------ double bookings

    private record Slot(UUID assignment, UUID booking, UUID performer, Instant start, Instant end, UUID clashesWith) {
    }

    private void noUnmarkedDoubleBookings() {
        for (Store s : all()) {
            Map<UUID, List<Slot>> byPerformer = new TreeMap<>();
            for (var r : s.dsl().select(ASSIGNMENT.ID, ASSIGNMENT.BOOKING_ID, ASSIGNMENT.PERFORMER_ID,
                            ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT, ASSIGNMENT.CLASHES_WITH)
                    .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                    .where(ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(),
                            BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()))
                    .orderBy(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ID).fetch()) {
                byPerformer.computeIfAbsent(r.value3(), k -> new ArrayList<>()).add(new Slot(r.value1(), r.value2(),
                        r.value3(), r.value4(), r.value5(), r.value6()));
            }
            for (List<Slot> slots : byPerformer.values()) {
                for (int i = 0; i < slots.size(); i++) {
                    for (int j = i + 1; j < slots.size(); j++) {
                        Slot a = slots.get(i);
                        Slot b = slots.get(j);
                        if (a.start().isBefore(b.end()) && b.start().isBefore(a.end()) && a.clashesWith() == null
                                && b.clashesWith() == null) {
                            problem("on " + s.name() + " performer " + a.performer() + " plays bookings "
                                    + number(s, a.booking()) + " (" + a.start() + " to " + a.end() + ") and "
                                    + number(s, b.booking()) + " (" + b.start() + " to " + b.end()
                                    + ") at once, and neither assignment is marked as a clash");
                        }
                    }
                }
            }
        }
    }

    private static String number(Store s, UUID booking) {
        return s.dsl().fetchValue(BOOKING.NUMBER, BOOKING.ID.eq(booking));
    }

    /** Each assignment marked as a clash has its one DOUBLE_BOOKING conflict record, on the server and everywhere. */
    private void clashesHaveTheirConflict() {
        for (Store s : all()) {
            Map<String, Integer> marked = new TreeMap<>();
            for (var r : s.dsl().select(ASSIGNMENT.BOOKING_ID, ASSIGNMENT.CLASHES_WITH).from(ASSIGNMENT)
                    .where(ASSIGNMENT.CLASHES_WITH.isNotNull()).fetch()) {
                marked.merge(r.value1() + " with " + r.value2(), 1, Integer::sum);
            }
            Map<String, Integer> recorded = new TreeMap<>();
            for (var r : s.dsl().select(SYNC_CONFLICT.RECORD_ID, SYNC_CONFLICT.OTHER_RECORD_ID).from(SYNC_CONFLICT)
                    .where(SYNC_CONFLICT.KIND.eq("DOUBLE_BOOKING")).fetch()) {
                recorded.merge(r.value1() + " with " + r.value2(), 1, Integer::sum);
            }
            for (var e : marked.entrySet()) {
                int n = recorded.getOrDefault(e.getKey(), 0);
                if (n != e.getValue()) {
                    UUID booking = UUID.fromString(e.getKey().substring(0, 36));
                    problem("on " + s.name() + " " + e.getValue() + " assignment(s) of booking " + e.getKey()
                            + " are marked as clashes, with " + n + " DOUBLE_BOOKING conflict record(s); assignments "
                            + s.dsl().select(ASSIGNMENT.ID, ASSIGNMENT.PERFORMER_ID, ASSIGNMENT.CLASHES_WITH,
                                    ASSIGNMENT.DELETED_AT).from(ASSIGNMENT).where(ASSIGNMENT.BOOKING_ID.eq(booking))
                                    .fetch().formatCSV(false)
                            + " conflicts " + s.dsl().select(SYNC_CONFLICT.KIND, SYNC_CONFLICT.OTHER_RECORD_ID,
                                    SYNC_CONFLICT.MUTATION_ID, SYNC_CONFLICT.MESSAGE).from(SYNC_CONFLICT)
                                    .where(SYNC_CONFLICT.RECORD_ID.eq(booking)).fetch().formatCSV(false));
                }
            }
        }
        Set<UUID> onServer = new TreeSet<>(server.select(SYNC_CONFLICT.ID).from(SYNC_CONFLICT).fetch(SYNC_CONFLICT.ID));
        for (Store d : desktops) {
            Set<UUID> here = new TreeSet<>(d.dsl().select(SYNC_CONFLICT.ID).from(SYNC_CONFLICT).fetch(SYNC_CONFLICT.ID));
            if (!here.equals(onServer)) {
                problem(d.name() + " shows " + here.size() + " conflicts, the server has " + onServer.size());
            }
        }
    }

    // ------------------------------------------------------------------ numbers

    private void numbers() {
        checkSeries("booking", server.select(BOOKING.NUMBER).from(BOOKING).fetch(BOOKING.NUMBER));
        checkSeries("invoice", server.select(INVOICE.NUMBER).from(INVOICE).where(INVOICE.NUMBER.isNotNull())
                .fetch(INVOICE.NUMBER));
        for (Store s : all()) {
            for (String n : s.dsl().select(BOOKING.NUMBER).from(BOOKING).fetch(BOOKING.NUMBER)) {
                if (Numbering.provisional(n)) {
                    problem("booking " + n + " on " + s.name() + " still has its provisional number");
                }
            }
            for (String n : s.dsl().select(INVOICE.NUMBER).from(INVOICE).where(INVOICE.NUMBER.isNotNull())
                    .fetch(INVOICE.NUMBER)) {
                if (Numbering.provisional(n)) {
                    problem("invoice " + n + " on " + s.name() + " still has its provisional number");
                }
            }
        }
        // the server's counters stand at the last number it gave: none was used up without a record keeping it
        Map<String, Long> highest = new HashMap<>();
        for (var r : server.selectFrom(NUMBER_SEQUENCE).fetch()) {
            highest.put(r.getSeries() + "/" + r.getPeriod(), r.getLastValue());
        }
        compareCounter(highest, "BOOKING", server.select(BOOKING.NUMBER).from(BOOKING).fetch(BOOKING.NUMBER));
        compareCounter(highest, "INVOICE", server.select(INVOICE.NUMBER).from(INVOICE)
                .where(INVOICE.NUMBER.isNotNull(), INVOICE.KIND.ne("CREDIT_NOTE")).fetch(INVOICE.NUMBER));
        compareCounter(highest, "CREDIT_NOTE", server.select(INVOICE.NUMBER).from(INVOICE)
                .where(INVOICE.NUMBER.isNotNull(), INVOICE.KIND.eq("CREDIT_NOTE")).fetch(INVOICE.NUMBER));
    }

    /** Numbers grouped by everything but their last run of digits: each group is 1, 2, ... n, each once. */
    private void checkSeries(String what, List<String> numbers) {
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        for (String n : numbers) {
            Matcher m = LAST_DIGITS.matcher(n);
            if (!m.matches()) {
                problem(what + " number " + n + " does not end in its sequence number");
                continue;
            }
            groups.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Long.parseLong(m.group(2)));
        }
        for (var g : groups.entrySet()) {
            List<Long> seqs = new ArrayList<>(g.getValue());
            seqs.sort(null);
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i + 1) {
                    problem(what + " numbers " + g.getKey() + "* on the server are not 1.." + seqs.size()
                            + " each once: " + seqs);
                    break;
                }
            }
        }
    }

    private void compareCounter(Map<String, Long> highest, String series, List<String> numbers) {
        Map<String, Integer> perYear = new TreeMap<>();
        Pattern year = Pattern.compile("(20\\d\\d)");
        for (String n : numbers) {
            Matcher m = year.matcher(n);
            if (m.find()) {
                perYear.merge(m.group(1), 1, Integer::sum);
            }
        }
        for (var e : perYear.entrySet()) {
            Long last = highest.get(series + "/" + e.getKey());
            if (last == null || last != e.getValue().longValue()) {
                problem("the server's " + series + " counter for " + e.getKey() + " stands at " + last + " but "
                        + e.getValue() + " numbers were given");
            }
        }
    }
}
