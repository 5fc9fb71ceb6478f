package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sheets of what a coordinator does to one booking — cancel, reschedule, edit, radius (each over its
 * {@link BookingFormViewModel}, which holds the version the sheet opened with), the holds sheet (release,
 * challenge), and for a series: change or cancel all open ones together. Used by the list (the selected row) and
 * by the detail screen (the booking shown); {@code done} gets the message and refreshes the caller.
 */
final class BookingActions {
    /** The booking acted on, as the caller knows it. */
    record Target(UUID id, String number, String currency, String timeZone) {
        static Target of(BookingRow r) {
            return new Target(r.id(), r.number(), r.currency(), r.timeZone());
        }
    }

    private final BookingService service;
    private final CommandBus bus;
    private final UiContext ui;
    private final Node anchor;
    private final Supplier<Target> target;
    private final Consumer<String> done;

    BookingActions(BookingService service, CommandBus bus, UiContext ui, Node anchor,
                   Supplier<Target> target, Consumer<String> done) {
        this.service = service;
        this.bus = bus;
        this.ui = ui;
        this.anchor = anchor;
        this.target = target;
        this.done = done;
    }

    /** Cancels the booking the sheet holds (at the version it was opened with): reason and a cancellation fee. */
    static void openCancel(Node anchor, BookingFormViewModel.Cancel vm, Consumer<String> done) {
        FormGrid grid = new FormGrid(vm.state());
        bind(grid.add(tr("booking.cancellationReason"), "reason", new TextField()), vm.reason);
        bind(grid.add(tr("booking.cancellationFee") + " (" + vm.currency() + ")", "cancellationFee", new TextField()),
                vm.fee);
        show(anchor, tr("booking.cancelTitle", vm.number()), grid, vm, done);
    }

    /** New date and times in the booking's own time zone; the old window goes to the history. */
    static void openReschedule(Node anchor, BookingFormViewModel.Reschedule vm, Consumer<String> done) {
        FormGrid grid = new FormGrid(vm.state());
        DatePicker date = grid.add(tr("booking.date") + " (" + vm.zone().getId() + ")", "date", new DatePicker());
        date.valueProperty().bindBidirectional(vm.date);
        bind(grid.add(tr("inquiry.startTime"), "startsAt", new TextField()), vm.startsAt);
        bind(grid.add(tr("inquiry.endTime"), "endsAt", new TextField()), vm.endsAt);
        bind(grid.add(tr("booking.rescheduleReason"), "reason", new TextField()), vm.reason);
        show(anchor, tr("booking.rescheduleTitle", vm.number()), grid, vm, done);
    }

    /** The radius clause: no other show of its performers within X km within Y days (both blank: none). */
    static void openRadius(Node anchor, BookingFormViewModel.Radius vm, Consumer<String> done) {
        FormGrid grid = new FormGrid(vm.state());
        bind(grid.add(tr("radius.km"), "radiusKm", new TextField()), vm.km);
        bind(grid.add(tr("radius.days"), "radiusDays", new TextField()), vm.days);
        show(anchor, tr("radius.title", vm.number()), grid, vm, done);
    }

    /** Title, fee, tax, contact on the day and notes of one booking. */
    static void openEdit(Node anchor, BookingFormViewModel.Edit vm, Consumer<String> done) {
        FormGrid grid = new FormGrid(vm.state());
        bind(grid.add(tr("booking.title"), "title", new TextField()), vm.title);
        bind(grid.add(tr("booking.fee") + " (" + vm.currency() + ")", "fee", new TextField()), vm.fee);
        bind(grid.add(tr("quote.taxRate"), "taxRate", new TextField()), vm.taxRate);
        bind(grid.add(tr("booking.contactOnDay"), "contactOnDay", new TextField()), vm.contactOnDay);
        TextArea notes = grid.add(tr("booking.notes"), "notes", new TextArea());
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(vm.notes);
        show(anchor, tr("booking.editTitle", vm.number()), grid, vm, done);
    }

    /** The sheet around a booking form: Save runs the form's save; on success it closes and {@code done} runs. */
    private static void show(Node anchor, String title, FormGrid grid, BookingFormViewModel vm, Consumer<String> done) {
        FormDialog.show(anchor, title, grid, vm.state(), close -> vm.save(text -> {
            close.run();
            done.accept(text);
        }));
    }

    static void bind(TextField field, StringProperty value) {
        field.textProperty().bindBidirectional(value);
    }

    /** Changes every open booking of the series: start time, length, fee, contact, notes (blank keeps each one's). */
    void openSeriesEdit(UUID seriesId, String description) {
        Target row = target.get();
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        Label about = grid.add("", "about", new Label(tr("series.editHint", description)));
        about.setWrapText(true);
        TextField start = grid.add(tr("inquiry.startTime"), "startTime", new TextField());
        TextField length = grid.add(tr("package.durationHint"), "duration", new TextField());
        TextField fee = grid.add(tr("booking.fee") + " (" + row.currency() + ")", "fee", new TextField());
        TextField contact = grid.add(tr("booking.contactOnDay"), "contactOnDay", new TextField());
        TextField notes = grid.add(tr("booking.notes"), "notes", new TextField());
        FormDialog.show(anchor, tr("series.editTitle"), grid, state, close -> {
            Validator v = new Validator();
            LocalTime time = start.getText().isBlank() ? null
                    : Parse.time("startTime", start.getText(), v);
            Integer minutes = Parse.minutes("duration", length.getText(), v);
            Long feeMinor = MoneyParse.money("fee", fee.getText(), row.currency(), ui.amounts(), v);
            if (v.hasErrors()) {
                state.show(v.errors());
                return;
            }
            state.submit(() -> bus.execute(ui.actor(), new BookingService.UpdateSeries(seriesId, null, feeMinor, null,
                    blankToNull(contact.getText()), blankToNull(notes.getText()), time, minutes)), changed -> {
                close.run();
                done.accept(tr("series.changed", changed.size()));
            });
        });
    }

    void openSeriesCancel(UUID seriesId, String description) {
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        Label about = grid.add("", "about", new Label(description));
        about.setWrapText(true);
        TextField reason = grid.add(tr("booking.cancellationReason"), "reason", new TextField());
        FormDialog.show(anchor, tr("series.cancelTitle"), grid, state, close -> state.submit(() -> bus.execute(
                ui.actor(), new BookingService.CancelSeries(seriesId, reason.getText())), cancelled -> {
                    close.run();
                    done.accept(tr("series.cancelled", cancelled.size()));
                }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    void openHolds() {
        Target row = target.get();
        ui.tasks().run(() -> service.holds(row.id()), holds -> {
            ModalHost host = ModalHost.of(anchor);
            Label heading = new Label(tr("booking.holdsOf", row.number()));
            heading.getStyleClass().add(Styles.SCREEN_TITLE);
            TableView<BookingService.HoldView> table = new TableView<>();
            table.setId("holdsTable");
            table.setPrefHeight(200);
            BookingDetailView.col(table, tr("hold.performer"), h -> h.performer() == null ? tr("hold.noPerformer") : h.performer(), 150);
            BookingDetailView.col(table, tr("hold.rank"), h -> Integer.toString(h.rank()), 150);
            BookingDetailView.col(table, tr("hold.statusColumn"), h -> Display.label(h.status()), 150);
            BookingDetailView.col(table, tr("hold.expires"), h -> Format.dateTime(h.expiresAt(), row.timeZone()), 150);
            BookingDetailView.col(table, tr("hold.deadline"), h -> h.decisionDeadline() == null ? ""
                    : Format.dateTime(h.decisionDeadline(), row.timeZone()), 150);
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
                done.accept("");
            });
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
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

    private void act(Command<?> command, Label result, String ok, Runnable refresh) {
        ui.tasks().run(() -> bus.execute(ui.actor(), command), r -> {
            result.setText(ok);
            refresh.run();
        }, e -> {
            if (e instanceof UserFacingException) {
                result.setText(e.getMessage());
            } else {
                ui.errors().accept(e);
            }
        });
    }

}
