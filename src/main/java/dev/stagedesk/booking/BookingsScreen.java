package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.attachment.AttachmentService;
import dev.stagedesk.audit.AuditLine;
import dev.stagedesk.catalogue.PackageQuery;
import dev.stagedesk.client.ClientQuery;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Display;
import dev.stagedesk.inquiry.QuoteDocuments;
import dev.stagedesk.inquiry.QuoteService;
import dev.stagedesk.invoice.BookingMoneyPane;
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
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.binding.BooleanExpression;
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
                       SettingsService settings, BookingQuotes quotes,
                       AttachmentService attachments, Function<UUID, List<AuditLine>> history,
                       Clock clock, AssignmentService assignments, AvailableQuery available,
                       BookingMoneyPane.Services money) {
    }

    private final StackPane root = new StackPane();
    private final BookingListViewModel vm;
    private final ListScreen<BookingRow> list;
    private final BookingDetailView detail;

    public BookingsScreen(Deps deps, UiContext ui) {
        BookingWork work = work(deps, ui);
        vm = new BookingListViewModel(deps.query(), work, Format.agencyZone());
        list = new ListScreen<>(tr("area.bookings"), "bookings", ui, vm.list());
        detail = new BookingDetailView(deps, ui, new BookingDetailViewModel(work, deps.clock()), this::showList);
        boolean all = ui.actor().can(Permission.BOOKINGS_VIEW_ALL);
        columns(all);
        filters(deps, ui, all);
        followSelection();
        var t = list.table();
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
            actions(deps, ui);
        }
        ui.tasks().run(() -> deps.settings().agency().map(a -> a.timeZone()).orElse(ZoneOffset.UTC),
                vm::zone, ui.errors());
        detail.setVisible(false);
        root.getChildren().addAll(list.node(), detail);
    }

    /** What the booking view models work with, from the screen's dependencies and the window's context. */
    static BookingWork work(Deps deps, UiContext ui) {
        return new BookingWork(deps.service(), deps.detail(), deps.assignments(), deps.bus(), ui.actor(), ui.tasks(),
                ui.errors(), ui.amounts());
    }

    private void columns(boolean all) {
        var t = list.table();
        t.column(tr("booking.number"), "number", BookingRow::number, 130);
        t.column(tr("booking.status"), "status", r -> Display.label(r.status()), 100);
        t.column(tr("booking.date"), "date", r -> Format.dateTime(r.startsAt(), r.timeZone()), 180);
        t.column(tr("booking.title"), "title", BookingRow::title, 260);
        t.column(tr("booking.venue"), "venue", r -> Format.text(r.venueName()), 200);
        t.column(tr("booking.city"), null, r -> Format.text(r.city()), 110);
        if (all) {
            t.numberColumn(tr("booking.fee"), "fee", r -> Format.money(r.feeMinor(), r.currency()), 130);
            t.column(tr("booking.payment"), null, r -> r.paymentState() == null ? "" : Display.label(r.paymentState()), 110);
        }
    }

    /** The table's selection is the view model's, both ways: a reload selects the acted-on row again. */
    private void followSelection() {
        var selection = list.table().table().getSelectionModel();
        selection.selectedItemProperty().addListener((o, was, row) -> vm.select(row));
        vm.selectedProperty().addListener((o, was, row) -> {
            if (row != null && row != selection.getSelectedItem()) {
                selection.select(row);
            }
        });
    }

    private void actions(Deps deps, UiContext ui) {
        var t = list.table();
        Label message = t.message();
        message.setId("bookingMessage");
        vm.messageProperty().addListener((o, was, text) -> message.setText(text));
        BookingActions act = new BookingActions(deps.service(), deps.bus(), ui, list.node(),
                () -> BookingActions.Target.of(vm.selected()),
                text -> vm.changed(text, vm.selected() == null ? null : vm.selected().id()));
        t.addTools(list.actionButton("newBooking", tr("booking.new"), () -> BookingForms.openNew(deps, ui,
                        list.node(), vm::created), false),
                button("confirmBooking", tr("booking.confirm"), vm::confirm, vm.confirmableProperty()),
                button("cancelBooking", tr("booking.cancel"), () -> {
                    BookingFormViewModel.Cancel cancel = vm.cancel();
                    BookingActions.openCancel(list.node(), cancel, text -> vm.changed(text, cancel.id()));
                }, vm.cancellableProperty()),
                list.actionButton("bookingHolds", tr("booking.holds"), act::openHolds, true));
    }

    private static Button button(String id, String text, Runnable action, BooleanExpression applies) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            if (applies.get()) {
                action.run();
            }
        });
        b.disableProperty().bind(applies.not());
        return b;
    }

    private void filters(Deps deps, UiContext ui, boolean all) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(ListScreen.enumChoice("bookingsStatus", BookingListViewModel.STATUSES,
                vm.status, tr("filter.anyStatus")));
        if (all) {
            nodes.add(ListScreen.enumChoice("bookingsPayment",
                    BookingListViewModel.PAYMENT_STATES, vm.payment, tr("filter.anyPayment")));
        }
        DatePicker fromPicker = new DateField();
        fromPicker.setId("bookingsFrom");
        fromPicker.setPromptText(tr("filter.from"));
        fromPicker.setPrefWidth(130);
        fromPicker.valueProperty().bindBidirectional(vm.from);
        DatePicker toPicker = new DateField();
        toPicker.setId("bookingsTo");
        toPicker.setPromptText(tr("filter.to"));
        toPicker.setPrefWidth(130);
        toPicker.valueProperty().bindBidirectional(vm.to);
        nodes.add(fromPicker);
        nodes.add(toPicker);
        if (all) {
            nodes.add(BookingFilterFields.client("bookingsClient", deps.clients(), ui, vm.client));
            nodes.add(BookingFilterFields.venue("bookingsVenue", deps.venues(), vm.venue));
            nodes.add(BookingFilterFields.performer("bookingsPerformer", deps.performers(), ui, vm.performer));
        }
        Button clear = new Button(tr("filter.clear"));
        clear.setId("bookingsClearFilters");
        clear.setOnAction(e -> vm.clearFilters());
        nodes.add(clear);
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
        vm.reload();
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
            detail.reload();
        } else {
            vm.reload();
        }
    }
}
