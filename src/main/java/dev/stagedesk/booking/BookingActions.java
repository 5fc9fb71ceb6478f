package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ListScreen;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.UiContext;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Confirm, cancel and the holds of the selected booking (release, challenge), for coordinators and admins. */
final class BookingActions {
    private final BookingService service;
    private final CommandBus bus;
    private final UiContext ui;
    private final ListScreen<BookingRow> screen;
    private final Label message = new Label();

    BookingActions(BookingService service, CommandBus bus, UiContext ui, ListScreen<BookingRow> screen) {
        this.service = service;
        this.bus = bus;
        this.ui = ui;
        this.screen = screen;
    }

    void install() {
        message.setId("bookingMessage");
        screen.table().addTools(screen.actionButton("confirmBooking", tr("booking.confirm"), this::confirm, true),
                screen.actionButton("cancelBooking", tr("booking.cancel"), this::openCancel, true),
                screen.actionButton("bookingHolds", tr("booking.holds"), this::openHolds, true), message);
    }

    private BookingRow selected() {
        return screen.table().table().getSelectionModel().getSelectedItem();
    }

    private void done(String text) {
        message.setText(text);
        screen.table().viewModel().reload();
    }

    private void confirm() {
        UUID id = selected().id();
        ui.tasks().run(() -> {
            Booking b = service.find(id);
            return bus.execute(ui.actor(), new BookingService.ConfirmBooking(b.id(), b.version()));
        }, b -> done(tr("booking.confirmed", b.number())), ui.errors());
    }

    private void openCancel() {
        BookingRow row = selected();
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("booking.cancellationReason"), "reason", new TextField());
        TextField fee = grid.add(tr("booking.cancellationFee") + " (" + row.currency() + ")", "cancellationFee",
                new TextField());
        FormDialog.show(screen.node(), tr("booking.cancelTitle", row.number()), grid, state, close -> {
            Long feeMinor = null;
            if (!fee.getText().isBlank()) {
                try {
                    feeMinor = MoneyFormat.parse(fee.getText(), Currencies.require(row.currency()));
                } catch (IllegalArgumentException e) {
                    state.show(List.of(new FieldError("cancellationFee", e.getMessage())));
                    return;
                }
            }
            Long chosenFee = feeMinor;
            state.submit(() -> {
                Booking b = service.find(row.id());
                return bus.execute(ui.actor(), new BookingService.CancelBooking(b.id(), b.version(), reason.getText(),
                        chosenFee));
            }, b -> {
                close.run();
                done(tr("booking.cancelled", b.number()));
            });
        });
    }

    private void openHolds() {
        BookingRow row = selected();
        ui.tasks().run(() -> service.holds(row.id()), holds -> {
            ModalHost host = ModalHost.of(screen.node());
            Label heading = new Label(tr("booking.holdsOf", row.number()));
            heading.getStyleClass().add(dev.stagedesk.ui.Styles.SCREEN_TITLE);
            TableView<BookingService.HoldView> table = new TableView<>();
            table.setId("holdsTable");
            table.setPrefHeight(200);
            column(table, tr("hold.performer"), h -> h.performer() == null ? tr("hold.noPerformer") : h.performer());
            column(table, tr("hold.rank"), h -> Integer.toString(h.rank()));
            column(table, tr("hold.statusColumn"), h -> Format.enumLabel(h.status()));
            column(table, tr("hold.expires"), h -> Format.dateTime(h.expiresAt(), row.timeZone()));
            column(table, tr("hold.deadline"), h -> h.decisionDeadline() == null ? ""
                    : Format.dateTime(h.decisionDeadline(), row.timeZone()));
            table.getItems().setAll(holds);
            Label result = new Label();
            result.setId("holdResult");
            result.setWrapText(true);
            Button release = new Button(tr("hold.release"));
            release.setId("releaseHold");
            Button challenge = new Button(tr("hold.challenge"));
            challenge.setId("challengeHold");
            var none = table.getSelectionModel().selectedItemProperty().isNull();
            release.disableProperty().bind(none);
            challenge.disableProperty().bind(none);
            Runnable refresh = () -> ui.tasks().run(() -> service.holds(row.id()), table.getItems()::setAll, ui.errors());
            release.setOnAction(e -> act(new BookingService.ReleaseHold(table.getSelectionModel().getSelectedItem().id()),
                    result, tr("hold.released"), refresh));
            challenge.setOnAction(e -> act(new BookingService.ChallengeHold(table.getSelectionModel().getSelectedItem()
                    .id()), result, tr("hold.challengedDone"), refresh));
            Button close = new Button(tr("action.close"));
            close.setId("closeHolds");
            close.setCancelButton(true);
            close.setOnAction(e -> {
                host.close();
                screen.table().viewModel().reload();
            });
            Region grow = new Region();
            HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
            HBox buttons = new HBox(8, release, challenge, grow, close);
            buttons.setAlignment(Pos.CENTER_LEFT);
            VBox sheet = new VBox(12, heading, table, result, buttons);
            sheet.setId("holdsSheet");
            sheet.getStyleClass().add("modal-sheet");
            sheet.setPadding(new Insets(18));
            sheet.setMaxWidth(820);
            sheet.setMaxHeight(Region.USE_PREF_SIZE);
            host.open(sheet);
        }, ui.errors());
    }

    private void act(dev.stagedesk.command.Command<?> command, Label result, String ok, Runnable refresh) {
        ui.tasks().run(() -> bus.execute(ui.actor(), command), r -> {
            result.setText(ok);
            refresh.run();
        }, e -> {
            if (e instanceof dev.stagedesk.common.UserFacingException) {
                result.setText(e.getMessage());
            } else {
                ui.errors().accept(e);
            }
        });
    }

    private static void column(TableView<BookingService.HoldView> table, String title,
                               java.util.function.Function<BookingService.HoldView, String> value) {
        TableColumn<BookingService.HoldView, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(150);
        table.getColumns().add(c);
    }
}
