package dev.stagedesk.app;

import dev.stagedesk.attachment.AttachmentService;
import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.backup.BackupService;
import dev.stagedesk.booking.AssignmentCsv;
import dev.stagedesk.booking.AssignmentService;
import dev.stagedesk.booking.AvailableQuery;
import dev.stagedesk.booking.BookingCsv;
import dev.stagedesk.booking.BookingDetailQuery;
import dev.stagedesk.audit.AuditWriter;
import dev.stagedesk.booking.BookingQuery;
import dev.stagedesk.booking.BookingQuotes;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.calendar.IcsExport;
import dev.stagedesk.catalogue.PackageCsv;
import dev.stagedesk.catalogue.PackageQuery;
import dev.stagedesk.catalogue.PackageRepository;
import dev.stagedesk.catalogue.PackageService;
import dev.stagedesk.client.ClientCsv;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientRepository;
import dev.stagedesk.client.ClientService;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.SearchWords;
import dev.stagedesk.common.Ids;
import dev.stagedesk.csv.CsvIo;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.dashboard.DashboardQuery;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.demo.DemoDataService;
import dev.stagedesk.expense.ExpenseQuery;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.expense.OverheadCsv;
import dev.stagedesk.expense.PerformerExpenseCsv;
import dev.stagedesk.inquiry.InquiryCsv;
import dev.stagedesk.inquiry.InquiryQuery;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.inquiry.QuoteDocuments;
import dev.stagedesk.inquiry.QuoteService;
import dev.stagedesk.inquiry.QuotesForBookings;
import dev.stagedesk.invoice.InvoiceCsv;
import dev.stagedesk.invoice.InvoiceDocuments;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.invoice.InvoiceMath;
import dev.stagedesk.invoice.InvoiceQuery;
import dev.stagedesk.invoice.InvoiceService;
import dev.stagedesk.map.MapQuery;
import dev.stagedesk.map.MapSettings;
import dev.stagedesk.map.Places;
import dev.stagedesk.map.RouteQuery;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.notification.NotificationQuery;
import dev.stagedesk.notification.NotificationService;
import dev.stagedesk.payment.BookingMoney;
import dev.stagedesk.payment.PaymentCsv;
import dev.stagedesk.payment.PaymentQuery;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.payment.ReceivablesQuery;
import dev.stagedesk.payout.PayoutCsv;
import dev.stagedesk.payout.PayoutQuery;
import dev.stagedesk.payout.PerformerStatements;
import dev.stagedesk.performer.AvailabilityService;
import dev.stagedesk.performer.PerformerCsv;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.performer.PerformerService;
import dev.stagedesk.report.FinancialReport;
import dev.stagedesk.report.JournalCsv;
import dev.stagedesk.report.ReportQuery;
import dev.stagedesk.schedule.DueRulesService;
import dev.stagedesk.sync.CommandCodec;
import dev.stagedesk.sync.SyncClient;
import dev.stagedesk.sync.SyncJournal;
import dev.stagedesk.sync.Triggers;
import dev.stagedesk.sync.http.HttpSyncEndpoint;
import dev.stagedesk.search.GlobalSearchQuery;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.search.SearchRebuild;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PasswordHasher;
import dev.stagedesk.settings.UserRepository;
import dev.stagedesk.settings.UserService;
import dev.stagedesk.settings.AgencyClock;
import dev.stagedesk.settings.AgencyFacts;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.venue.VenueCsv;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRepository;
import dev.stagedesk.venue.VenueService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    public final AgencyClock agencyClock;
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
    public final BookingService bookings;
    public final AssignmentService assignments;
    public final AvailabilityService availability;
    public final AvailableQuery availableQuery;
    public final ExpenseService expenses;
    public final PerformerStatements statements;
    public final InquiryService inquiries;
    public final BookingDetailQuery bookingDetails;
    public final PaymentQuery paymentQuery;
    public final InvoiceQuery invoiceQuery;
    public final PayoutQuery payoutQuery;
    public final ExpenseQuery expenseQuery;
    public final ReportQuery reportQuery;
    public final DashboardQuery dashboardQuery;
    public final PackageService packages;
    public final PackageQuery packageQuery;
    public final QuoteService quotes;
    public final QuoteDocuments quoteDocuments;
    /** A booking's quotes, for its Documents tab (the inquiry feature's, handed to bookings). */
    public final BookingQuotes bookingQuotes;
    public final AttachmentService attachments;
    public final DemoDataService demo;
    public final CsvIo csv;
    public final PaymentService payments;
    public final InvoiceService invoices;
    public final InvoiceDocuments invoiceDocuments;
    public final FinancialReport financialReport;
    public final ReceivablesQuery receivables;
    public final BackupService backups;
    public final NotificationService notifications;
    public final NotificationQuery notificationQuery;
    public final GlobalSearchQuery globalSearch;
    public final IcsExport ics;
    public final MapQuery mapQuery;
    public final RouteQuery routeQuery;
    public final RouteService routes;
    public final MapSettings mapSettings;
    public final Places places;
    /** The rules that run on their own (holds, follow-ups, notices, recurring expenses, overdue payments). */
    public final DueRulesService dueRules;
    /** This desktop's link to a sync endpoint: the journal on the bus and the client that syncs. */
    public final SyncJournal syncJournal;
    public final SyncClient sync;
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
        this.agencyClock = new AgencyClock(clock, dsl);
        this.bus = new CommandBus(dsl, clock, ids, new AuditWriter(ids));
        this.auditLog = new AuditLog(dsl);
        this.settings = new SettingsService(bus, dsl);
        this.users = new UserService(bus, dsl, new UserRepository(), PasswordHasher.standard(), clock, sleeper);
        SearchWords words = SearchIndex.words();
        this.clients = new ClientService(bus, dsl, new ClientRepository(words));
        this.clientQuery = new ClientQuery(dsl);
        this.venues = new VenueService(bus, dsl, new VenueRepository(words));
        this.venueQuery = new VenueQuery(dsl);
        this.mapQuery = new MapQuery(dsl);
        this.routeQuery = new RouteQuery(dsl);
        this.routes = new RouteService(bus);
        this.mapSettings = new MapSettings(bus, dsl);
        this.places = Places.google(mapSettings);
        this.performers = new PerformerService(bus, dsl, new PerformerRepository(words));
        this.performerQuery = new PerformerQuery(dsl);
        this.inquiryQuery = new InquiryQuery(dsl);
        this.bookingQuery = new BookingQuery(dsl);
        this.bookings = new BookingService(bus, dsl);
        this.assignments = new AssignmentService(bus);
        this.availability = new AvailabilityService(bus);
        this.availableQuery = new AvailableQuery(dsl);
        this.inquiries = new InquiryService(bus, dsl);
        this.bookingDetails = new BookingDetailQuery(dsl, bookings);
        this.paymentQuery = new PaymentQuery(dsl);
        this.invoiceQuery = new InvoiceQuery(dsl);
        this.payoutQuery = new PayoutQuery(dsl);
        this.expenseQuery = new ExpenseQuery(dsl);
        this.reportQuery = new ReportQuery(dsl);
        this.dashboardQuery = new DashboardQuery(dsl, reportQuery);
        this.packages = new PackageService(bus, dsl, new PackageRepository(words));
        this.packageQuery = new PackageQuery(dsl);
        this.quotes = new QuoteService(bus, dsl);
        this.quoteDocuments = new QuoteDocuments(dsl, quotes);
        this.bookingQuotes = new QuotesForBookings(quotes, quoteDocuments);
        this.attachments = new AttachmentService(bus, dsl, folder.path());
        this.demo = new DemoDataService(bus);
        this.expenses = new ExpenseService(bus, dsl, attachments);
        this.statements = new PerformerStatements(dsl);
        this.csv = new CsvIo(dsl, bus, ids);
        this.payments = new PaymentService(bus, dsl);
        this.invoices = new InvoiceService(bus);
        this.invoiceDocuments = new InvoiceDocuments(dsl);
        this.financialReport = new FinancialReport(dsl, clock);
        this.receivables = new ReceivablesQuery(dsl);
        this.backups = new BackupService(database, folder, bus, agencyClock);
        this.notifications = new NotificationService(bus, dsl);
        this.notificationQuery = new NotificationQuery(dsl);
        this.globalSearch = new GlobalSearchQuery(dsl, BookingQuery::numberPrefix, () -> AgencyFacts.zone(dsl));
        this.ics = new IcsExport(dsl, clock, routeQuery);
        this.dueRules = new DueRulesService(agencyClock,
                DueRulesService.standard(bookings, inquiries, notifications, expenses, payments));
        for (CsvSchema s : List.of(new ClientCsv(), new VenueCsv(), new PerformerCsv(),
                new PackageCsv(), new InquiryCsv(),
                new BookingCsv(), new AssignmentCsv(),
                new PerformerExpenseCsv(), new PayoutCsv(),
                new PaymentCsv(), new InvoiceCsv(),
                new OverheadCsv(), new JournalCsv())) {
            csvSchemas.put(s.name(), s);
        }
        // every handler is registered: the journal knows every command by name from here on
        this.syncJournal = new SyncJournal(new CommandCodec(bus), dsl);
        bus.journal(syncJournal);
        if (syncJournal.joined()) {
            Triggers.install(dsl);
        }
        // the network: the endpoint at the address this desktop joined (tests put their own transport in)
        this.sync = new SyncClient(dsl, syncJournal, clock, HttpSyncEndpoint::new);
        dueRules.runsElsewhere(syncJournal::joined);
        SearchRebuild.rebuildMissing(dsl, List.of(ClientRepository.searchKind(), VenueRepository.searchKind(),
                PerformerRepository.searchKind(), PackageRepository.searchKind(),
                BookingService.searchKind(), InquiryService.searchKind()));
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
    public ZoneId agencyZone() {
        return agencyClock.getZone();
    }

    /** Today where the agency is (reads the store: call it off the FX thread). */
    public LocalDate agencyToday() {
        return agencyClock.today();
    }

    /** A booking's terms, state, ledger and invoices, as its Payments tab shows them. */
    public BookingMoney bookingMoney(Actor actor, UUID bookingId) {
        return BookingMoney.load(database.dsl(), actor, bookingId, clock.instant());
    }

    /** What issuing an invoice of {@code kind} on the booking would bill now. */
    public InvoiceMath.Totals invoicePreview(UUID bookingId, InvoiceKind kind) {

        return InvoiceService.preview(database.dsl(), bookingId, kind);
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
