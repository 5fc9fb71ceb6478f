package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.attachment.AttachmentsPane;
import dev.stagedesk.common.Display;
import dev.stagedesk.invoice.InvoiceDocuments;
import dev.stagedesk.payment.BookingMoney;
import dev.stagedesk.invoice.BookingMoneyPane;
import dev.stagedesk.security.Permission;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.HistoryList;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One booking on its own screen: a header with its number, status and actions, and tabs — overview, performers
 * (assignments and holds), payments, documents (the quotes it was won with), notes and attachments, history.
 */
final class BookingDetailView extends BorderPane {
    private final BookingsScreen.Deps deps;
    private final UiContext ui;
    private final BookingDetailViewModel vm;
    private final Runnable back;
    private final Label message = new Label();
    private BookingDetail shown;

    BookingDetailView(BookingsScreen.Deps deps, UiContext ui, BookingDetailViewModel vm, Runnable back) {
        this.deps = deps;
        this.ui = ui;
        this.vm = vm;
        this.back = back;
        setId("bookingDetail");
        getStyleClass().add(Styles.SCREEN);
        message.setId("bookingDetailMessage");
        Styles.fitMessage(message);
        message.textProperty().bind(vm.messageProperty());
        // drawn on each load (a new detail each time, even when nothing changed)
        vm.detailProperty().addListener((Observable o) -> render(vm.detail()));
    }

    UUID shownId() {
        return vm.shownId();
    }

    void show(UUID id) {
        vm.show(id);
    }

    /** Loads the shown booking again. */
    void reload() {
        vm.reload();
    }

    private void render(BookingDetail d) {
        // drawn again after each change: stay on the tab the user was on
        String wasOn = shown != null && shown.booking().id().equals(d.booking().id())
                && getCenter() instanceof TabPane before && before.getSelectionModel().getSelectedItem() != null
                ? before.getSelectionModel().getSelectedItem().getId() : null;
        shown = d;
        Booking b = d.booking();
        Button backButton = new Button(tr("booking.backToList"));
        backButton.setId("backToBookings");
        backButton.setOnAction(e -> back.run());
        Label title = new Label(b.number() + " — " + b.title());
        title.setId("bookingDetailTitle");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        title.setWrapText(true);
        Label status = new Label(Display.label(b.status()));
        status.setId("bookingDetailStatus");
        status.getStyleClass().add("status-badge");
        HBox heading = new HBox(12, backButton, title, status);
        heading.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, heading);
        if (ui.actor().can(Permission.BOOKINGS_EDIT)) {
            top.getChildren().add(actions(d));
        }
        top.getChildren().add(message);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        TabPane tabs = new TabPane();
        tabs.setId("bookingTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("overviewTab", tr("booking.tab.overview"), overview(d)));
        tabs.getTabs().add(tab("performersTab", tr("booking.tab.performers"), performers(d)));
        if (ui.actor().can(Permission.PAYMENTS_VIEW)) {
            tabs.getTabs().add(tab("paymentsTab", tr("booking.tab.payments"), payments(d)));
        }
        if (ui.actor().can(Permission.BOOKINGS_VIEW_ALL)) {
            tabs.getTabs().add(tab("documentsTab", tr("booking.tab.documents"), documents(d)));
            tabs.getTabs().add(tab("notesTab", tr("booking.tab.notes"), notes(d)));
            HistoryList history = new HistoryList(b.id(), deps.history(), ui);
            tabs.getTabs().add(tab("historyTab", tr("booking.tab.history"), history));
        }
        tabs.getTabs().stream().filter(t -> t.getId().equals(wasOn)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        setCenter(tabs);
    }

    private HBox actions(BookingDetail d) {
        Booking b = d.booking();
        BookingActions act = new BookingActions(deps.service(), deps.bus(), ui, this,
                () -> new BookingActions.Target(b.id(), b.number(), b.currency(), b.timeZone()), vm::changed);
        var changeable = vm.changeableProperty();
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().add(button("detailEdit", tr("action.edit"),
                () -> BookingActions.openEdit(this, vm.edit(), vm::changed), changeable));
        box.getChildren().add(button("detailReschedule", tr("booking.reschedule"),
                () -> BookingActions.openReschedule(this, vm.reschedule(), vm::changed), changeable));
        box.getChildren().add(button("detailConfirm", tr("booking.confirm"), vm::confirm, vm.confirmableProperty()));
        box.getChildren().add(button("detailComplete", tr("booking.complete"), vm::complete,
                vm.completableProperty()));
        box.getChildren().add(button("detailCancel", tr("booking.cancel"),
                () -> BookingActions.openCancel(this, vm.cancel(), vm::changed), changeable));
        box.getChildren().add(button("detailHolds", tr("booking.holds"), act::openHolds, true));
        box.getChildren().add(button("detailRadius", tr("radius.button"),
                () -> BookingActions.openRadius(this, vm.radius(), vm::changed), changeable));
        if (d.seriesId() != null) {
            box.getChildren().add(button("seriesEdit", tr("series.editAll"),
                    () -> act.openSeriesEdit(d.seriesId(), d.seriesDescription()), true));
            box.getChildren().add(button("seriesCancel", tr("series.cancelAll"),
                    () -> act.openSeriesCancel(d.seriesId(), d.seriesDescription()), true));
        }
        return box;
    }

    private static Button button(String id, String text, Runnable action, ObservableBooleanValue enabled) {
        Button b = button(id, text, action, true);
        b.disableProperty().bind(Bindings.not(enabled));
        return b;
    }

    private static Button button(String id, String text, Runnable action, boolean enabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setDisable(!enabled);
        return b;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        if (content instanceof Region r) {
            r.setPadding(new Insets(12, 4, 4, 4));
        }
        return t;
    }

    private GridPane overview(BookingDetail d) {
        Booking b = d.booking();
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(6);
        int[] row = {0};
        BiConsumer<String, String> fact = (label, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            Label l = new Label(label);
            l.getStyleClass().add("text-muted");
            Label v = new Label(value);
            v.setWrapText(true);
            v.setId("fact-" + label.replaceAll("[^A-Za-z]", ""));
            g.add(l, 0, row[0]);
            g.add(v, 1, row[0]++);
        };
        fact.accept(tr("booking.client"), d.clientName() + (d.clientEmail() == null ? "" : " · " + d.clientEmail())
                + (d.clientPhone() == null ? "" : " · " + d.clientPhone()));
        fact.accept(tr("booking.when"), Format.dateTime(b.startsAt(), b.timeZone()) + " – "
                + Format.dateTime(b.endsAt(), b.timeZone()) + " (" + b.timeZone() + ")");
        fact.accept(tr("booking.venue"), d.venueName() == null ? null
                : d.venueName() + (d.venueAddress() == null || d.venueAddress().isBlank() ? "" : ", " + d.venueAddress()));
        fact.accept(tr("quote.package"), d.packageName());
        fact.accept(tr("booking.series"), d.seriesDescription());
        if (d.totalMinor() != null) {
            fact.accept(tr("booking.fee"), Format.money(b.feeMinor(), b.currency()) + " + "
                    + Format.percent(b.taxRateBp()) + " " + tr("booking.taxWord") + " = "
                    + Format.money(d.totalMinor(), b.currency()));
            fact.accept(tr("booking.payment"), Display.label(d.paymentState()) + " · "
                    + tr("booking.paidOf", Format.money(d.paidMinor(), b.currency()),
                    Format.money(d.totalMinor(), b.currency())));
        }
        fact.accept(tr("booking.slots"), Integer.toString(b.slotsNeeded()));
        fact.accept(tr("radius.fact"), b.radiusClause() == null ? null : b.radiusClause().text());
        fact.accept(tr("booking.contactOnDay"), b.contactOnDay());
        fact.accept(tr("booking.cancellationReason"), b.cancellationReason());
        if (b.cancellationFeeMinor() != null) {
            fact.accept(tr("booking.cancellationFee"), Format.money(b.cancellationFeeMinor(), b.currency()));
        }
        for (BookingDetail.ScheduleChange c : d.scheduleChanges()) {
            fact.accept(tr("booking.rescheduledOn", Format.dateTime(c.changedAt(), b.timeZone())),
                    tr("booking.rescheduledFrom", Format.dateTime(c.oldStartsAt(), b.timeZone()),
                            Format.dateTime(c.newStartsAt(), b.timeZone()))
                            + (c.reason() == null ? "" : " — " + c.reason()));
        }
        return g;
    }

    private VBox performers(BookingDetail d) {
        String zone = d.booking().timeZone();
        TableView<BookingDetail.AssignmentView> assigned = new TableView<>();
        assigned.setId("assignmentsTable");
        col(assigned, tr("hold.performer"), BookingDetail.AssignmentView::performer, 180);
        col(assigned, tr("assignment.role"), BookingDetail.AssignmentView::role, 140);
        col(assigned, tr("assignment.callTime"), a -> a.callTime() == null ? "" : Format.dateTime(a.callTime(), zone), 170);
        col(assigned, tr("assignment.payout"), a -> Format.money(a.payoutMinor(), a.currency()), 120);
        col(assigned, tr("assignment.payoutStatus"), a -> Display.label(a.payoutStatus()), 110);
        col(assigned, tr("performer.commission"), a -> a.commissionBp() == null ? "" : Format.percent(a.commissionBp()), 100);
        assigned.getItems().setAll(d.assignments());
        assigned.setPlaceholder(new Label(tr("booking.noAssignments")));
        assigned.setPrefHeight(180);
        assigned.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        AssignmentForms forms = new AssignmentForms(deps, ui, this, vm::changed);
        Booking b = d.booking();
        boolean open = vm.changeableProperty().get();
        HBox tools = new HBox(8);
        tools.setAlignment(Pos.CENTER_LEFT);
        var chosen = assigned.getSelectionModel().getSelectedItems();
        if (ui.actor().can(Permission.BOOKINGS_EDIT)) {
            tools.getChildren().add(button("assignPerformer", tr("assignment.assign"), () -> forms.openAssign(b), open));
            Button remove = button("removeAssignment", tr("assignment.remove"),
                    () -> vm.removeAssignment(assigned.getSelectionModel().getSelectedItem()), true);
            remove.disableProperty().bind(Bindings.size(chosen).isNotEqualTo(1));
            Button edit = button("editAssignment", tr("action.edit"),
                    () -> forms.openEdit(vm.editAssignment(assigned.getSelectionModel().getSelectedItem())), true);
            edit.disableProperty().bind(Bindings.createBooleanBinding(() -> chosen.size() != 1
                    || chosen.get(0).payoutMinor() == null, chosen));
            tools.getChildren().addAll(edit, remove);
        }
        if (ui.actor().can(Permission.PAYOUTS_EDIT)) {
            Button paid = button("markPayoutsPaid", tr("payout.markPaid"),
                    () -> forms.openMarkPaid(List.copyOf(chosen)), true);
            paid.disableProperty().bind(Bindings.createBooleanBinding(() -> chosen.isEmpty()
                    || chosen.stream().anyMatch(a -> a.payoutStatus() != PayoutStatus.UNPAID), chosen));
            tools.getChildren().add(paid);
        }
        TableView<BookingService.HoldView> holds = new TableView<>();
        holds.setId("detailHoldsTable");
        col(holds, tr("hold.performer"), h -> h.performer() == null ? tr("hold.noPerformer") : h.performer(), 180);
        col(holds, tr("hold.rank"), h -> Integer.toString(h.rank()), 70);
        col(holds, tr("hold.statusColumn"), h -> Display.label(h.status()), 100);
        col(holds, tr("hold.expires"), h -> Format.dateTime(h.expiresAt(), zone), 170);
        col(holds, tr("hold.deadline"), h -> h.decisionDeadline() == null ? "" : Format.dateTime(h.decisionDeadline(), zone), 170);
        holds.getItems().setAll(d.holds());
        holds.setPlaceholder(new Label(tr("booking.noHolds")));
        holds.setPrefHeight(150);
        return new VBox(8, section(tr("booking.assigned")), tools, assigned, section(tr("booking.holdsHeading")), holds);
    }

    private Node payments(BookingDetail d) {
        // scrolls when the window is short (1280×720): the ledger and the invoices are below the summary
        ScrollPane scroll = new ScrollPane(
                new BookingMoneyPane(d.booking().id(), deps.money(), ui, vm::changed));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private VBox documents(BookingDetail d) {
        ListView<BookingQuotes.Version> quotes = new ListView<>();
        quotes.setId("bookingDocuments");
        quotes.setPlaceholder(new Label(tr("booking.noDocuments")));
        quotes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BookingQuotes.Version q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : tr("quote.title") + " " + q.reference() + " · "
                        + q.statusLabel() + " · " + Format.money(q.totalMinor(), q.currency()));
            }
        });
        if (d.booking().inquiryId() != null) {
            ui.tasks().run(() -> deps.quotes().versions(ui.actor(), d.booking().inquiryId()), quotes.getItems()::setAll,
                    ui.errors());
        }
        Button save = new Button(tr("quote.savePdf"));
        save.setId("documentSavePdf");
        save.disableProperty().bind(quotes.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> {
            BookingQuotes.Version q = quotes.getSelectionModel().getSelectedItem();
            ui.saveDialog().ask(this, tr("quote.savePdf"), q.fileName(), "pdf").ifPresent(file ->
                    ui.tasks().run(() -> {
                        deps.quotes().savePdf(ui.actor(), q.id(), file);
                        return file;
                    }, x -> vm.messageProperty().set(tr("quote.pdfSaved", file.getFileName())), ui.errors()));
        });
        Label later = new Label(tr("booking.documentsHint"));
        later.getStyleClass().add("text-muted");
        later.setWrapText(true);
        VBox box = new VBox(8, quotes, new HBox(8, save), later);
        if (ui.actor().can(Permission.PAYMENTS_VIEW)) {
            box.getChildren().addAll(section(tr("money.invoices")), invoiceDocuments(d));
        }
        return box;
    }

    /** The booking's issued invoices and credit notes (drafts have no document yet), each saved as its PDF. */
    private VBox invoiceDocuments(BookingDetail d) {
        ListView<BookingMoney.Invoice> invoices = new ListView<>();
        invoices.setId("bookingInvoiceDocuments");
        invoices.setPrefHeight(140);
        invoices.setPlaceholder(new Label(tr("money.noInvoices")));
        invoices.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(BookingMoney.Invoice i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : Display.label(i.kind())
 + " " + i.number() + " · "
                        + Format.date(i.issueDate()) + " · " + Format.money(i.totalMinor(), i.currency()));
            }
        });
        UUID bookingId = d.booking().id();
        ui.tasks().run(() -> deps.money().load().apply(bookingId).invoices().stream()
                .filter(i -> i.number() != null).toList(), invoices.getItems()::setAll, ui.errors());
        Button save = new Button(tr("money.savePdf"));
        save.setId("documentSaveInvoicePdf");
        save.disableProperty().bind(invoices.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> {
            var inv = invoices.getSelectionModel().getSelectedItem();
            ui.saveDialog().ask(this, tr("money.savePdf"),
                    InvoiceDocuments.fileName(inv.number(), inv.id()), "pdf").ifPresent(file ->
                    ui.tasks().run(() -> {
                        deps.money().documents().save(ui.actor(), inv.id(), file);
                        return file;
                    }, x -> vm.messageProperty().set(tr("quote.pdfSaved", file.getFileName())), ui.errors()));
        });
        return new VBox(8, invoices, new HBox(8, save));
    }

    private VBox notes(BookingDetail d) {
        Booking b = d.booking();
        Label notes = new Label(b.notes() == null || b.notes().isBlank() ? tr("booking.noNotes") : b.notes());
        notes.setId("bookingNotes");
        notes.setWrapText(true);
        var files = new AttachmentsPane(deps.attachments(), ui, BookingService.ENTITY, b.id(),
                b.timeZone(), ui.actor().can(Permission.BOOKINGS_EDIT), vm.messageProperty()::set);
        return new VBox(8, section(tr("booking.notes")), notes, section(tr("attachment.heading")), files);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    static <T> void col(TableView<T> table, String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
    }
}
