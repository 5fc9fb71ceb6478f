package dev.stagedesk.demo;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static dev.stagedesk.db.jooq.Tables.INVOICE;
import static dev.stagedesk.db.jooq.Tables.INVOICE_LINE;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.SEARCH_TOKEN;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.common.HoldStatus;
import dev.stagedesk.booking.PayoutStatus;
import dev.stagedesk.common.SearchText;
import dev.stagedesk.inquiry.InquiryStatus;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.payment.InvoiceStatus;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.settings.AgencyFacts;
import dev.stagedesk.demo.DemoCatalog.City;
import dev.stagedesk.demo.DemoDataService.Progress;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.payment.PaymentTerms;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Writes one demo store. Deterministic for a seed (relative to today). Assignments never double-book: a
 * performer plays at most every other day, so no two of their gigs overlap or leave too little time to travel.
 */
final class DemoGenerator {
    private static final int TAX_BP = 1900;
    private static final int DEPOSIT_BP = 3000;
    private static final DateTimeFormatter INVOICE_DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private long creditNotes;
    static final int CHECKPOINT_ROWS = 20_000;
    private final int checkpointRows;

    private final DSLContext dsl;
    private final Connection conn;
    private final DemoPlan size;
    private final Random rnd;
    private final String currency;
    private final Instant now;
    private final LocalDate today;
    private final Progress progress;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long idCounter;
    private final long idRandomHigh;

    private UUID[] clientIds;
    private String[] clientNames;
    private UUID[] venueIds;
    private String[] venueNames;
    private int[] venueCity;
    private UUID[] performerIds;
    private long[] performerFee;
    private int[] performerCommission;
    private UUID[] packageIds;

    DemoGenerator(DSLContext dsl, Connection conn, DemoPlan size, long seed, String currency, Instant now,
                  Progress progress, int checkpointRows) {
        this.checkpointRows = checkpointRows;
        this.dsl = dsl;
        this.conn = conn;
        this.size = size;
        this.rnd = new Random(seed);
        this.currency = currency;
        this.now = now;
        this.today = AgencyFacts.today(dsl, now); // nothing paid after the agency's today
        this.progress = progress;
        this.idRandomHigh = new Random(seed ^ 0x5DEECE66DL).nextLong();
    }

    DemoSummary run() throws SQLException {
        clients();
        venues();
        performers();
        packages();
        bookings();
        inquiries();
        searchTokens();
        overheads();
        return new DemoSummary(counts);
    }

    /** UUID v7 layout with a fixed timestamp base and a counter, so the same seed gives the same ids. */
    private UUID id() {
        long ms = 1_700_000_000_000L + (idCounter++);
        long msb = (ms << 16) | 0x7000L | (idRandomHigh & 0x0FFFL);
        long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    /**
     * A name not in {@code used} (compared ignoring case): each pattern is tried a few times, in order, then the last
     * one until it gives a free name (the last pattern's combinations far outnumber the largest demo). Names are
     * combined from word lists, never numbered.
     */
    @SafeVarargs
    private String unique(Set<String> used, Supplier<String>... patterns) {
        for (Supplier<String> pattern : patterns) {
            for (int attempt = 0; attempt < 30; attempt++) {
                String name = pattern.get();
                if (used.add(name.toLowerCase(Locale.ROOT))) {
                    return name;
                }
            }
        }
        while (true) {
            String name = patterns[patterns.length - 1].get();
            if (used.add(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
    }

    /** Letters of a name as they go into an e-mail address ("Zoë O'Brien" -> "zoe", "obrien"). */
    private static String mailPart(String word) {
        return SearchText.fold(word).replaceAll("[^a-z]", "");
    }

    /** A free e-mail address of a person, from the usual patterns; a year-like suffix only once they are all taken. */
    private String personEmail(Set<String> used, String first, String last, String domain) {
        String f = mailPart(first);
        String l = mailPart(last);
        String[] locals = {f + "." + l, f.charAt(0) + l, f + l, f + "_" + l, l + "." + f, f.charAt(0) + "." + l};
        for (String local : locals) {
            String email = local + "@" + domain;
            if (used.add(email)) {
                return email;
            }
        }
        for (int year = 60; ; year++) {
            String email = f + "." + l + (year % 100) + (year >= 100 ? String.valueOf(year / 100) : "") + "@" + domain;
            if (used.add(email)) {
                return email;
            }
        }
    }

    private String eventType(LocalDate day) {
        return pick(DemoCatalog.eventTypesOn(day));
    }

    private List<Field<?>> common(Field<?>... fields) {
        return Arrays.asList(fields);
    }

    /** A word index row, kept until {@link #searchTokens()} writes them all in primary-key order. */
    private record Word(String entity, String token, UUID recordId) implements Comparable<Word> {
        @Override
        public int compareTo(Word o) {
            int c = entity.compareTo(o.entity);
            if (c == 0) {
                c = token.compareTo(o.token);
            }
            // ids from id() grow in their high bits, which H2 and Java compare alike
            return c != 0 ? c : recordId.compareTo(o.recordId);
        }
    }

    private final List<Word> words = new ArrayList<>();
    private final Map<String, String> tokenPool = new HashMap<>();

    /** The word index rows of one record (see SearchIndex). */
    private void words(String entity, UUID id, String... fields) {
        for (String t : SearchIndex.tokens(fields)) {
            words.add(new Word(entity, tokenPool.computeIfAbsent(t, k -> k), id));
        }
    }

    /**
     * Writes the word index sorted by its primary key: appended in order, the index pages are written once.
     * Inserted as the records came, millions of words land all over the tree and H2 rewrites the same pages
     * again and again (an xl store's file passed 2.5 GB within the first 120k clients).
     */
    private void searchTokens() throws SQLException {
        words.sort(null);
        tokenPool.clear();
        int n = words.size();
        try (BulkInserter tokens = new BulkInserter(dsl, conn, SEARCH_TOKEN, common(SEARCH_TOKEN.ENTITY_TYPE,
                SEARCH_TOKEN.TOKEN, SEARCH_TOKEN.RECORD_ID))) {
            for (int i = 0; i < n; i++) {
                Word w = words.get(i);
                tokens.add(w.entity(), w.token(), w.recordId());
                words.set(i, null);
                tick("search index", i, n);
                checkpoint(i, 5 * checkpointRows, tokens);
            }
            counts.put("search words", tokens.rows());
        }
        words.clear();
    }

    private void clients() throws SQLException {
        int n = size.clients();
        clientIds = new UUID[n];
        clientNames = new String[n];
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        try (BulkInserter ins = new BulkInserter(dsl, conn, CLIENT, common(CLIENT.ID, CLIENT.KIND, CLIENT.NAME,
                CLIENT.CONTACT_NAME, CLIENT.EMAIL, CLIENT.PHONE, CLIENT.ADDRESS_LINE1, CLIENT.POSTAL_CODE, CLIENT.CITY,
                CLIENT.COUNTRY_CODE, CLIENT.TAX_ID, CLIENT.SEARCH_TEXT, CLIENT.CREATED_AT, CLIENT.UPDATED_AT,
                CLIENT.VERSION))) {
            for (int i = 0; i < n; i++) {
                City city = pick(DemoCatalog.CITIES);
                boolean company = rnd.nextInt(10) < 3;
                String first = pick(DemoCatalog.FIRST);
                String last = pick(DemoCatalog.LAST);
                String name = company ? unique(names,
                        () -> pick(DemoCatalog.COMPANY_STEMS) + " " + pick(DemoCatalog.COMPANY_KINDS),
                        () -> pick(DemoCatalog.COMPANY_STEMS) + " " + pick(DemoCatalog.COMPANY_KINDS) + " " + city.name(),
                        () -> pick(DemoCatalog.LAST) + " & " + pick(DemoCatalog.LAST) + " " + pick(DemoCatalog.COMPANY_KINDS),
                        () -> pick(DemoCatalog.COMPANY_STEMS) + " " + pick(DemoCatalog.LAST) + " "
                                + pick(DemoCatalog.COMPANY_KINDS) + " " + pick(DemoCatalog.CITIES).name())
                        : first + " " + last;
                String contact = company ? first + " " + last : null;
                String email = company
                        ? personEmail(emails, first, last, mailPart(name) + ".example")
                        : personEmail(emails, first, last, pick(DemoCatalog.MAIL_DOMAINS));
                String phone = "+" + (30 + rnd.nextInt(60)) + " " + (100 + rnd.nextInt(900)) + " " + (1000000 + rnd.nextInt(8999999));
                String taxId = company ? city.country() + (100000000 + rnd.nextInt(899999999)) : null;
                String street = (1 + rnd.nextInt(120)) + " " + pick(DemoCatalog.STREETS);
                clientIds[i] = id();
                clientNames[i] = name;
                ins.add(clientIds[i], company ? "COMPANY" : "PERSON", name, contact, email, phone, street,
                        String.valueOf(10000 + rnd.nextInt(89999)), city.name(), city.country(), taxId,
                        SearchText.of(name, contact, email, phone, city.name(), taxId), now, now, 0);
                words("client", clientIds[i], name, contact, email, phone, city.name(), taxId);
                tick("clients", i, n);
                checkpoint(i, ins);
            }
            counts.put("clients", ins.rows());
        }
    }

    private void venues() throws SQLException {
        int n = size.venues();
        venueIds = new UUID[n];
        venueNames = new String[n];
        venueCity = new int[n];
        Set<String> names = new HashSet<>();
        try (BulkInserter ins = new BulkInserter(dsl, conn, VENUE, common(VENUE.ID, VENUE.NAME, VENUE.ADDRESS_LINE1,
                VENUE.POSTAL_CODE, VENUE.CITY, VENUE.COUNTRY_CODE, VENUE.LATITUDE, VENUE.LONGITUDE, VENUE.CAPACITY,
                VENUE.CONTACT_NAME, VENUE.CONTACT_PHONE, VENUE.SEARCH_TEXT, VENUE.CREATED_AT, VENUE.UPDATED_AT,
                VENUE.VERSION))) {
            for (int i = 0; i < n; i++) {
                int c = rnd.nextInt(DemoCatalog.CITIES.size());
                City city = DemoCatalog.CITIES.get(c);
                String name = unique(names,
                        () -> pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.VENUE_KINDS) + " " + city.name(),
                        () -> pick(DemoCatalog.COMPANY_STEMS) + " " + pick(DemoCatalog.VENUE_KINDS) + " " + city.name(),
                        () -> pick(DemoCatalog.LAST) + "'s " + pick(DemoCatalog.VENUE_KINDS) + " " + city.name(),
                        () -> pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.COMPANY_STEMS) + " "
                                + pick(DemoCatalog.VENUE_KINDS) + " " + city.name());
                double lat = Math.round((city.lat() + (rnd.nextDouble() - 0.5) * 0.12) * 1e6) / 1e6;
                double lon = Math.round((city.lon() + (rnd.nextDouble() - 0.5) * 0.18) * 1e6) / 1e6;
                String street = (1 + rnd.nextInt(200)) + " " + pick(DemoCatalog.STREETS);
                String contact = pick(DemoCatalog.FIRST) + " " + pick(DemoCatalog.LAST);
                venueIds[i] = id();
                venueNames[i] = name;
                venueCity[i] = c;
                ins.add(venueIds[i], name, street, String.valueOf(10000 + rnd.nextInt(89999)), city.name(),
                        city.country(), lat, lon, 50 + rnd.nextInt(40) * 25, contact,
                        "+" + (30 + rnd.nextInt(60)) + " " + (1000000 + rnd.nextInt(8999999)),
                        SearchText.of(name, street, city.name(), contact), now, now, 0);
                words("venue", venueIds[i], name, street, city.name(), null, contact);
                tick("venues", i, n);
                checkpoint(i, ins);
            }
            counts.put("venues", ins.rows());
        }
    }

    private void performers() throws SQLException {
        int n = size.performers();
        performerIds = new UUID[n];
        performerFee = new long[n];
        performerCommission = new int[n];
        Set<String> stageNames = new HashSet<>();
        try (BulkInserter ins = new BulkInserter(dsl, conn, PERFORMER, common(PERFORMER.ID, PERFORMER.STAGE_NAME,
                PERFORMER.LEGAL_NAME, PERFORMER.EMAIL, PERFORMER.PHONE, PERFORMER.ACTS, PERFORMER.GENRES,
                PERFORMER.DEFAULT_FEE_MINOR, PERFORMER.CURRENCY, PERFORMER.COMMISSION_BP, PERFORMER.WITHHOLDING_BP,
                PERFORMER.HOME_CITY, PERFORMER.HOME_LATITUDE, PERFORMER.HOME_LONGITUDE, PERFORMER.ACTIVE,
                PERFORMER.SEARCH_TEXT, PERFORMER.CREATED_AT, PERFORMER.UPDATED_AT, PERFORMER.VERSION))) {
            for (int i = 0; i < n; i++) {
                String act = pick(DemoCatalog.ACTS);
                String genre = pick(DemoCatalog.GENRES);
                String legal = pick(DemoCatalog.FIRST) + " " + pick(DemoCatalog.LAST);
                String stage = stageName(stageNames, act);
                City home = pick(DemoCatalog.CITIES);
                performerIds[i] = id();
                performerFee[i] = (30 + rnd.nextInt(470)) * 1000L;
                performerCommission[i] = 1000 + rnd.nextInt(11) * 100;
                String acts = act + (rnd.nextInt(4) == 0 ? ";MC" : "");
                ins.add(performerIds[i], stage, legal, SearchText.fold(legal).replaceAll("[^a-z]", ".") + "@example.org",
                        "+" + (30 + rnd.nextInt(60)) + " " + (1000000 + rnd.nextInt(8999999)), acts, genre,
                        performerFee[i], currency, performerCommission[i], rnd.nextInt(5) == 0 ? 1500 : 0, home.name(),
                        home.lat(), home.lon(), rnd.nextInt(20) != 0,
                        SearchText.of(stage, legal, acts.replace(';', ' '), genre, home.name()), now, now, 0);
                words("performer", performerIds[i], stage, legal, acts.replace(';', ' '), genre, home.name());
                tick("performers", i, n);
            }
            counts.put("performers", ins.rows());
        }
    }

    /** A stage name no other demo performer has: DJ names, band names, or a solo artist's name. */
    private String stageName(Set<String> used, String act) {
        Supplier<String> ensembleOfCity = () -> pick(DemoCatalog.ADJECTIVES) + " "
                + pick(DemoCatalog.NOUNS) + " of " + pick(DemoCatalog.CITIES).name();
        return switch (act) {
            case "DJ" -> unique(used, () -> "DJ " + pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.LAST),
                    () -> "DJ " + pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.FIRST),
                    () -> "DJ " + pick(DemoCatalog.FIRST) + " " + pick(DemoCatalog.LAST));
            case "Band", "String quartet" -> unique(used,
                    () -> "The " + pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.NOUNS),
                    () -> "The " + pick(DemoCatalog.LAST) + " " + pick(DemoCatalog.NOUNS), ensembleOfCity);
            default -> unique(used, () -> pick(DemoCatalog.FIRST) + " " + pick(DemoCatalog.LAST),
                    () -> pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.FIRST),
                    () -> "The " + pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.LAST),
                    () -> pick(DemoCatalog.FIRST) + " of " + pick(DemoCatalog.CITIES).name(),
                    () -> pick(DemoCatalog.ADJECTIVES) + " " + pick(DemoCatalog.FIRST) + " " + pick(DemoCatalog.LAST));
        };
    }

    private void packages() throws SQLException {
        String[][] specs = {{"Wedding band evening", "240", "350000", "4", "Band"},
            {"DJ night", "300", "120000", "1", "DJ"}, {"Cocktail jazz trio", "120", "150000", "3", "Band"},
            {"Close-up magic", "90", "80000", "1", "Magician"}, {"Street festival walkabout", "180", "60000", "2", "Juggler"},
            {"Gala string quartet", "150", "200000", "4", "String quartet"},
            {"Celebrity meet and greet", "60", "500000", "1", "Celebrity appearance"},
            {"Stand-up comedy set", "45", "70000", "1", "Comedian"}};
        packageIds = new UUID[specs.length];
        try (BulkInserter ins = new BulkInserter(dsl, conn, SERVICE_PACKAGE, common(SERVICE_PACKAGE.ID,
                SERVICE_PACKAGE.NAME, SERVICE_PACKAGE.DESCRIPTION, SERVICE_PACKAGE.DURATION_MINUTES,
                SERVICE_PACKAGE.BASE_PRICE_MINOR, SERVICE_PACKAGE.CURRENCY, SERVICE_PACKAGE.PERFORMERS_NEEDED,
                SERVICE_PACKAGE.PERFORMER_ACT, SERVICE_PACKAGE.ACTIVE, SERVICE_PACKAGE.CREATED_AT,
                SERVICE_PACKAGE.UPDATED_AT, SERVICE_PACKAGE.VERSION))) {
            for (int i = 0; i < specs.length; i++) {
                packageIds[i] = id();
                String[] s = specs[i];
                ins.add(packageIds[i], s[0], s[0] + " — prefilled from the catalogue", Integer.parseInt(s[1]),
                        Long.parseLong(s[2]), currency, Integer.parseInt(s[3]), s[4], true, now, now, 0);
                words("package", packageIds[i], s[0], s[4]);
            }
            counts.put("packages", ins.rows());
        }
    }

    /** What {@link #bookings} wrote, counted for the summary. */
    private static final class BookingTally {
        long assignments;
        long holds;
        long payments;
        long expenses;
        long invoices;
    }

    /** The inserters of a booking and everything that hangs off it, each flushing its parents first. */
    private record BookingSinks(BulkInserter inquiry, BulkInserter booking, BulkInserter invoice,
                                BulkInserter invoiceLine, BulkInserter assignment, BulkInserter hold,
                                BulkInserter payment, BulkInserter expense) {
    }

    /**
     * One generated booking before it is written: its day and venue, the performers it places, its status, money
     * and terms, and the ids of the booking and of the inquiry it was won from.
     */
    private record Gig(LocalDate day, int venue, City city, ZoneId zone, Instant start, Instant end, int needed,
                       int[] performers, boolean past, BookingStatus status, long fee, long total, Instant created,
                       String number, PaymentTerms.Deposit depositTerms, boolean depositPaid, boolean balancePaid,
                       long paidMinor, LocalDate bookedOn, LocalDate balanceDue, LocalDate depositDue,
                       String eventType, int client, String title, UUID inquiryId, UUID bookingId) {
        long deposit() {
            return depositTerms.totalMinor();
        }
    }

    /**
     * Bookings over a stretch of days ending a quarter into the future (past ones completed or cancelled, coming
     * ones confirmed or held), each with the inquiry it was won from, its performers, holds, payments, invoices and
     * credit notes. A performer plays at most one gig a day with a free day between gigs.
     */
    private void bookings() throws SQLException {
        int n = size.bookings();
        int performers = performerIds.length;
        double perDay = Math.max(0.2, performers * 0.25 / 1.6);
        int days = (int) Math.max(180, Math.ceil(n / perDay));
        LocalDate first = today.minusDays((long) (days * 0.75));
        int[] lastDay = new int[performers];
        Arrays.fill(lastDay, -2);
        Map<Integer, Long> seqByYear = new HashMap<>();
        BookingTally tally = new BookingTally();
        creditNotes = 0;
        try (BulkInserter inquiry = inquiryInserter();
             BulkInserter booking = bookingInserter().after(inquiry);
             BulkInserter invoice = invoiceInserter().after(booking);
             BulkInserter invoiceLine = invoiceLineInserter().after(invoice);
             BulkInserter assignment = assignmentInserter().after(booking);
             BulkInserter hold = holdInserter().after(booking);
             BulkInserter payment = paymentInserter().after(booking);
             BulkInserter expense = performerExpenseInserter().after(booking)) {
            BookingSinks sinks = new BookingSinks(inquiry, booking, invoice, invoiceLine, assignment, hold, payment,
                    expense);
            int[] chosen = new int[3];
            for (int i = 0; i < n; i++) {
                int dayIndex = (int) ((long) i * days / n);
                Gig g = plan(first.plusDays(dayIndex), dayIndex, lastDay, chosen, seqByYear);
                writeBooking(g, sinks);
                writeAssignments(g, sinks, tally);
                writePayments(g, sinks, tally);
                writeInvoices(g, i, sinks, tally);
                tick("bookings", i, n);
                checkpoint(i, assignment, hold, payment, expense, invoice, invoiceLine);
            }
            counts.put("bookings", booking.rows());
            counts.put("won inquiries", inquiry.rows());
        }
        counts.put("assignments", tally.assignments);
        counts.put("holds", tally.holds);
        counts.put("payments", tally.payments);
        counts.put("invoices", tally.invoices);
        counts.put("credit notes", creditNotes);
        numberInvoices();
        counts.put("performer expenses", tally.expenses);
        for (Map.Entry<Integer, Long> e : seqByYear.entrySet()) {
            dsl.insertInto(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.SERIES, "BOOKING").set(NUMBER_SEQUENCE.PERIOD, e.getKey())
                    .set(NUMBER_SEQUENCE.LAST_VALUE, e.getValue()).execute();
        }
    }

    private BulkInserter bookingInserter() throws SQLException {
        return new BulkInserter(dsl, conn, BOOKING, common(BOOKING.ID, BOOKING.NUMBER,
                BOOKING.STATUS, BOOKING.TITLE, BOOKING.CLIENT_ID, BOOKING.VENUE_ID, BOOKING.PACKAGE_ID,
                BOOKING.INQUIRY_ID, BOOKING.STARTS_AT, BOOKING.ENDS_AT, BOOKING.TIME_ZONE, BOOKING.CURRENCY,
                BOOKING.FEE_MINOR, BOOKING.TAX_RATE_BP, BOOKING.DEPOSIT_KIND, BOOKING.DEPOSIT_VALUE,
                BOOKING.DEPOSIT_DUE_BASIS, BOOKING.DEPOSIT_DUE_DAYS, BOOKING.BALANCE_DUE_DAYS_BEFORE,
                BOOKING.SLOTS_NEEDED, BOOKING.CANCELLATION_REASON, BOOKING.SEARCH_TEXT, BOOKING.TOTAL_MINOR,
                BOOKING.PAID_MINOR, BOOKING.PAYMENT_STATE, BOOKING.DEPOSIT_MINOR, BOOKING.DEPOSIT_DUE_ON,
                BOOKING.BALANCE_DUE_ON, BOOKING.CREATED_AT,
                BOOKING.UPDATED_AT, BOOKING.VERSION));
    }

    private BulkInserter invoiceInserter() throws SQLException {
        return new BulkInserter(dsl, conn, INVOICE, common(INVOICE.ID, INVOICE.NUMBER, INVOICE.KIND,
                INVOICE.STATUS, INVOICE.BOOKING_ID, INVOICE.CLIENT_ID, INVOICE.CREDITED_INVOICE_ID,
                INVOICE.ISSUE_DATE, INVOICE.DUE_DATE, INVOICE.CURRENCY, INVOICE.SUBTOTAL_MINOR, INVOICE.TAX_MINOR,
                INVOICE.TOTAL_MINOR, INVOICE.BASE_SUBTOTAL_MINOR, INVOICE.BASE_TAX_MINOR, INVOICE.BILL_TO_NAME,
                INVOICE.REASON, INVOICE.SENT_ON, INVOICE.PAID_ON, INVOICE.CREATED_AT, INVOICE.UPDATED_AT,
                INVOICE.VERSION));
    }

    private BulkInserter invoiceLineInserter() throws SQLException {
        return new BulkInserter(dsl, conn, INVOICE_LINE, common(INVOICE_LINE.ID,
                INVOICE_LINE.INVOICE_ID, INVOICE_LINE.POSITION, INVOICE_LINE.DESCRIPTION, INVOICE_LINE.QUANTITY,
                INVOICE_LINE.UNIT_PRICE_MINOR, INVOICE_LINE.TAX_RATE_BP, INVOICE_LINE.NET_MINOR,
                INVOICE_LINE.TAX_MINOR, INVOICE_LINE.CREATED_AT, INVOICE_LINE.UPDATED_AT, INVOICE_LINE.VERSION));
    }

    private BulkInserter assignmentInserter() throws SQLException {
        return new BulkInserter(dsl, conn, ASSIGNMENT, common(ASSIGNMENT.ID,
                ASSIGNMENT.BOOKING_ID, ASSIGNMENT.PERFORMER_ID, ASSIGNMENT.ROLE, ASSIGNMENT.CALL_TIME,
                ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.CURRENCY, ASSIGNMENT.COMMISSION_BP, ASSIGNMENT.PAYOUT_STATUS,
                ASSIGNMENT.PAID_ON, ASSIGNMENT.PAID_METHOD, ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT,
                ASSIGNMENT.CREATED_AT, ASSIGNMENT.UPDATED_AT, ASSIGNMENT.VERSION));
    }

    private BulkInserter holdInserter() throws SQLException {
        return new BulkInserter(dsl, conn, HOLD, common(HOLD.ID, HOLD.BOOKING_ID, HOLD.PERFORMER_ID,
                HOLD.HOLD_RANK, HOLD.STATUS, HOLD.EXPIRES_AT, HOLD.CREATED_AT, HOLD.UPDATED_AT, HOLD.VERSION));
    }

    private BulkInserter paymentInserter() throws SQLException {
        return new BulkInserter(dsl, conn, PAYMENT, common(PAYMENT.ID, PAYMENT.BOOKING_ID,
                PAYMENT.KIND, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY, PAYMENT.EXCHANGE_RATE,
                PAYMENT.BASE_AMOUNT_MINOR, PAYMENT.METHOD, PAYMENT.RECEIVED_ON, PAYMENT.REFERENCE,
                PAYMENT.CREATED_AT, PAYMENT.UPDATED_AT, PAYMENT.VERSION));
    }

    private BulkInserter performerExpenseInserter() throws SQLException {
        return new BulkInserter(dsl, conn, PERFORMER_EXPENSE, common(PERFORMER_EXPENSE.ID,
                PERFORMER_EXPENSE.PERFORMER_ID, PERFORMER_EXPENSE.BOOKING_ID, PERFORMER_EXPENSE.CATEGORY,
                PERFORMER_EXPENSE.DESCRIPTION, PERFORMER_EXPENSE.AMOUNT_MINOR, PERFORMER_EXPENSE.CURRENCY,
                PERFORMER_EXPENSE.SPENT_ON, PERFORMER_EXPENSE.CREATED_AT, PERFORMER_EXPENSE.UPDATED_AT,
                PERFORMER_EXPENSE.VERSION));
    }

    /**
     * Draws the next booking on {@code day} (the random numbers in the same order as always, so a seed gives the
     * same store): venue and time, the performers free that day ({@code lastDay} updated), status, fee, terms.
     */
    private Gig plan(LocalDate day, int dayIndex, int[] lastDay, int[] chosen, Map<Integer, Long> seqByYear) {
        int v = rnd.nextInt(venueIds.length);
        City city = DemoCatalog.CITIES.get(venueCity[v]);
        ZoneId zone = ZoneId.of(city.zone());
        Instant start = day.atTime(LocalTime.of(14 + rnd.nextInt(8), rnd.nextInt(4) * 15)).atZone(zone).toInstant();
        Instant end = start.plus(90 + rnd.nextInt(10) * 30L, ChronoUnit.MINUTES);
        int needed = rnd.nextInt(10) < 6 ? 1 : rnd.nextInt(10) < 7 ? 2 : 3;
        int found = freePerformers(dayIndex, needed, lastDay, chosen);
        boolean past = end.isBefore(now);
        BookingStatus status = past ? (rnd.nextInt(100) < 92 ? BookingStatus.COMPLETED : BookingStatus.CANCELLED)
                : (rnd.nextInt(100) < 75 ? BookingStatus.CONFIRMED : BookingStatus.HOLD);
        long fee = 0;
        for (int k = 0; k < found; k++) {
            fee += performerFee[chosen[k]];
        }
        fee = Math.max(50_000, Math.round(fee * (1.25 + rnd.nextDouble() * 0.3) / 1000.0) * 1000);
        long total = fee + Rounding.applyBasisPoints(fee, TAX_BP);
        Instant created = start.minus(15 + rnd.nextInt(120), ChronoUnit.DAYS);
        if (created.isAfter(now)) {
            created = now;
        }
        int year = LocalDate.ofInstant(created, zone).getYear();
        long seq = seqByYear.merge(year, 1L, Long::sum);
        String number = String.format("BK-%d-%06d", year, seq);
        PaymentTerms.Deposit depositTerms = PaymentTerms.deposit(fee, TAX_BP, PaymentTerms.PERCENT, DEPOSIT_BP);
        long deposit = depositTerms.totalMinor();
        boolean depositPaid = switch (status) {
            case COMPLETED -> true;
            case CONFIRMED -> created.isBefore(now.minus(7, ChronoUnit.DAYS)) && rnd.nextInt(100) < 85;
            case CANCELLED -> rnd.nextInt(100) < 40;
            case HOLD -> false;
        };
        boolean balancePaid = status == BookingStatus.COMPLETED && rnd.nextInt(100) < 95;
        long paidMinor = (depositPaid ? deposit : 0) + (balancePaid ? total - deposit : 0);
        LocalDate bookedOn = LocalDate.ofInstant(created, zone);
        LocalDate balanceDue = PaymentTerms.balanceDue(bookedOn, day, 14);
        LocalDate depositDue = PaymentTerms.depositDue(PaymentTerms.BASIS_BOOKING, 7, bookedOn, day, 14);
        String eventType = eventType(day);
        int c = rnd.nextInt(clientIds.length);
        String title = eventType + " — " + clientNames[c];
        UUID inquiryId = id();
        UUID bookingId = id();
        return new Gig(day, v, city, zone, start, end, needed, Arrays.copyOf(chosen, found), past, status, fee, total,
                created, number, depositTerms, depositPaid, balancePaid, paidMinor, bookedOn, balanceDue, depositDue,
                eventType, c, title, inquiryId, bookingId);
    }

    /**
     * Up to {@code needed} performers free on {@code dayIndex} into {@code chosen} (24 tries): a free day between
     * two gigs, so the next gig is never within a day of the last (travel). Returns how many were found.
     */
    private int freePerformers(int dayIndex, int needed, int[] lastDay, int[] chosen) {
        int found = 0;
        for (int attempt = 0; attempt < 24 && found < needed; attempt++) {
            int p = rnd.nextInt(lastDay.length);
            if (lastDay[p] < dayIndex - 1) {
                lastDay[p] = dayIndex;
                chosen[found++] = p;
            }
        }
        return found;
    }

    /** The booking and the inquiry it was won from, with their search words. */
    private void writeBooking(Gig g, BookingSinks sinks) throws SQLException {
        int c = g.client();
        int v = g.venue();
        sinks.inquiry().add(g.inquiryId(), clientIds[c], g.eventType(), g.start(), g.end(), g.city().zone(), false,
                venueIds[v], null, 20 + rnd.nextInt(300), g.total(), currency, pick(List.of("WEB_FORM", "PHONE", "EMAIL",
                        "REFERRAL", "REPEAT_CLIENT")), InquiryStatus.WON.name(), null, null, null,
                SearchText.of(g.eventType(), clientNames[c], venueNames[v]), g.created(), g.created(), 0);
        words("inquiry", g.inquiryId(), g.eventType(), clientNames[c], venueNames[v], null);
        sinks.booking().add(g.bookingId(), g.number(), g.status().name(), g.title(), clientIds[c], venueIds[v],
                packageIds[rnd.nextInt(packageIds.length)], g.inquiryId(), g.start(), g.end(), g.city().zone(), currency,
                g.fee(), TAX_BP, "PERCENT", (long) DEPOSIT_BP, "BOOKING", 7, 14, g.needed(),
                g.status() == BookingStatus.CANCELLED ? "Client cancelled the event" : null,
                SearchText.of(g.number(), g.title(), venueNames[v], g.city().name()), g.total(), g.paidMinor(),
                PaymentState.of(g.total(), g.paidMinor()).name(), g.deposit(), g.depositDue(), g.balanceDue(),
                g.created(), g.created(), 0);
        words("booking", g.bookingId(), g.title(), clientNames[c], venueNames[v], g.city().name());
    }

    /** Its performers (none on a cancelled booking): payouts paid a month after the gig, holds, a few expenses. */
    private void writeAssignments(Gig g, BookingSinks sinks, BookingTally tally) throws SQLException {
        int[] chosen = g.performers();
        for (int k = 0; k < chosen.length; k++) {
            int p = chosen[k];
            boolean paid = g.past() && g.status() != BookingStatus.CANCELLED
                    && g.end().isBefore(now.minus(30, ChronoUnit.DAYS));
            if (g.status() == BookingStatus.CANCELLED) {
                continue;
            }
            sinks.assignment().add(id(), g.bookingId(), performerIds[p], k == 0 ? "Lead" : "Support",
                    g.start().minus(60, ChronoUnit.MINUTES), performerFee[p], currency, performerCommission[p],
                    (paid ? PayoutStatus.PAID : PayoutStatus.UNPAID).name(),
                    paid ? g.day().plusDays(7 + rnd.nextInt(14)) : null,
                    paid ? "BANK_TRANSFER" : null, g.start(), g.end(), g.created(), g.created(), 0);
            tally.assignments++;
            if (g.status() == BookingStatus.HOLD) {
                sinks.hold().add(id(), g.bookingId(), performerIds[p], 1, HoldStatus.ACTIVE.name(),
                        now.plus(1 + rnd.nextInt(14), ChronoUnit.DAYS), g.created(), g.created(), 0);
                tally.holds++;
            }
            if (g.status() == BookingStatus.COMPLETED && rnd.nextInt(100) < 15) {
                sinks.expense().add(id(), performerIds[p], g.bookingId(), pick(DemoCatalog.EXPENSE_CATEGORIES),
                        "Gig " + g.number(), (20 + rnd.nextInt(130)) * 100L, currency, g.day(), g.created(),
                        g.created(), 0);
                tally.expenses++;
            }
        }
    }

    /** The deposit within a week of booking, the balance around the event. */
    private void writePayments(Gig g, BookingSinks sinks, BookingTally tally) throws SQLException {
        long deposit = g.deposit();
        if (g.depositPaid()) {
            LocalDate on = min(LocalDate.ofInstant(g.created(), g.zone()).plusDays(rnd.nextInt(7)), today);
            sinks.payment().add(id(), g.bookingId(), "DEPOSIT", deposit, currency, BigDecimal.ONE, deposit,
                    pick(DemoCatalog.PAYMENT_METHODS), on, "DEP-" + g.number(),
                    g.created(), g.created(), 0);
            tally.payments++;
        }
        if (g.balancePaid()) {
            LocalDate on = g.day().minusDays(14).plusDays(rnd.nextInt(24));
            sinks.payment().add(id(), g.bookingId(), "BALANCE", g.total() - deposit, currency, BigDecimal.ONE,
                    g.total() - deposit, pick(DemoCatalog.PAYMENT_METHODS), on.isAfter(today) ? today : on,
                    "BAL-" + g.number(), g.created(), g.created(), 0);
            tally.payments++;
        }
    }

    /**
     * A deposit invoice (paid, or sent for most confirmed bookings) and, once the event is over, the final invoice;
     * every 4,000th paid one was credited and issued again.
     */
    private void writeInvoices(Gig g, int i, BookingSinks sinks, BookingTally tally) throws SQLException {
        String event = g.title() + ", " + g.day().format(INVOICE_DAY) + ", " + venueNames[g.venue()];
        LocalDate depositPaidOn = g.depositPaid() ? min(g.bookedOn().plusDays(rnd.nextInt(7)), today) : null;
        UUID depositInvoice = null;
        LocalDate depositIssued = null;
        if (g.depositPaid() || (g.status() == BookingStatus.CONFIRMED && rnd.nextInt(100) < 60)) {
            depositIssued = min(g.bookedOn().plusDays(rnd.nextInt(2)), today);
            if (depositPaidOn != null && depositPaidOn.isBefore(depositIssued)) {
                depositIssued = depositPaidOn;
            }
            depositInvoice = id();
            writeDepositInvoice(g, depositInvoice, depositIssued, depositPaidOn, event, sinks);
            tally.invoices++;
        }
        if (g.status() == BookingStatus.COMPLETED) {
            writeFinalInvoices(g, i, depositInvoice, depositIssued, event, sinks, tally);
        }
    }

    private void writeDepositInvoice(Gig g, UUID id, LocalDate issued, LocalDate paidOn, String event,
                                     BookingSinks sinks) throws SQLException {
        PaymentTerms.Deposit terms = g.depositTerms();
        sinks.invoice().add(id, id.toString().replace("-", ""), InvoiceKind.DEPOSIT.name(),
                (g.depositPaid() ? InvoiceStatus.PAID : InvoiceStatus.SENT).name(),
                g.bookingId(), clientIds[g.client()], null, issued,
                g.depositDue().isBefore(issued) ? issued.plusDays(14) : g.depositDue(),
                currency, terms.netMinor(), terms.taxMinor(), g.deposit(), terms.netMinor(),
                terms.taxMinor(), clientNames[g.client()], null, issued, paidOn, g.created(), g.created(), 0);
        sinks.invoiceLine().add(id(), id, 1, "Deposit (30 % of the fee) — " + g.number() + ": " + event, 1,
                terms.netMinor(), TAX_BP, terms.netMinor(), terms.taxMinor(), g.created(), g.created(), 0);
    }

    private void writeFinalInvoices(Gig g, int i, UUID depositInvoice, LocalDate depositIssued, String event,
                                    BookingSinks sinks, BookingTally tally) throws SQLException {
        PaymentTerms.Deposit terms = g.depositTerms();
        long fee = g.fee();
        int c = g.client();
        Instant created = g.created();
        LocalDate issued = min(g.day().plusDays(1), today);
        boolean credit = g.balancePaid() && creditNotes * 4000L <= i;
        int versions = credit ? 2 : 1;
        for (int k = 0; k < versions; k++) {
            UUID finalId = id();
            boolean replaced = credit && k == 0;
            long sub = fee - (depositInvoice == null ? 0 : terms.netMinor());
            long tax = Rounding.applyBasisPoints(fee, TAX_BP)
                    - (depositInvoice == null ? 0 : terms.taxMinor());
            LocalDate paidOn = g.balancePaid() && !replaced ? min(issued.plusDays(rnd.nextInt(10)), today) : null;
            InvoiceStatus status = replaced ? InvoiceStatus.CREDITED : g.balancePaid() ? InvoiceStatus.PAID
                    : InvoiceStatus.SENT;
            sinks.invoice().add(finalId, finalId.toString().replace("-", ""), InvoiceKind.FINAL.name(), status.name(),
                    g.bookingId(), clientIds[c], null, issued, issued.plusDays(14), currency, sub, tax, sub + tax,
                    sub, tax, clientNames[c], null, issued, paidOn, created, created, 0);
            sinks.invoiceLine().add(id(), finalId, 1, "Performance " + g.number() + ": " + event, 1, fee, TAX_BP, fee,
                    Rounding.applyBasisPoints(fee, TAX_BP), created, created, 0);
            if (depositInvoice != null) {
                sinks.invoiceLine().add(id(), finalId, 2, "Less deposit invoice of " + depositIssued.format(INVOICE_DAY),
                        1, -terms.netMinor(), TAX_BP, -terms.netMinor(), -terms.taxMinor(),
                        created, created, 0);
            }
            tally.invoices++;
            if (replaced) {
                UUID cn = id();
                sinks.invoice().add(cn, cn.toString().replace("-", ""), InvoiceKind.CREDIT_NOTE.name(),
                        InvoiceStatus.ISSUED.name(), g.bookingId(), clientIds[c], finalId,
                        issued, issued, currency, -sub, -tax, -(sub + tax), -sub, -tax, clientNames[c],
                        "Wrong billing address; reissued", null, null, created, created, 0);
                sinks.invoiceLine().add(id(), cn, 1, "Performance " + g.number() + ": " + event, 1, -fee, TAX_BP, -fee,
                        -Rounding.applyBasisPoints(fee, TAX_BP), created, created, 0);
                if (depositInvoice != null) {
                    sinks.invoiceLine().add(id(), cn, 2, "Less deposit invoice of " + depositIssued.format(INVOICE_DAY),
                            1, terms.netMinor(), TAX_BP, terms.netMinor(), terms.taxMinor(),
                            created, created, 0);
                }
                creditNotes++;
            }
        }
    }

    /**
     * Gives the generated invoices and credit notes their numbers in issue order, per series and year, as issuing
     * them one by one would have (INV-2026-0001 ...), and sets the counters the console continues from.
     */
    private void numberInvoices() throws SQLException {
        conn.commit();
        for (String[] series : new String[][] {{"INVOICE", "INV", "<>"}, {"CREDIT_NOTE", "CN", "="}}) {
            try (var st = conn.createStatement()) {
                st.executeUpdate("MERGE INTO invoice i USING (SELECT id, EXTRACT(YEAR FROM issue_date) y, ROW_NUMBER() OVER "
                        + "(PARTITION BY EXTRACT(YEAR FROM issue_date) ORDER BY issue_date, id) n FROM invoice WHERE kind "
                        + series[2] + " 'CREDIT_NOTE') s ON i.id = s.id WHEN MATCHED THEN UPDATE SET number = '" + series[1]
                        + "-' || s.y || '-' || CASE WHEN s.n < 10000 THEN LPAD(CAST(s.n AS VARCHAR), 4, '0') "
                        + "ELSE CAST(s.n AS VARCHAR) END");
                st.executeUpdate("INSERT INTO number_sequence (series, period, last_value) SELECT '" + series[0]
                        + "', EXTRACT(YEAR FROM issue_date), COUNT(*) FROM invoice WHERE kind " + series[2]
                        + " 'CREDIT_NOTE' GROUP BY EXTRACT(YEAR FROM issue_date)");
            }
            conn.commit();
        }
        try (var st = conn.createStatement()) {
            st.executeUpdate("UPDATE booking b SET invoiced_minor = (SELECT COALESCE(SUM(i.total_minor), 0) FROM invoice i "
                    + "WHERE i.booking_id = b.id AND i.status <> 'DRAFT') WHERE EXISTS (SELECT 1 FROM invoice i "
                    + "WHERE i.booking_id = b.id)");
            st.executeUpdate("INSERT INTO open_receivable (booking_id, currency, amount_minor) SELECT id, currency, "
                    + "receivable_minor FROM booking WHERE receivable_minor > 0");
        }
        conn.commit();
    }

    private BulkInserter inquiryInserter() throws SQLException {
        return new BulkInserter(dsl, conn, INQUIRY, common(INQUIRY.ID, INQUIRY.CLIENT_ID, INQUIRY.EVENT_TYPE,
                INQUIRY.STARTS_AT, INQUIRY.ENDS_AT, INQUIRY.TIME_ZONE, INQUIRY.DATES_TBD, INQUIRY.VENUE_ID,
                INQUIRY.FREE_ADDRESS, INQUIRY.GUEST_COUNT, INQUIRY.BUDGET_MINOR, INQUIRY.CURRENCY, INQUIRY.SOURCE,
                INQUIRY.STATUS, INQUIRY.LOST_REASON, INQUIRY.NOTES, INQUIRY.FOLLOW_UP_ON, INQUIRY.SEARCH_TEXT,
                INQUIRY.CREATED_AT, INQUIRY.UPDATED_AT, INQUIRY.VERSION));
    }

    private void inquiries() throws SQLException {
        int n = size.extraInquiries();
        InquiryStatus[] statuses = {InquiryStatus.NEW, InquiryStatus.NEW, InquiryStatus.NEW, InquiryStatus.CONTACTED,
            InquiryStatus.CONTACTED, InquiryStatus.QUOTED, InquiryStatus.QUOTED, InquiryStatus.LOST, InquiryStatus.LOST,
            InquiryStatus.CANCELLED};
        String[] lostReasons = {"Budget too low", "Date not available", "Chose another agency", "Event cancelled"};
        try (BulkInserter ins = inquiryInserter()) {
            for (int i = 0; i < n; i++) {
                InquiryStatus status = statuses[rnd.nextInt(statuses.length)];
                boolean open = status.isOpen();
                int c = rnd.nextInt(clientIds.length);
                int v = rnd.nextInt(venueIds.length);
                City city = DemoCatalog.CITIES.get(venueCity[v]);
                boolean tbd = rnd.nextInt(10) == 0;
                LocalDate day = open ? today.plusDays(10 + rnd.nextInt(300)) : today.minusDays(rnd.nextInt(400));
                Instant start = tbd ? null : day.atTime(19, 0).atZone(ZoneId.of(city.zone())).toInstant();
                Instant end = tbd ? null : start.plus(4, ChronoUnit.HOURS);
                Instant created = now.minus(1 + rnd.nextInt(60), ChronoUnit.DAYS);
                String eventType = eventType(tbd ? null : day);
                UUID inquiryId = id();
                words("inquiry", inquiryId, eventType, clientNames[c], venueNames[v], null);
                ins.add(inquiryId, clientIds[c], eventType, start, end, city.zone(), tbd, venueIds[v], null,
                        20 + rnd.nextInt(300), (10 + rnd.nextInt(90)) * 10_000L, currency,
                        pick(List.of("WEB_FORM", "PHONE", "EMAIL", "REFERRAL", "REPEAT_CLIENT")), status.name(),
                        status == InquiryStatus.LOST ? lostReasons
[rnd.nextInt(lostReasons.length)] : null, null,
                        open ? today.plusDays(rnd.nextInt(21) - 7) : null,
                        SearchText.of(eventType, clientNames[c], venueNames[v]), created, created, 0);
                tick("inquiries", i, n);
                checkpoint(i, ins);
            }
            counts.put("open and lost inquiries", ins.rows());
        }
    }

    private void overheads() throws SQLException {
        LocalDate month = today.minusMonths(24).withDayOfMonth(1);
        try (BulkInserter ins = new BulkInserter(dsl, conn, OVERHEAD_EXPENSE, common(OVERHEAD_EXPENSE.ID,
                OVERHEAD_EXPENSE.CATEGORY, OVERHEAD_EXPENSE.VENDOR, OVERHEAD_EXPENSE.AMOUNT_MINOR,
                OVERHEAD_EXPENSE.CURRENCY, OVERHEAD_EXPENSE.METHOD, OVERHEAD_EXPENSE.SPENT_ON,
                OVERHEAD_EXPENSE.CREATED_AT, OVERHEAD_EXPENSE.UPDATED_AT, OVERHEAD_EXPENSE.VERSION))) {
            long scale = Math.max(1, size.bookings() / 2000L);
            while (!month.isAfter(today)) {
                for (DemoCatalog.Overhead o : DemoCatalog.OVERHEADS) {
                    ins.add(id(), o.category(), o.vendor(), o.monthlyMinor() * scale, currency, "BANK_TRANSFER",
                            min(month.plusDays(rnd.nextInt(5)), today), now, now, 0);
                }
                month = month.plusMonths(1);
            }
            counts.put("overhead expenses", ins.rows());
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /**
     * Commits what is written so far every {@link #CHECKPOINT_ROWS} records (tests use fewer): one huge transaction makes H2
     * keep every page it ever wrote (a 1M-booking store grew past 25 GB). The caller wipes the partial data if
     * the run fails (see DemoDataService).
     */
    private void checkpoint(int i, BulkInserter... inserters) throws SQLException {
        checkpoint(i, checkpointRows, inserters);
    }

    private void checkpoint(int i, int every, BulkInserter... inserters) throws SQLException {
        if (i > 0 && i % every == 0) {
            for (BulkInserter b : inserters) {
                b.flush();
            }
            conn.commit();
        }
    }

    private void tick(String phase, int i, int n) {
        if ((i & 0x3FF) == 0 || i == n - 1) {
            progress.update(phase, i + 1L, n);
        }
    }
}
