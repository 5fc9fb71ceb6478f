package dev.stagedesk.inquiry;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.catalogue.PackageQuery;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.client.ClientService;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.Agency;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.LookupField;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * Inquiries, newest first, filterable by status: new inquiry (client by autocomplete, or created inline),
 * status changes, lost with a reason, and conversion to a booking.
 */
public final class InquiriesScreen {
    private InquiriesScreen() {
    }

    /** What the screen works with. */
    public record Deps(InquiryQuery query, InquiryService inquiries, ClientQuery clients, ClientService clientService,
                       SettingsService settings, CommandBus bus, QuoteService quotes, QuoteDocuments documents,
                       PackageQuery packages, Clock clock,
                       VenueQuery venues) {
    }

    public static Screen create(Deps deps, UiContext ui) {
        SimpleObjectProperty<InquiryStatus> status = new SimpleObjectProperty<>();
        SimpleObjectProperty<String> source = new SimpleObjectProperty<>();
        SimpleObjectProperty<ClientRow> client = new SimpleObjectProperty<>();
        SimpleObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
        SimpleObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
        AtomicReference<ZoneId> agencyZone =
                new AtomicReference<>(Format.agencyZone());
        ui.tasks().run(() -> deps.settings().agency().map(Agency::timeZone).orElse(ZoneOffset.UTC),
                agencyZone::set, ui.errors());
        ListScreen<InquiryRow> s = new ListScreen<>(tr("area.inquiries"), "inquiries", ui, 100,
                r -> deps.query().page(ui.actor(), r, new InquiryQuery.Filter(status.get(), source.get(),
                        client.get() == null ? null : client.get().id(),
                        from.get() == null ? null : from.get().atStartOfDay(agencyZone.get()).toInstant(),
                        to.get() == null ? null : to.get().plusDays(1).atStartOfDay(agencyZone.get()).toInstant())));
        var t = s.table();
        t.column(tr("inquiry.client"), "client", InquiryRow::clientName, 200);
        t.column(tr("inquiry.eventType"), "eventType", InquiryRow::eventType, 150);
        t.column(tr("inquiry.date"), "date", r -> r.datesTbd() ? tr("inquiry.datesTbd")
                : Format.dateTime(r.startsAt(), r.timeZone()), 190);
        t.column(tr("inquiry.status"), "status", r -> Display.label(r.status()), 100);
        t.column(tr("inquiry.source"), "source", r -> Display.label(Display.CodeSet.InquirySource, r.source()), 110);
        t.numberColumn(tr("inquiry.budget"), "budget", r -> Format.money(r.budgetMinor(), r.currency()), 130);
        t.column(tr("inquiry.followUp"), "followUp", r -> Format.date(r.followUpOn()), 130);
        DatePicker fromPicker = new DatePicker();
        fromPicker.setId("inquiriesFrom");
        fromPicker.setPromptText(tr("filter.eventFrom"));
        fromPicker.setPrefWidth(140);
        fromPicker.valueProperty().bindBidirectional(from);
        DatePicker toPicker = new DatePicker();
        toPicker.setId("inquiriesTo");
        toPicker.setPromptText(tr("filter.to"));
        toPicker.setPrefWidth(130);
        toPicker.valueProperty().bindBidirectional(to);
        LookupField<ClientRow> clientField = new LookupField<>("inquiriesClient",
                tr("filter.client"), text -> deps.clients().suggest(ui.actor(), text, 10), ClientRow::name,
                (c, text) -> text.equals(c.name()));
        clientField.setPrefColumnCount(12);
        clientField.value().bindBidirectional(client);
        s.table().addFilters(s.choiceFilterNode("inquiriesStatus", List.of(InquiryStatus.values()), status,
                        tr("filter.anyStatus")),
                s.choiceFilterNode("inquiriesSource", Display.CodeSet.InquirySource, List.copyOf(new TreeSet<>(InquiryService.SOURCES)), source,
                        tr("filter.anySource")), fromPicker, toPicker, clientField);
        for (var p : List.of(from, to, client)) {
            p.addListener((o, a, b) -> s.table().viewModel().firstPage());
        }
        if (ui.actor().can(Permission.INQUIRIES_EDIT)) {
            new Actions(deps, ui, s).install();
        }
        // an inquiry has no screen of its own: its client's inquiries, with it selected
        s.opensRecords(InquiryService.ENTITY, id -> ui.tasks().run(() -> deps.query().clientName(id),
                name -> {
                    status.set(null);
                    source.set(null);
                    client.set(null);
                    from.set(null);
                    to.set(null);
                    s.table().reveal(name, r -> r.id().equals(id));
                }, ui.errors()));
        return s;
    }

    private static final class Actions {
        private final Deps deps;
        private final UiContext ui;
        private final ListScreen<InquiryRow> screen;
        private Label message;

        Actions(Deps deps, UiContext ui, ListScreen<InquiryRow> screen) {
            this.deps = deps;
            this.ui = ui;
            this.screen = screen;
        }

        void install() {
            message = screen.table().message();
            message.setId("inquiryMessage");
            screen.table().addTools(screen.actionButton("newInquiry", tr("inquiry.new"), this::openNew, false),
                    screen.actionButton("markContacted", tr("inquiry.markContacted"), () -> change(InquiryStatus.CONTACTED, null),
                            r -> InquiryService.allows(r.status(), InquiryStatus.CONTACTED)),
                    screen.actionButton("openQuote", tr("quote.open"), this::openQuote, true),
                    screen.actionButton("markQuoted", tr("inquiry.markQuoted"), () -> change(InquiryStatus.QUOTED, null),
                            r -> InquiryService.allows(r.status(), InquiryStatus.QUOTED)),
                    screen.actionButton("markLost", tr("inquiry.markLost"), this::openLost,
                            r -> InquiryService.allows(r.status(), InquiryStatus.LOST)),
                    screen.actionButton("cancelInquiry", tr("inquiry.cancel"), () -> change(InquiryStatus.CANCELLED, null),
                            r -> InquiryService.allows(r.status(), InquiryStatus.CANCELLED)),
                    screen.actionButton("convertInquiry", tr("inquiry.convert"), this::openConvert,
                            r -> r.status().isOpen()));
        }

        private InquiryRow selected() {
            return screen.table().table().getSelectionModel().getSelectedItem();
        }

        private void done(String text) {
            message.setText(text);
            screen.table().viewModel().reload();
        }

        /** Reloads the page and selects the row again, as it is now (a stale change's Reload). */
        private void reloadSelecting(UUID id) {
            var list = screen.table().viewModel();
            list.loadingProperty().addListener(new ChangeListener<Boolean>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                    if (!loading) {
                        o.removeListener(this);
                        list.rows().stream().filter(r -> r.id().equals(id)).findFirst()
                                .ifPresent(r -> screen.table().table().getSelectionModel().select(r));
                    }
                }
            });
            list.reload();
        }

        /** A status step on the selected row, sending the version the row was loaded with. */
        private void change(InquiryStatus status, String reason) {
            InquiryRow row = selected();
            ui.tasks().run(() -> deps.bus().execute(ui.actor(), new InquiryService.ChangeInquiryStatus(row.id(),
                    row.version(), status, reason)),
                    i -> done(tr("inquiry.statusChanged", Display.inSentence(i.status()))),
                    ui.errors(() -> reloadSelecting(row.id())));
        }

        private void openQuote() {
            InquiryRow row = selected();
            ui.tasks().run(() -> {
                Agency agency = deps.settings().requireAgency();
                return QuoteFormViewModel.load(deps.inquiries(), deps.quotes(), deps.packages(),
                        agency.defaultTaxRateBp(), LocalDate.now(deps.clock().withZone(agency.timeZone())),
                        ui.actor(), row.id());
            }, loaded -> QuoteSheet.open(screen.node(), tr("quote.sheetTitle", row.clientName(), row.eventType()),
                    new QuoteFormViewModel(deps.quotes(), deps.documents(), ui.actor(), ui.tasks(), ui.errors(), loaded, ui.amounts()),
                    ui, () -> screen.table().viewModel().reload()), ui.errors());
        }

        /** The version the sheet sends: the row's when it opened; Reload takes the stored one. */
        private static final class Held {
            private int version;

            Held(int version) {
                this.version = version;
            }
        }

        private void openLost() {
            InquiryRow row = selected();
            Held held = new Held(row.version());
            ui.tasks().run(deps.inquiries()::lostReasons, reasons -> {
                FormState state = new FormState(ui.tasks(), ui.errors());
                state.onStale(() -> reloadHeld(row.id(), held));
                FormGrid grid = new FormGrid(state);
                ComboBox<String> reason = grid.add(tr("inquiry.lostReason"), "lostReason",
                        new ComboBox<>(FXCollections.observableArrayList(reasons)));
                reason.setId("lostReason");
                FormDialog.show(screen.node(), tr("inquiry.markLost"), grid, state, close -> state.submit(() ->
                        deps.bus().execute(ui.actor(), new InquiryService.ChangeInquiryStatus(row.id(), held.version,
                                InquiryStatus.LOST, reason.getValue())), i -> {
                    close.run();
                    done(tr("inquiry.statusChanged", Display.inSentence(InquiryStatus.LOST)));
                }));
            }, ui.errors());
        }

        /** A sheet's Reload: the inquiry as stored now gives the version, and the list shows it too. */
        private void reloadHeld(UUID id, Held held) {
            ui.tasks().run(() -> deps.inquiries().find(id), i -> {
                held.version = i.version();
                reloadSelecting(id);
            }, ui.errors());
        }

        private void openConvert() {
            InquiryRow row = selected();
            UUID id = row.id();
            String clientName = row.clientName();
            Held held = new Held(row.version());
            ui.tasks().run(() -> new Object[] {deps.inquiries().find(id), deps.settings().requireAgency(),
                deps.quotes().latest(ui.actor(), id).orElse(null)}, r -> {
                Inquiry i = (Inquiry) r[0];
                Agency agency = (Agency) r[1];
                Quote quote = (Quote) r[2];
                FormState state = new FormState(ui.tasks(), ui.errors());
                state.onStale(() -> reloadHeld(id, held));
                FormGrid grid = new FormGrid(state);
                var currency = Currencies.require(i.currency());
                Long prefill = quote != null ? Long.valueOf(quote.netMinor()) : i.budgetMinor();
                TextField fee = grid.add(tr("booking.fee") + " (" + i.currency() + ")", "fee",
                        new TextField(prefill == null ? "" : ui.amounts().input(prefill, currency)));
                CheckBox confirmNow = grid.add(tr("inquiry.confirmNow"), "status", new CheckBox());
                confirmNow.setId("confirmNow");
                FormDialog.show(screen.node(), tr("inquiry.convertTitle", clientName), grid, state, close -> {
                    long feeMinor;
                    try {
                        feeMinor = MoneyFormat.parse(fee.getText(), currency, ui.amounts());
                    } catch (IllegalArgumentException e) {
                        state.show(List.of(new FieldError("fee", e.getMessage())));
                        return;
                    }
                    var draft = quote == null
                            ? deps.inquiries().bookingFrom(i, clientName, feeMinor, agency.defaultTaxRateBp())
                            : deps.inquiries().bookingFrom(i, clientName, quote);
                    var booking = new BookingDraft(draft.title(), draft.clientId(),
                            draft.venueId(), draft.packageId(), draft.startsAt(), draft.endsAt(), draft.timeZone(),
                            draft.currency(), feeMinor, draft.taxRateBp(), draft.slotsNeeded(), draft.contactOnDay(),
                            draft.notes());
                    state.submit(() -> deps.bus().execute(ui.actor(), new InquiryService.ConvertInquiry(i.id(),
                            held.version, booking,
                            confirmNow.isSelected() ? BookingStatus.CONFIRMED : BookingStatus.HOLD, List.of())), (Booking b) -> {
                        close.run();
                        done(tr("inquiry.converted", b.number()));
                    });
                });
            }, ui.errors());
        }

        private void openNew() {
            ui.tasks().run(deps.settings()::requireAgency, agency -> openNew(agency), ui.errors());
        }

        private void openNew(Agency agency) {
            InquiryFormViewModel vm = new InquiryFormViewModel(deps.inquiries(), ui.actor(), ui.tasks(), ui.errors(),
                    agency.timeZone(), agency.baseCurrency().getCurrencyCode(), ui.amounts());
            FormGrid grid = new FormGrid(vm.state());
            LookupField<ClientRow> client = new LookupField<>("inquiryClient",
                    tr("inquiry.clientPrompt"), text -> deps.clients().suggest(ui.actor(), text, 10),
                    c -> c.name() + (c.city() == null ? "" : " (" + c.city() + ")"),
                    (c, text) -> text.startsWith(c.name()));
            client.value().bindBidirectional(vm.client);
            Button newClient = new Button(tr("inquiry.newClient"));
            newClient.setId("inquiryNewClient");
            newClient.setOnAction(e -> ui.tasks().run(() -> deps.clientService().create(ui.actor(),
                    ClientDraft.of(ClientKind.PERSON, client.getText())), c -> {
                        client.pick(new ClientRow(c.id(), ClientKind.PERSON, c.name(), null, null, null, null, null,
                                null, false));
                    }, ui.errors()));
            Label clientRow = grid.add(tr("inquiry.client"), "client", new Label());
            HBox clientBox = new HBox(8, client, newClient);
            HBox.setHgrow(client, Priority.ALWAYS);
            clientRow.setGraphic(clientBox);
            clientRow.setMaxWidth(Double.MAX_VALUE);
            bind(grid.add(tr("inquiry.eventType"), "eventType", new TextField()), vm.eventType);
            DatePicker date = grid.add(tr("inquiry.date"), "date", new DateField());
            date.valueProperty().bindBidirectional(vm.date);
            bind(grid.add(tr("inquiry.startTime"), "startTime", new TextField()), vm.startTime);
            bind(grid.add(tr("inquiry.endTime"), "endTime", new TextField()), vm.endTime);
            CheckBox tbd = grid.add(tr("inquiry.datesTbd"), "datesTbd", new CheckBox());
            tbd.selectedProperty().bindBidirectional(vm.datesTbd);
            LookupField<VenueRow> venue = grid.add(tr("booking.venue"), "venue",
                    new LookupField<>("inquiryVenue", tr("booking.venuePrompt"),
                            text -> deps.venues().suggest(text, 10), v -> v.name() + ", " + v.city(),
                            (v, text) -> text.equals(v.name() + ", " + v.city())));
            venue.value().addListener((o, a, b) -> vm.venue.set(b == null ? null : b.id()));
            bind(grid.add(tr("inquiry.freeAddress"), "freeAddress", new TextField()), vm.freeAddress);
            bind(grid.add(tr("inquiry.guestCount"), "guestCount", new TextField()), vm.guestCount);
            bind(grid.add(tr("inquiry.budget") + " (" + agency.baseCurrency().getCurrencyCode() + ")", "budget",
                    new TextField()), vm.budget);
            ComboBox<String> source = grid.add(tr("inquiry.source"), "source",
                    new ComboBox<>(FXCollections.observableArrayList(List.of("PHONE", "EMAIL", "WEB_FORM", "REFERRAL",
                            "REPEAT_CLIENT"))));
            source.setConverter(new StringConverter<>() {
                @Override
                public String toString(String v) {
                    return v == null ? "" : Display.label(Display.CodeSet.InquirySource, v);
                }

                @Override
                public String fromString(String v) {
                    return v;
                }
            });
            source.valueProperty().bindBidirectional(vm.source);
            TextArea notes = grid.add(tr("inquiry.notes"), "notes", new TextArea());
            notes.setPrefRowCount(2);
            notes.textProperty().bindBidirectional(vm.notes);
            DatePicker followUp = grid.add(tr("inquiry.followUp"), "followUpOn", new DateField());
            followUp.valueProperty().bindBidirectional(vm.followUp);
            FormDialog.show(screen.node(), tr("inquiry.new"), grid, vm.state(), close -> vm.save(i -> {
                close.run();
                done(tr("inquiry.created"));
            }));
        }

        private static void bind(TextField field, StringProperty p) {
            field.textProperty().bindBidirectional(p);
        }
    }
}
