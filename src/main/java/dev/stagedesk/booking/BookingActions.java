package dev.stagedesk.booking;

import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.ui.FormDialog;
import dev.stagedesk.ui.FormGrid;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.Format;
import dev.stagedesk.ui.ModalHost;
import dev.stagedesk.ui.Styles;
import dev.stagedesk.ui.UiContext;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * What a coordinator does to one booking — confirm, complete, cancel, reschedule, edit, the holds sheet (release,
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

    void confirm() {
        UUID id = target.get().id();
        ui.tasks().run(() -> {
            Booking b = service.find(id);
            return bus.execute(ui.actor(), new BookingService.ConfirmBooking(b.id(), b.version()));
        }, b -> done.accept(tr("booking.confirmed", b.number())), ui.errors());
    }

    void complete() {
        UUID id = target.get().id();
        ui.tasks().run(() -> {
            Booking b = service.find(id);
            return bus.execute(ui.actor(), new BookingService.CompleteBooking(b.id(), b.version()));
        }, b -> done.accept(tr("booking.completed", b.number())), ui.errors());
    }

    void openCancel() {
        Target row = target.get();
        FormState state = new FormState(ui.tasks(), ui.errors());
        FormGrid grid = new FormGrid(state);
        TextField reason = grid.add(tr("booking.cancellationReason"), "reason", new TextField());
        TextField fee = grid.add(tr("booking.cancellationFee") + " (" + row.currency() + ")", "cancellationFee",
                new TextField());
        FormDialog.show(anchor, tr("booking.cancelTitle", row.number()), grid, state, close -> {
            Long feeMinor = null;
            if (!fee.getText().isBlank()) {
                try {
                    feeMinor = MoneyFormat.parse(fee.getText(), Currencies.require(row.currency()), ui.amounts());
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
                done.accept(tr("booking.cancelled", b.number()));
            });
        });
    }

    /** New date and times in the booking's own time zone; the old window goes to the history. */
    void openReschedule() {
        Target row = target.get();
        ui.tasks().run(() -> service.find(row.id()), b -> {
            ZoneId zone = ZoneId.of(b.timeZone());
            var start = b.startsAt().atZone(zone);
            var end = b.endsAt().atZone(zone);
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            DatePicker date = grid.add(tr("booking.date") + " (" + b.timeZone() + ")", "date",
                    new DatePicker(start.toLocalDate()));
            TextField from = grid.add(tr("inquiry.startTime"), "startsAt", new TextField(start.toLocalTime().toString()));
            TextField to = grid.add(tr("inquiry.endTime"), "endsAt", new TextField(end.toLocalTime().toString()));
            TextField reason = grid.add(tr("booking.rescheduleReason"), "reason", new TextField());
            FormDialog.show(anchor, tr("booking.rescheduleTitle", b.number()), grid, state, close -> {
                Validator v = new Validator();
                Instant[] window = Parse.window(date.getValue(), from.getText(), to.getText(), zone,
                        "startsAt", "endsAt", v);
                if (v.hasErrors()) {
                    state.show(v.errors());
                    return;
                }
                state.submit(() -> {
                    Booking now = service.find(b.id());
                    return bus.execute(ui.actor(), new BookingService.RescheduleBooking(now.id(), now.version(),
                            window[0], window[1], reason.getText()));
                }, saved -> {
                    close.run();
                    done.accept(tr("booking.rescheduled", saved.number()));
                });
            });
        }, ui.errors());
    }

    /** The radius clause: no other show of its performers within X km within Y days (both blank: none). */
    void openRadius() {
        Target row = target.get();
        ui.tasks().run(() -> service.find(row.id()), b -> {
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            TextField km = grid.add(tr("radius.km"), "radiusKm",
                    new TextField(b.radiusKm() == null ? "" : b.radiusKm().toString()));
            TextField days = grid.add(tr("radius.days"), "radiusDays",
                    new TextField(b.radiusDays() == null ? "" : b.radiusDays().toString()));
            FormDialog.show(anchor, tr("radius.title", b.number()), grid, state, close -> {
                Validator v = new Validator();
                Integer k = Parse.integer("radiusKm", km.getText(), v);
                Integer d = Parse.integer("radiusDays", days.getText(), v);
                if (v.hasErrors()) {
                    state.show(v.errors());
                    return;
                }
                state.submit(() -> service.setRadius(ui.actor(), b.id(), b.version(), k, d), saved -> {
                    close.run();
                    done.accept(tr(k == null ? "radius.cleared" : "radius.saved", saved.number()));
                });
            });
        }, ui.errors());
    }

    /** Title, fee, tax, contact on the day and notes of one booking. */
    void openEdit() {
        Target row = target.get();
        ui.tasks().run(() -> service.find(row.id()), b -> {
            var currency = Currencies.require(b.currency());
            FormState state = new FormState(ui.tasks(), ui.errors());
            FormGrid grid = new FormGrid(state);
            TextField title = grid.add(tr("booking.title"), "title", new TextField(b.title()));
            TextField fee = grid.add(tr("booking.fee") + " (" + b.currency() + ")", "fee",
                    new TextField(ui.amounts().input(b.feeMinor(), currency)));
            TextField tax = grid.add(tr("quote.taxRate"), "taxRate",
                    new TextField(Parse.percentText(b.taxRateBp())));
            TextField contact = grid.add(tr("booking.contactOnDay"), "contactOnDay", new TextField(
                    b.contactOnDay() == null ? "" : b.contactOnDay()));
            TextArea notes = grid.add(tr("booking.notes"), "notes",
                    new TextArea(b.notes() == null ? "" : b.notes()));
            notes.setPrefRowCount(3);
            FormDialog.show(anchor, tr("booking.editTitle", b.number()), grid, state, close -> {
                Validator v = new Validator();
                Long feeMinor = Parse.money("fee", fee.getText(), b.currency(), ui.amounts(), v);
                int bp = Parse.percentBp("taxRate", tax.getText(), v);
                if (feeMinor == null && !v.hasErrors()) {
                    v.add(new FieldError("fee", tr("validation.required")));
                }
                if (v.hasErrors()) {
                    state.show(v.errors());
                    return;
                }
                state.submit(() -> bus.execute(ui.actor(), new BookingService.UpdateBookingDetails(b.id(), b.version(),
                        title.getText(), feeMinor, bp, contact.getText(), notes.getText())), saved -> {
                    close.run();
                    done.accept(tr("booking.saved", saved.number()));
                });
            });
        }, ui.errors());
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
            Long feeMinor = Parse.money("fee", fee.getText(), row.currency(), ui.amounts(), v);
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
