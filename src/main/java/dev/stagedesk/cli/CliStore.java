package dev.stagedesk.cli;

import dev.stagedesk.common.Language;
import java.util.Optional;

import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.booking.AvailableQuery;
import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.calendar.IcsExport;
import dev.stagedesk.catalogue.PackageService;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientService;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.csv.CsvIo;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.dashboard.DashboardQuery;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.inquiry.InquiryQuery;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.inquiry.QuoteDocuments;
import dev.stagedesk.inquiry.QuoteService;
import dev.stagedesk.invoice.InvoiceDocuments;
import dev.stagedesk.invoice.InvoiceService;
import dev.stagedesk.map.Places;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.notification.NotificationQuery;
import dev.stagedesk.notification.NotificationService;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payout.PerformerStatements;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.report.FinancialReport;
import dev.stagedesk.schedule.DueRulesService;
import dev.stagedesk.search.GlobalSearchQuery;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyClock;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.settings.UserService;
import dev.stagedesk.sync.ServerStore;
import dev.stagedesk.sync.SyncClient;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * An open store as the command line uses it: per command, a small record of the services that command uses (and
 * nothing else). The composition root builds them ({@code app.CliStores}, over {@code app.AppContext}); the command
 * line never sees the composition root itself, so cli sits below app.
 */
public interface CliStore extends AutoCloseable {

    /** Opens stores for the command line (the composition root implements it; {@link Cli#run} is handed one). */
    interface Opener {
        /** The store of a data folder; {@code passphrase} null for a plain store. */
        CliStore open(DataFolder folder, char[] passphrase);

        /** Over a store opened already (the benchmark's write-cost runs), with its own clock. */
        CliStore open(DataFolder folder, Database database, Clock clock);

        /**
         * The sync endpoint's store ({@code serve}): the database of {@code jdbcUrl}, or, when it is null, H2 files in
         * {@code folder}.
         */
        ServerStore serverStore(String jdbcUrl, Path folder);

        /**
         * {@code bench --sync}: the sync engine's figures with desktops in {@code dir}, against an endpoint on
         * {@code jdbcUrl} (null: H2 files in {@code dir}), reached over HTTP on loopback when {@code http}.
         */
        List<SyncFigure> syncBench(Path dir, String jdbcUrl, boolean http, int mutations, int bookings, int rounds)
                throws Exception;
    }

    /** One figure of {@code bench --sync}: samples in nanoseconds, and a rate per second where it is one (else NaN). */
    record SyncFigure(String what, String data, List<Long> samplesNanos, double perSecond) {
    }

    /** Who may run commands: signing in, and whether the store has users at all. */
    UserService users();

    /** The language the user chose in the console's Settings, if any: the command line speaks it too. */
    Optional<Language> language(Actor actor);

    /**
     * Encrypts, re-keys or decrypts the store (closing this one) and returns it reopened with {@code next}. When the
     * conversion fails the store is unchanged; it has been reopened and closed again, and the failure is thrown.
     */
    CliStore changeEncryption(Actor actor, char[] current, char[] next);

    @Override
    void close();

    record Audit(BackupService backups, AuditLog auditLog) {
    }

    record Backup(BackupService backups, SettingsService settings) {
    }

    record Restore(UserService users, Database database, AuditLog auditLog, BackupService backups) {
    }

    record Setup(UserService users, CommandBus bus, SettingsService settings, DataFolder folder) {
    }

    record Demo(UserService users, SettingsService settings, DemoDataService demo, PerformerQuery performerQuery,
                Database database) {
    }

    record Files(Map<String, CsvSchema> csvSchemas, CsvIo csv, Database database, SettingsService settings,
                 AgencyClock agencyClock, IcsExport ics) {
        public LocalDate agencyToday() {
            return agencyClock.today();
        }
    }

    record Invoicing(InvoiceService invoices, InvoiceDocuments invoiceDocuments, Database database) {
    }

    record Payments(PaymentService payments, Database database, AgencyClock agencyClock) {
        public LocalDate agencyToday() {
            return agencyClock.today();
        }
    }

    record Quotes(QuoteService quotes, QuoteDocuments quoteDocuments, InquiryService inquiries,
                  PackageService packages, SettingsService settings) {
    }

    record Statements(PerformerStatements statements, Database database) {
    }

    record Reports(FinancialReport financialReport) {
    }

    record Notices(NotificationQuery notificationQuery, NotificationService notifications) {
    }

    record Search(GlobalSearchQuery globalSearch) {
    }

    record Routes(RouteQuery routeQuery, RouteService routes, Places places, Database database) {
    }

    record Placing(Places places, BookingService bookings, Database database) {
    }

    record Rules(DueRulesService dueRules) {
    }

    /** This desktop's link to the agency's sync endpoint; times are shown in the agency's zone. */
    record Syncing(SyncClient sync, AgencyClock agencyClock) {
    }

    /** What {@code bench} measures. */
    record Bench(Database database, SettingsService settings, DemoDataService demo, ClientService clients,
                 ClientQuery clientQuery, BookingQuery bookingQuery, AvailableQuery availableQuery,
                 InquiryQuery inquiryQuery, GlobalSearchQuery globalSearch, IcsExport ics,
                 FinancialReport financialReport, DashboardQuery dashboardQuery, InvoiceDocuments invoiceDocuments,
                 CsvIo csv, Map<String, CsvSchema> csvSchemas, AgencyClock agencyClock) {
        public LocalDate agencyToday() {
            return agencyClock.today();
        }
    }

    Audit audit();

    Backup backup();

    Restore restore();

    Setup setup();

    Demo demo();

    Files files();

    Invoicing invoicing();

    Payments payments();

    Quotes quotes();

    Statements statements();

    Reports reports();

    Notices notices();

    Search search();

    Routes routes();

    Placing placing();

    Rules rules();

    Syncing syncing();

    Bench bench();
}
