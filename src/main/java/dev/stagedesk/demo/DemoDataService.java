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
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Fills a store with realistic, internally consistent demo data (see {@link DemoGenerator}). One command, one
 * transaction, one audit entry: a failure leaves the store as it was.
 */
public final class DemoDataService {
    public static final String ENTITY = "store";

    /** {@code replace}: wipe the business data already in the store first (the CLI's --force). */
    public record GenerateDemoData(DemoPlan plan, long seed, boolean replace) implements Command<DemoSummary> {
    }

    /** Told about each phase; called on the generating thread. */
    public interface Progress {
        Progress NONE = (phase, done, total) -> {
        };

        void update(String phase, long done, long total);
    }

    /** Tables the generator fills, children first (the order a wipe must delete in). */
    static final Table<?>[] BUSINESS_TABLES = {SEARCH_TOKEN, PERFORMER_EXPENSE, OVERHEAD_EXPENSE, PAYMENT, HOLD, ASSIGNMENT,
            BOOKING, INQUIRY, SERVICE_PACKAGE, PERFORMER, VENUE, CLIENT};

    private final CommandBus bus;
    private volatile Progress progress = Progress.NONE;

    public DemoDataService(CommandBus bus) {
        this.bus = bus;
        bus.register(GenerateDemoData.class, CommandHandler.of(Permission.DEMO_GENERATE, this::handle));
    }

    public synchronized DemoSummary generate(Actor actor, DemoPlan plan, long seed, boolean replace, Progress p) {
        progress = p == null ? Progress.NONE : p;
        try {
            return bus.execute(actor, new GenerateDemoData(plan, seed, replace));
        } finally {
            progress = Progress.NONE;
        }
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
            // users stay; their links to performers that are about to be replaced do not
            dsl.update(APP_USER).setNull(APP_USER.PERFORMER_ID).where(APP_USER.PERFORMER_ID.isNotNull()).execute();
            for (Table<?> t : BUSINESS_TABLES) {
                dsl.deleteFrom(t).execute();
            }
            dsl.deleteFrom(NUMBER_SEQUENCE).where(NUMBER_SEQUENCE.SERIES.eq("BOOKING")).execute();
        }
        if (!dsl.fetchExists(AGENCY)) {
            throw new UserFacingException(I18n.tr("agency.notSetUp"));
        }
        String currency = dsl.select(AGENCY.BASE_CURRENCY).from(AGENCY).limit(1).fetchOne(AGENCY.BASE_CURRENCY);
        DemoSummary summary;
        try {
            summary = dsl.connectionResult(conn -> new DemoGenerator(dsl, conn, c.plan(), c.seed(), currency, ctx.now(),
                    progress).run());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw new IllegalStateException("Demo data could not be written: " + sql.getMessage(), sql);
            }
            throw e;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("bookingsPlanned", c.plan().bookings());
        after.put("seed", c.seed());
        after.putAll(summary.counts());
        ctx.audit("generate-demo", ENTITY, null, null, after);
        return summary;
    }
}
