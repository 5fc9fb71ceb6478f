package dev.stagedesk.app;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.BookingService;
import dev.stagedesk.booking.BookingsScreen;
import dev.stagedesk.calendar.CalendarScreen;
import dev.stagedesk.catalogue.PackagesPane;
import dev.stagedesk.client.ClientService;
import dev.stagedesk.client.ClientsPane;
import dev.stagedesk.common.I18n;
import dev.stagedesk.dashboard.DashboardScreen;
import dev.stagedesk.expense.ExpensesScreen;
import dev.stagedesk.inquiry.InquiriesScreen;
import dev.stagedesk.invoice.InvoicesPaymentsScreen;
import dev.stagedesk.map.GMapsFxPort;
import dev.stagedesk.map.GoogleMapSurface;
import dev.stagedesk.map.MapScreen;
import dev.stagedesk.map.MapSettingsPane;
import dev.stagedesk.map.PlaceTools;
import dev.stagedesk.invoice.BookingMoneyPane;
import dev.stagedesk.payout.PayoutsScreen;
import dev.stagedesk.performer.PerformerMonth;
import dev.stagedesk.performer.PerformerService;
import dev.stagedesk.performer.PerformersScreen;
import dev.stagedesk.report.ReportsScreen;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.Appearance;
import dev.stagedesk.settings.SettingsScreen;
import dev.stagedesk.settings.StoreControl;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenuesPane;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Builds the screen of each area from the services of the composition root. */
final class Screens {
    private Screens() {
    }

    static Screen create(Area area, AppContext app, UiContext ui, Consumer<Area> navigate,
                         BiConsumer<String, UUID> openRecord, Appearance appearance,
                         StoreControl store) {
        return switch (area) {
            case DASHBOARD -> new DashboardScreen(app.dashboardQuery, app.settings, app.clock, ui, target -> {
                if (target == DashboardScreen.Target.RECEIVABLES) { // the receivables tab, overdue only
                    openRecord.accept(InvoicesPaymentsScreen.OVERDUE_RECEIVABLES, null);
                    return;
                }
                navigate.accept(switch (target) {
                    case INQUIRIES -> Area.INQUIRIES;
                    case BOOKINGS -> Area.BOOKINGS;
                    case REPORTS -> Area.REPORTS;
                    case EXPENSES -> Area.EXPENSES;
                    case RECEIVABLES -> Area.INVOICES_PAYMENTS;
                });
            });
            case INQUIRIES -> InquiriesScreen.create(new InquiriesScreen.Deps(app.inquiryQuery, app.inquiries,
                    app.clientQuery, app.clients, app.settings, app.bus, app.quotes, app.quoteDocuments, app.packageQuery,
                    app.clock, app.venueQuery), ui);
            case BOOKINGS -> new BookingsScreen(new BookingsScreen.Deps(app.bookingQuery, app.bookings,
                    app.bookingDetails, app.bus, app.clientQuery, app.venueQuery, app.performerQuery, app.packageQuery,
                    app.settings, app.bookingQuotes, app.attachments,
                    id -> app.auditLog.history(BookingService.ENTITY, id), app.agencyClock,
                    app.assignments, app.availableQuery, moneyServices(app, ui)), ui);
            case CALENDAR -> new CalendarScreen(new CalendarScreen.Deps(app.bookingQuery, app.bookings, app.bus,
                    app.performerQuery, app.clientQuery, app.venueQuery, app.ics, app.routeQuery,
                    app::agencyZone,
                    app.clock, openRecord), ui);
            case PERFORMERS -> new PerformersScreen(new PerformersScreen.Deps(app.performerQuery, app.performers,
                    app.availability, new PerformerMonth(app.database.dsl()), app.bus,
                    app::agencyZone,
                    () -> app.settings.agency().map(a -> a.baseCurrency().getCurrencyCode()).orElse("EUR"),
                    id -> app.auditLog.history(PerformerService.ENTITY, id), app.agencyClock,
                    app.attachments), ui);
            case CLIENTS_VENUES -> clientsAndVenues(app, ui);
            case PAYOUTS -> new PayoutsScreen(new PayoutsScreen.Deps(app.payoutQuery, app.assignments, app.statements,
                    app.performerQuery, app.agencyClock), ui);
            case EXPENSES -> new ExpensesScreen(app.expenseQuery, app.expenses, app.performerQuery,
                    app.settings.agency().map(a -> a.baseCurrency().getCurrencyCode()).orElse("EUR"), app.agencyClock, ui);
            case INVOICES_PAYMENTS -> new InvoicesPaymentsScreen(app.invoiceQuery, app.paymentQuery,
                    app.receivables, app.invoiceDocuments, app::agencyToday, ui);
            case MAP -> new MapScreen(new MapScreen.Deps(app.mapQuery, app.routeQuery, app.routes, app.mapSettings,
                    app.performerQuery, app::agencyZone, app.clock, openRecord,
                    key -> new GoogleMapSurface(new GMapsFxPort(key)),
                    new PlaceTools(app.places, ui)), ui);
            case REPORTS -> new ReportsScreen(app.reportQuery, app.financialReport, app.csv,
                    app.csvSchemas().get("journal"), app.settings, app.agencyClock, ui);
            case SETTINGS -> withMapTab(app, ui, new SettingsScreen(app.settings, app.users,
                    a -> app.performerQuery.choices(a, 10_000), app.auditLog, app.backups, app.folder.path(), ui,
                    appearance, store, ui.actor().can(Permission.INQUIRIES_VIEW)
                            ? new PackagesPane(app.packageQuery, app.packages,
                            () -> app.settings.requireAgency().baseCurrency().getCurrencyCode(), ui) : null,
                    app.inquiries));
        };
    }

    private static SettingsScreen withMapTab(AppContext app, UiContext ui, SettingsScreen s) {
        s.addTab("mapSettingsTab", I18n.tr("settings.map"),
                new MapSettingsPane(app.mapSettings, ui));
        return s;
    }

    /** The booking's Payments tab: ledger, terms and invoices, loaded for the signed-in user. */
    static BookingMoneyPane.Services moneyServices(AppContext app, UiContext ui) {
        return new BookingMoneyPane.Services(app.payments, app.invoices, app.invoiceDocuments,
                id -> app.bookingMoney(ui.actor(), id),
                app::invoicePreview);
    }

    private static Screen clientsAndVenues(AppContext app, UiContext ui) {
        ClientsPane clients = new ClientsPane(app.clientQuery, app.clients,
                id -> app.auditLog.history(ClientService.ENTITY, id), ui);
        VenuesPane venues = new VenuesPane(app.venueQuery, app.venues, ui);
        venues.setPlaceTools(new PlaceTools(app.places, ui).forVenues());
        Tab clientsTab = new Tab(tr("clientsVenues.clients"), clients);
        clientsTab.setId("clientsTab");
        Tab venuesTab = new Tab(tr("clientsVenues.venues"), venues);
        venuesTab.setId("venuesTab");
        TabPane tabs = new TabPane(clientsTab, venuesTab);
        tabs.setId("clientsVenuesTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label heading = new Label(tr("area.clientsVenues"));
        heading.getStyleClass().add(Styles.SCREEN_TITLE);
        VBox root = new VBox(10, heading, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return new Screen() {
            @Override
            public Node node() {
                return root;
            }

            @Override
            public void activate() {
                clients.reload();
                venues.reload();
            }

            @Override
            public boolean open(String entity, UUID id) {
                if ("client".equals(entity)) {
                    tabs.getSelectionModel().select(clientsTab);
                    clients.open(id);
                    return true;
                }
                if ("venue".equals(entity)) {
                    tabs.getSelectionModel().select(venuesTab);
                    venues.open(id);
                    return true;
                }
                return false;
            }
        };
    }
}
