package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.command.Command;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One booking's screen, without its controls: the detail as it was loaded (with the booking's version), the status
 * steps and what applies to it now, and the sheets that change it (edit, reschedule, cancel, radius, an assignment).
 * Every command sends the version the detail or the sheet was loaded with; a change someone saved meanwhile is
 * refused with who and when, as a {@link dev.stagedesk.ui.ReloadOffer} that loads the detail again. Tested without
 * a toolkit ({@link dev.stagedesk.ui.TaskRunner#direct()}).
 */
public final class BookingDetailViewModel {
    private final BookingWork work;
    private final ReadOnlyObjectWrapper<BookingDetail> detail = new ReadOnlyObjectWrapper<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper changeable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper confirmable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper completable = new ReadOnlyBooleanWrapper();

    /** {@code clock}: Complete applies once the booking has ended. */
    public BookingDetailViewModel(BookingWork work, Clock clock) {
        this.work = work;
        detail.addListener((o, was, d) -> {
            BookingStatus status = d == null ? null : d.booking().status();
            changeable.set(status != null && status.isOpen());
            confirmable.set(status == BookingStatus.HOLD);
            completable.set(status == BookingStatus.CONFIRMED && d.booking().endsAt().isBefore(clock.instant()));
        });
    }

    /** The detail as last loaded; null before the first load. */
    public ReadOnlyObjectProperty<BookingDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public BookingDetail detail() {
        return detail.get();
    }

    /** The booking as last loaded, with the version the status steps send. */
    public Booking booking() {
        return detail.get() == null ? null : detail.get().booking();
    }

    public UUID shownId() {
        return booking() == null ? null : booking().id();
    }

    /** What the screen says after an action ("Booking BK-… confirmed"). */
    public StringProperty messageProperty() {
        return message;
    }

    /** Hold or confirmed: edit, reschedule, cancel, radius, assignments apply. */
    public ReadOnlyBooleanProperty changeableProperty() {
        return changeable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty confirmableProperty() {
        return confirmable.getReadOnlyProperty();
    }

    /** Confirmed and over. */
    public ReadOnlyBooleanProperty completableProperty() {
        return completable.getReadOnlyProperty();
    }

    /** Loads the booking's detail (a new one, or the shown one again). */
    public void show(UUID id) {
        work.tasks().run(() -> work.details().load(work.actor(), id), detail::set, work.errors());
    }

    /** Loads the shown booking again: its current state and version. */
    public void reload() {
        if (shownId() != null) {
            show(shownId());
        }
    }

    /** After a change made here (a sheet saved): says so and loads the booking again. */
    public void changed(String text) {
        if (text != null && !text.isEmpty()) {
            message.set(text);
        }
        reload();
    }

    public void confirm() {
        Booking b = booking();
        run(new BookingService.ConfirmBooking(b.id(), b.version()), saved -> tr("booking.confirmed", saved.number()));
    }

    public void complete() {
        Booking b = booking();
        run(new BookingService.CompleteBooking(b.id(), b.version()), saved -> tr("booking.completed", saved.number()));
    }

    private void run(Command<Booking> command, Function<Booking, String> says) {
        work.tasks().run(() -> work.bus().execute(work.actor(), command), saved -> changed(says.apply(saved)),
                work.errors(this::reload));
    }

    /** The edit sheet, holding the booking's version as shown. */
    public BookingFormViewModel.Edit edit() {
        return new BookingFormViewModel.Edit(work, booking());
    }

    public BookingFormViewModel.Reschedule reschedule() {
        return new BookingFormViewModel.Reschedule(work, booking());
    }

    public BookingFormViewModel.Cancel cancel() {
        Booking b = booking();
        return new BookingFormViewModel.Cancel(work, b.id(), b.number(), b.currency(), b.version());
    }

    public BookingFormViewModel.Radius radius() {
        return new BookingFormViewModel.Radius(work, booking());
    }

    /** The sheet for one of the shown booking's assignments, holding that assignment's version as shown. */
    public AssignmentFormViewModel editAssignment(BookingDetail.AssignmentView assignment) {
        return new AssignmentFormViewModel(work, booking(), assignment);
    }

    /** Removes an assignment (no version: removing twice finds it gone) and loads the booking again. */
    public void removeAssignment(BookingDetail.AssignmentView a) {
        work.tasks().run(() -> work.bus().execute(work.actor(), new AssignmentService.RemoveAssignment(a.id())),
                ignored -> changed(tr("assignment.removed", a.performer())), work.errors(this::reload));
    }

    /** What a sheet's {@code save} hands on: the message, then the booking loaded again. */
    public Consumer<String> afterSave(Runnable close) {
        return text -> {
            close.run();
            changed(text);
        };
    }
}
