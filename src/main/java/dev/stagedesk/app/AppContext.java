package dev.stagedesk.app;

import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.audit.AuditWriter;
import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.client.ClientCsv;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientRepository;
import dev.stagedesk.client.ClientService;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Ids;
import dev.stagedesk.csv.CsvIo;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.dashboard.DashboardQuery;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.expense.ExpenseQuery;
import dev.stagedesk.inquiry.InquiryQuery;
import dev.stagedesk.invoice.InvoiceQuery;
import dev.stagedesk.payment.PaymentQuery;
import dev.stagedesk.payout.PayoutQuery;
import dev.stagedesk.performer.PerformerCsv;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.performer.PerformerService;
import dev.stagedesk.report.ReportQuery;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.security.PasswordHasher;
import dev.stagedesk.security.UserRepository;
import dev.stagedesk.security.UserService;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.venue.VenueCsv;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRepository;
import dev.stagedesk.venue.VenueService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The one composition root: builds every service over one store, through constructors. The GUI, the command
 * line and the tests each make one; nothing is static.
 */
public final class AppContext implements AutoCloseable {
    public final DataFolder folder;
    public final Database database;
    public final Clock clock;
    /** The clock in the agency's time zone: the one source of the agency's "today" (screens, CLI, rules). */
    public final dev.stagedesk.settings.AgencyClock agencyClock;
    public final Ids ids;
    public final CommandBus bus;
    public final AuditLog auditLog;
    public final SettingsService settings;
    public final UserService users;
    public final ClientService clients;
    public final ClientQuery clientQuery;
    public final VenueService venues;
    public final VenueQuery venueQuery;
    public final PerformerService performers;
    public final PerformerQuery performerQuery;
    public final InquiryQuery inquiryQuery;
    public final BookingQuery bookingQuery;
    public final dev.stagedesk.booking.BookingService bookings;
    public final dev.stagedesk.booking.AssignmentService assignments;
    public final dev.stagedesk.performer.AvailabilityService availability;
    public final dev.stagedesk.booking.AvailableQuery availableQuery;
    public final dev.stagedesk.expense.ExpenseService expenses;
    public final dev.stagedesk.payout.PerformerStatements statements;
    public final dev.stagedesk.inquiry.InquiryService inquiries;
    public final dev.stagedesk.booking.BookingDetailQuery bookingDetails;
    public final PaymentQuery paymentQuery;
    public final InvoiceQuery invoiceQuery;
    public final PayoutQuery payoutQuery;
    public final ExpenseQuery expenseQuery;
    public final ReportQuery reportQuery;
    public final DashboardQuery dashboardQuery;
    public final dev.stagedesk.catalogue.PackageService packages;
    public final dev.stagedesk.catalogue.PackageQuery packageQuery;
    public final dev.stagedesk.inquiry.QuoteService quotes;
    public final dev.stagedesk.inquiry.QuoteDocuments quoteDocuments;
    public final dev.stagedesk.attachment.AttachmentService attachments;
    public final DemoDataService demo;
    public final CsvIo csv;
    public final dev.stagedesk.payment.PaymentService payments;
    public final dev.stagedesk.invoice.InvoiceService invoices;
    public final dev.stagedesk.invoice.InvoiceDocuments invoiceDocuments;
    public final dev.stagedesk.report.FinancialReport financialReport;
    public final dev.stagedesk.payment.ReceivablesQuery receivables;
    public final BackupService backups;
    public final dev.stagedesk.notification.NotificationService notifications;
    public final dev.stagedesk.notification.NotificationQuery notificationQuery;
    public final dev.stagedesk.search.GlobalSearchQuery globalSearch;
    public final dev.stagedesk.calendar.IcsExport ics;
    public final dev.stagedesk.map.MapQuery mapQuery;
    public final dev.stagedesk.map.RouteQuery routeQuery;
    public final dev.stagedesk.map.RouteService routes;
    public final dev.stagedesk.map.MapSettings mapSettings;
    public final dev.stagedesk.map.Places places;
    /** The rules that run on their own (holds, follow-ups, notices, recurring expenses, overdue payments). */
    public final dev.stagedesk.schedule.DueRulesService dueRules;
    private final Map<String, CsvSchema> csvSchemas = new LinkedHashMap<>();

    public AppContext(DataFolder folder, Database database, Clock clock, Ids ids) {
        this(folder, database, clock, ids, d -> Thread.sleep(d.toMillis()));
    }

    /** With the pause between failed sign-ins given (tests pass one that does not sleep). */
    public AppContext(DataFolder folder, Database database, Clock clock, Ids ids, UserService.Sleeper sleeper) {
        this.folder = folder;
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        DSLContext dsl = database.dsl();
        this.agencyClock = new dev.stagedesk.settings.AgencyClock(clock, dsl);
        this.bus = new CommandBus(dsl, clock, ids, new AuditWriter(ids));
        this.auditLog = new AuditLog(dsl);
        this.settings = new SettingsService(bus, dsl);
        this.users = new UserService(bus, dsl, new UserRepository(), PasswordHasher.standard(), clock, sleeper);
        this.clients = new ClientService(bus, dsl, new ClientRepository());
        this.clientQuery = new ClientQuery(dsl);
        this.venues = new VenueService(bus, dsl, new VenueRepository());
        this.venueQuery = new VenueQuery(dsl);
        this.mapQuery = new dev.stagedesk.map.MapQuery(dsl);
        this.routeQuery = new dev.stagedesk.map.RouteQuery(dsl);
        this.routes = new dev.stagedesk.map.RouteService(bus);
        this.mapSettings = new dev.stagedesk.map.MapSettings(bus, dsl);
        this.places = dev.stagedesk.map.Places.google(mapSettings);
        this.performers = new PerformerService(bus, dsl, new PerformerRepository());
        this.performerQuery = new PerformerQuery(dsl);
        this.inquiryQuery = new InquiryQuery(dsl);
        this.bookingQuery = new BookingQuery(dsl);
        this.bookings = new dev.stagedesk.booking.BookingService(bus, dsl);
        this.assignments = new dev.stagedesk.booking.AssignmentService(bus);
        this.availability = new dev.stagedesk.performer.AvailabilityService(bus);
        this.availableQuery = new dev.stagedesk.booking.AvailableQuery(dsl);
        this.inquiries = new dev.stagedesk.inquiry.InquiryService(bus, dsl);
        this.bookingDetails = new dev.stagedesk.booking.BookingDetailQuery(dsl, bookings);
        this.paymentQuery = new PaymentQuery(dsl);
        this.invoiceQuery = new InvoiceQuery(dsl);
        this.payoutQuery = new PayoutQuery(dsl);
        this.expenseQuery = new ExpenseQuery(dsl);
        this.reportQuery = new ReportQuery(dsl);
        this.dashboardQuery = new DashboardQuery(dsl, reportQuery);
        this.packages = new dev.stagedesk.catalogue.PackageService(bus, dsl, new dev.stagedesk.catalogue.PackageRepository());
        this.packageQuery = new dev.stagedesk.catalogue.PackageQuery(dsl);
        this.quotes = new dev.stagedesk.inquiry.QuoteService(bus, dsl);
        this.quoteDocuments = new dev.stagedesk.inquiry.QuoteDocuments(dsl, quotes);
        this.attachments = new dev.stagedesk.attachment.AttachmentService(bus, dsl, folder.path());
        this.demo = new DemoDataService(bus);
        this.expenses = new dev.stagedesk.expense.ExpenseService(bus, dsl, attachments);
        this.statements = new dev.stagedesk.payout.PerformerStatements(dsl);
        this.csv = new CsvIo(dsl, bus, ids);
        this.payments = new dev.stagedesk.payment.PaymentService(bus, dsl);
        this.invoices = new dev.stagedesk.invoice.InvoiceService(bus);
        this.invoiceDocuments = new dev.stagedesk.invoice.InvoiceDocuments(dsl);
        this.financialReport = new dev.stagedesk.report.FinancialReport(dsl, clock);
        this.receivables = new dev.stagedesk.payment.ReceivablesQuery(dsl);
        this.backups = new BackupService(database, folder, bus, agencyClock);
        this.notifications = new dev.stagedesk.notification.NotificationService(bus, dsl);
        this.notificationQuery = new dev.stagedesk.notification.NotificationQuery(dsl);
        this.globalSearch = new dev.stagedesk.search.GlobalSearchQuery(dsl);
        this.ics = new dev.stagedesk.calendar.IcsExport(dsl, clock, routeQuery);
        this.dueRules = new dev.stagedesk.schedule.DueRulesService(agencyClock,
                dev.stagedesk.schedule.DueRulesService.standard(bookings, inquiries, notifications, expenses, payments));
        for (CsvSchema s : List.of(new ClientCsv(), new VenueCsv(), new PerformerCsv(),
                new dev.stagedesk.catalogue.PackageCsv(), new dev.stagedesk.inquiry.InquiryCsv(),
                new dev.stagedesk.booking.BookingCsv(), new dev.stagedesk.booking.AssignmentCsv(),
                new dev.stagedesk.expense.PerformerExpenseCsv(), new dev.stagedesk.payout.PayoutCsv(),
                new dev.stagedesk.payment.PaymentCsv(), new dev.stagedesk.invoice.InvoiceCsv(),
                new dev.stagedesk.expense.OverheadCsv(), new dev.stagedesk.report.JournalCsv())) {
            csvSchemas.put(s.name(), s);
        }
        SearchIndex.rebuildMissing(dsl, List.of(ClientRepository.searchKind(), VenueRepository.searchKind(),
                PerformerRepository.searchKind(), dev.stagedesk.catalogue.PackageRepository.searchKind(),
                dev.stagedesk.booking.BookingService.searchKind(), dev.stagedesk.inquiry.InquiryService.searchKind()));
    }

    /** Opens the store of a data folder with the real clock and time-ordered ids. */
    public static AppContext open(DataFolder folder) {
        return open(folder, null);
    }

    /** Opens an encrypted store with its passphrase (null for a plain store). */
    public static AppContext open(DataFolder folder, char[] passphrase) {
        return new AppContext(folder, Database.open(folder, passphrase), Clock.systemDefaultZone(), Ids.timeOrdered());
    }

    /** The agency's time zone (reads the store: call it off the FX thread). */
    public java.time.ZoneId agencyZone() {
        return agencyClock.getZone();
    }

    /** Today where the agency is (reads the store: call it off the FX thread). */
    public java.time.LocalDate agencyToday() {
        return agencyClock.today();
    }

    /** A booking's terms, state, ledger and invoices, as its Payments tab shows them. */
    public dev.stagedesk.payment.BookingMoney bookingMoney(dev.stagedesk.security.Actor actor, java.util.UUID bookingId) {
        return dev.stagedesk.payment.BookingMoney.load(database.dsl(), actor, bookingId, clock.instant());
    }

    /** What issuing an invoice of {@code kind} on the booking would bill now. */
    public dev.stagedesk.invoice.InvoiceMath.Totals invoicePreview(java.util.UUID bookingId, String kind) {
        return dev.stagedesk.invoice.InvoiceService.preview(database.dsl(), bookingId, kind);
    }

    /** The CSV schemas by command-line name ("clients", "venues", "performers"). */
    public Map<String, CsvSchema> csvSchemas() {
        return csvSchemas;
    }

    @Override
    public void close() {
        backups.anchors().recordQuietly("close");
        database.close();
    }
}
