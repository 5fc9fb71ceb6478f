package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.attachment.AttachmentService;
import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.catalogue.PackageQuery;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Display;
import dev.stagedesk.inquiry.QuoteDocuments;
import dev.stagedesk.inquiry.QuoteService;
import dev.stagedesk.payment.BookingMoneyPane;
import dev.stagedesk.payment.PaymentState;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerQuery;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.SettingsService;
import dev.stagedesk.ui.DateField;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.Screen;
import dev.stagedesk.ui.UiContext;
import dev.stagedesk.venue.VenueQuery;
import dev.stagedesk.venue.VenueRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;

/**
 * Bookings: the list (latest event first) with its filters — status, payment, dates, client, venue, performer —
 * and the booking's own screen (double-click, Enter or Open). Coordinators create bookings and series here.
 */
public final class BookingsScreen implements Screen {
    /** What the screen works with. */
    public record Deps(BookingQuery query, BookingService service, BookingDetailQuery detail, CommandBus bus,
                       ClientQuery clients, VenueQuery venues, PerformerQuery performers, PackageQuery packages,
                       SettingsService settings, QuoteService quotes, QuoteDocuments documents,
                       AttachmentService attachments, Function<UUID, List<AuditLine>> history,
                       Clock clock, AssignmentService assignments, AvailableQuery available,
                       BookingMoneyPane.Services money) {
    }

    private final StackPane root = new StackPane();
    private final ListScreen<BookingRow> list;
    private final BookingDetailView detail;

    private final ObjectProperty<BookingStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<PaymentState> payment = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ClientRow> client = new SimpleObjectProperty<>();
    private final ObjectProperty<VenueRow> venue = new SimpleObjectProperty<>();
    private final ObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>();
    private volatile ZoneId zone = Format.agencyZone();

    public BookingsScreen(Deps deps, UiContext ui) {
        list = new ListScreen<>(tr("area.bookings"), "bookings", ui, 100, r -> deps.query().page(ui.actor(), r,
                filter()));
        detail = new BookingDetailView(deps, ui, this::showList);
        var t = list.table();
        t.column(tr("booking.number"), "number", BookingRow::number, 130);
        t.column(tr("booking.status"), "status", r -> Display.label(r.status()), 100);
        t.column(tr("booking.date"), "date", r -> Format.dateTime(r.startsAt(), r.timeZone()), 180);
        t.column(tr("booking.title"), "title", BookingRow::title, 260);
        t.column(tr("booking.venue"), "venue", r -> Format.text(r.venueName()), 200);
        t.column(tr("booking.city"), null, r -> Format.text(r.city()), 110);
        boolean all = ui.actor().can(Permission.BOOKINGS_VIEW_ALL);
        if (all) {
            t.numberColumn(tr("booking.fee"), "fee", r -> Format.money(r.feeMinor(), r.currency()), 130);
            t.column(tr("booking.payment"), null, r -> Display.label(r.paymentState()), 110);
        }
        filters(deps, ui, all);
        Button open = list.actionButton("openBooking", tr("booking.open"), this::openSelected, true);
        t.addTools(open);
        t.table().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        t.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        if (all) {
            list.historyAction("bookingHistory", BookingRow::id, r -> r.number() + " — " + r.title(), deps.history(), ui);
        }
        if (ui.actor().can(Permission.BOOKINGS_EDIT)) {
            Label message = t.message();
            message.setId("bookingMessage");
            BookingActions act = new BookingActions(deps.service(), deps.bus(), ui, list.node(),
                    () -> BookingActions.Target.of(selected()), text -> {
                        message.setText(text);
                        list.table().viewModel().reload();
                    });
            t.addTools(list.actionButton("newBooking", tr("booking.new"), () -> BookingForms.openNew(deps, ui,
                    list.node(), created -> {
                        message.setText(created);
                        list.table().viewModel().firstPage();
                    }), false),
                    list.actionButton("confirmBooking", tr("booking.confirm"), act::confirm,
                            r -> r.status() == BookingStatus.HOLD),
                    list.actionButton("cancelBooking", tr("booking.cancel"), act::openCancel,
                            r -> r.status().isOpen()),
                    list.actionButton("bookingHolds", tr("booking.holds"), act::openHolds, true));
        }
        ui.tasks().run(() -> deps.settings().agency().map(a -> a.timeZone()).orElse(ZoneOffset.UTC),
                z -> zone = z, ui.errors());
        detail.setVisible(false);
        root.getChildren().addAll(list.node(), detail);
    }

    private BookingFilter filter() {
        Instant a = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant b = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new BookingFilter(status.get(), a, b, client.get() == null ? null : client.get().id(),
                venue.get() == null ? null : venue.get().id(), performer.get() == null ? null : performer.get().id(),
                payment.get(), null);
    }

    private void filters(Deps deps, UiContext ui, boolean all) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(list.choiceFilterNode("bookingsStatus", List.of(BookingStatus.values()), status,
                tr("filter.anyStatus")));
        if (all) {
            nodes.add(list.choiceFilterNode("bookingsPayment", List.of(PaymentState.values()), payment,

                    tr("filter.anyPayment")));
        }
        DatePicker fromPicker = new DateField();
        fromPicker.setId("bookingsFrom");
        fromPicker.setPromptText(tr("filter.from"));
        fromPicker.setPrefWidth(130);
        fromPicker.valueProperty().bindBidirectional(from);
        DatePicker toPicker = new DateField();
        toPicker.setId("bookingsTo");
        toPicker.setPromptText(tr("filter.to"));
        toPicker.setPrefWidth(130);
        toPicker.valueProperty().bindBidirectional(to);
        nodes.add(fromPicker);
        nodes.add(toPicker);
        if (all) {
            var clientField = BookingFilterFields.client("bookingsClient", deps.clients(), ui, client);
            var venueField = BookingFilterFields.venue("bookingsVenue", deps.venues(), venue);
            var performerBox = BookingFilterFields.performer("bookingsPerformer", deps.performers(), ui, performer);
            nodes.add(clientField);
            nodes.add(venueField);
            nodes.add(performerBox);
        }
        Button clear = new Button(tr("filter.clear"));
        clear.setId("bookingsClearFilters");
        clear.setOnAction(e -> {
            status.set(null);
            payment.set(null);
            from.set(null);
            to.set(null);
            client.set(null);
            venue.set(null);
            performer.set(null);
        });
        nodes.add(clear);
        for (ObjectProperty<?> p : List.of(from, to, client, venue, performer)) {
            p.addListener((o, a, b) -> list.table().viewModel().firstPage());
        }
        list.table().addFilters(nodes.toArray(Node[]::new));
    }

    private BookingRow selected() {
        return list.table().table().getSelectionModel().getSelectedItem();
    }

    private void openSelected() {
        BookingRow row = selected();
        if (row != null) {
            open(row.id());
        }
    }

    /** Shows one booking's screen. */
    public void open(UUID id) {
        detail.show(id);
        detail.setVisible(true);
        list.node().setVisible(false);
    }

    private void showList() {
        detail.setVisible(false);
        list.node().setVisible(true);
        list.table().viewModel().reload();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public boolean open(String entity, UUID id) {
        if (!ENTITY_BOOKING.equals(entity)) {
            return false;
        }
        open(id);
        return true;
    }

    private static final String ENTITY_BOOKING = BookingService.ENTITY;

    @Override
    public void activate() {
        if (detail.isVisible() && detail.shownId() != null) {
            detail.show(detail.shownId());
        } else {
            list.table().viewModel().reload();
        }
    }
}
