package dev.stagedesk.demo;

import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.APP_USER;
import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.INQUIRY;
import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.SEARCH_TOKEN;
import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Fills a store with realistic, internally consistent demo data (see {@link DemoGenerator}). One command and one
 * audit entry. Unlike every other command it commits in steps (a single transaction of millions of rows makes
 * H2 keep every page it wrote); a failure wipes what was already committed, so the store is left empty, as
 * it was (or as --force had made it). Only a killed process can leave partial demo data; demo --force
 * replaces it.
 */
public final class DemoDataService {
    public static final String ENTITY = "store";

    /** {@code replace}: wipe the business data already in the store first (the CLI's --force). */
    public record GenerateDemoData(DemoPlan plan, long seed, boolean replace) implements Command<DemoSummary>, LocalCommand {
    }

    /** Told about each phase; called on the generating thread. */
    public interface Progress {
        Progress NONE = (phase, done, total) -> {
        };

        void update(String phase, long done, long total);
    }

    private static final int WIPE_STEP = 50_000;

    /** Tables the generator fills, children first (the order a wipe must delete in). */
    static final Table<?>[] BUSINESS_TABLES = {SEARCH_TOKEN, PERFORMER_EXPENSE, OVERHEAD_EXPENSE,
            Tables.OPEN_RECEIVABLE,
            Tables.INVOICE_LINE, Tables.INVOICE, PAYMENT, HOLD, ASSIGNMENT,
            BOOKING, INQUIRY, SERVICE_PACKAGE, PERFORMER, VENUE, CLIENT};

    private final CommandBus bus;
    private volatile Progress progress = Progress.NONE;
    private volatile int checkpointRows = DemoGenerator.CHECKPOINT_ROWS;

    public DemoDataService(CommandBus bus) {
        this.bus = bus;
        bus.register(GenerateDemoData.class, CommandHandler.of(Permission.DEMO_GENERATE, this::handle));
    }

    /** Tests commit in small steps to reach the failure path cheaply. */
    void checkpointEvery(int rows) {
        checkpointRows = rows;
    }

    public synchronized DemoSummary generate(Actor actor, DemoPlan plan, long seed, boolean replace, Progress p) {
        progress = p == null ? Progress.NONE : p;
        try {
            return bus.execute(actor, new GenerateDemoData(plan, seed, replace));
        } finally {
            progress = Progress.NONE;
        }
    }

    /**
     * Deletes all business data (users stay; their links to performers go), committing in steps of
     * {@link #WIPE_STEP} rows so that wiping an xl store does not balloon the store file.
     */
    static void wipe(Connection conn) throws SQLException {
        DSLContext d = DSL.using(conn, SQLDialect.H2);
        d.update(APP_USER).setNull(APP_USER.PERFORMER_ID).where(APP_USER.PERFORMER_ID.isNotNull()).execute();
        d.update(Tables.INVOICE).setNull(Tables.INVOICE.CREDITED_INVOICE_ID)
                .where(Tables.INVOICE.CREDITED_INVOICE_ID.isNotNull()).execute();
        d.update(PAYMENT).setNull(PAYMENT.REVERSES_PAYMENT_ID).where(PAYMENT.REVERSES_PAYMENT_ID.isNotNull()).execute();
        for (Table<?> t : BUSINESS_TABLES) {
            while (d.execute("DELETE FROM {0} FETCH FIRST {1} ROWS ONLY", t, DSL.inline(WIPE_STEP)) > 0) {
                conn.commit();
            }
        }
        d.deleteFrom(NUMBER_SEQUENCE).where(NUMBER_SEQUENCE.SERIES.in("BOOKING", "INVOICE", "CREDIT_NOTE")).execute();
        conn.commit();
    }

    /** Rows of business data in the store (clients, venues, performers, bookings). */
    public static long businessRows(DSLContext dsl) {
        return dsl.fetchCount(CLIENT) + (long) dsl.fetchCount(VENUE) + dsl.fetchCount(PERFORMER)
                + dsl.fetchCount(BOOKING);
    }

    private DemoSummary handle(GenerateDemoData c, CommandContext ctx) {
        DSLContext dsl = ctx.dsl();
        if (businessRows(dsl) > 0) {
            if (!c.replace()) {
                throw new UserFacingException(I18n.tr("demo.notEmpty", dsl.fetchCount(CLIENT), dsl.fetchCount(BOOKING)));
            }
            dsl.connection(DemoDataService::wipe);
        }
        if (!dsl.fetchExists(AGENCY)) {
            throw new UserFacingException(I18n.tr("agency.notSetUp"));
        }
        String currency = dsl.select(AGENCY.BASE_CURRENCY).from(AGENCY).limit(1).fetchOne(AGENCY.BASE_CURRENCY);
        DemoSummary summary;
        try {
            summary = dsl.connectionResult(conn -> {
                Object retention = dsl.fetchValue("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'RETENTION_TIME' LIMIT 1");
                try (var st = conn.createStatement()) {
                    // bulk mode: reuse freed file space at once, write every 20 s instead of at every commit
                    st.execute("SET RETENTION_TIME 0");
                    st.execute("SET WRITE_DELAY 20000");
                    return new DemoGenerator(dsl, conn, c.plan(), c.seed(), currency, ctx.now(), progress,
                            checkpointRows).run();
                } catch (SQLException | RuntimeException e) {
                    // the generator commits in steps: take back what it already committed
                    conn.rollback();
                    wipe(conn);
                    throw e;
                } finally {
                    // back to the store's durable settings (Database.open) before the final commit
                    try (var st = conn.createStatement()) {
                        st.execute("SET WRITE_DELAY 0");
                        st.execute("SET RETENTION_TIME " + Integer.parseInt(retention == null ? "45000" : retention.toString()));
                    }
                }
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw new IllegalStateException("Demo data could not be written: " + sql.getMessage(), sql);
            }
            throw e;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.putAll(letterhead(dsl, ctx.now()));
        after.put("bookingsPlanned", c.plan().bookings());
        after.put("seed", c.seed());
        after.putAll(summary.counts());
        ctx.audit("generate-demo", ENTITY, null, null, after);
        return summary;
    }

    /** The demo agency's address and tax ID: what every invoice needs on its letterhead. */
    static final String[] DEMO_ADDRESS = {"Torstraße 88", "10119", "Berlin", "DE", "DE298765431"};

    /** The demo agency's e-mail, phone and bank details (the IBAN is the standard German example number). */
    static final String[] DEMO_CONTACT = {"office@demo-agency.example", "+49 30 5557 0188",
            "Berliner Volksbank · IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX"};

    /**
     * Fills the agency's blank address and tax ID with the demo agency's (fields already set are kept), so demo
     * invoices carry a full letterhead and issue without a warning. Returns what was filled, for the audit entry.
     */
    static Map<String, Object> letterhead(DSLContext dsl, Instant now) {
        var r = dsl.selectFrom(AGENCY).limit(1).fetchSingle();
        Map<String, Object> filled = new LinkedHashMap<>();
        if (blank(r.getAddressLine1()) && blank(r.getCity())) {
            r.setAddressLine1(DEMO_ADDRESS[0]);
            r.setPostalCode(DEMO_ADDRESS[1]);
            r.setCity(DEMO_ADDRESS[2]);
            if (blank(r.getCountryCode())) {
                r.setCountryCode(DEMO_ADDRESS[3]);
            }
            filled.put("agencyAddress", DEMO_ADDRESS[0] + ", " + DEMO_ADDRESS[1] + " " + DEMO_ADDRESS[2]);
        }
        if (blank(r.getTaxId())) {
            r.setTaxId(DEMO_ADDRESS[4]);
            filled.put("agencyTaxId", DEMO_ADDRESS[4]);
        }
        // what a real letterhead and footer carry: the legal name, how to reach the agency, where to pay
        if (blank(r.getLegalName())) {
            r.setLegalName(r.getName() + " GmbH");
            filled.put("agencyLegalName", r.getLegalName());
        }
        if (blank(r.getEmail())) {
            r.setEmail(DEMO_CONTACT[0]);
            filled.put("agencyEmail", DEMO_CONTACT[0]);
        }
        if (blank(r.getPhone())) {
            r.setPhone(DEMO_CONTACT[1]);
            filled.put("agencyPhone", DEMO_CONTACT[1]);
        }
        if (blank(r.getBankDetails())) {
            r.setBankDetails(DEMO_CONTACT[2]);
            filled.put("agencyBankDetails", DEMO_CONTACT[2]);
        }
        if (!filled.isEmpty()) {
            r.setUpdatedAt(now);
            r.setVersion(r.getVersion() + 1);
            r.store();
        }
        return filled;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
