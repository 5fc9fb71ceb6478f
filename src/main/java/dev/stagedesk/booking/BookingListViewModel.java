package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.payment.PaymentState;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.client.ClientRow;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.ui.PagedListViewModel;
import dev.stagedesk.venue.VenueRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The bookings list without its controls: the filters, the page (each row with the booking's version when it was
 * read), the selected row, the actions that apply to it and their messages. Confirm and cancel send the version of
 * the row as it was loaded, so a change someone saved meanwhile is refused with who and when, as a
 * {@link dev.stagedesk.ui.ReloadOffer} that reloads the page and selects the row again. Tested without a toolkit.
 */
public final class BookingListViewModel {
    public static final int PAGE_SIZE = 100;
    /** The statuses the status filter offers. */
    public static final List<BookingStatus> STATUSES = List.of(BookingStatus.values());
    /** The payment states the payment filter offers. */
    public static final List<PaymentState> PAYMENT_STATES = List.of(PaymentState.values());

    public final ObjectProperty<BookingStatus> status = new SimpleObjectProperty<>();
    public final ObjectProperty<PaymentState> payment = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    public final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    public final ObjectProperty<ClientRow> client = new SimpleObjectProperty<>();
    public final ObjectProperty<VenueRow> venue = new SimpleObjectProperty<>();
    public final ObjectProperty<PerformerChoice> performer = new SimpleObjectProperty<>();

    private final BookingWork work;
    private final PagedListViewModel<BookingRow> list;
    private final ObjectProperty<BookingRow> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding confirmable;
    private final BooleanBinding cancellable;
    private volatile ZoneId zone;
    private UUID reselect;

    /** {@code zone}: the agency's, in which the date filters' days begin ({@link #zone(ZoneId)} once it is read). */
    public BookingListViewModel(BookingQuery query, BookingWork work, ZoneId zone) {
        this.work = work;
        this.zone = zone;
        this.list = new PagedListViewModel<>(work.tasks(), PAGE_SIZE, r -> query.page(work.actor(), r, filter()),
                work.errors());
        for (ObjectProperty<?> p : List.of(status, payment, from, to, client, venue, performer)) {
            p.addListener((o, a, b) -> list.firstPage());
        }
        // after a load, the row that was acted on (or selected when the page was reloaded) is selected again,
        // as the new page has it: its new status and version
        list.loadingProperty().addListener((o, was, loading) -> {
            if (!loading && reselect != null) {
                UUID id = reselect;
                reselect = null;
                list.rows().stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(selected::set);
            }
        });
        confirmable = Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().status() == BookingStatus.HOLD, selected);
        cancellable = Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().status().isOpen(), selected);
    }

    public PagedListViewModel<BookingRow> list() {
        return list;
    }

    /** The agency's zone, once read. */
    public void zone(ZoneId zone) {
        this.zone = zone;
    }

    /** What the filters ask for: dates are whole days in the agency's zone. */
    public BookingFilter filter() {
        ZoneId z = zone;
        Instant a = from.get() == null ? null : from.get().atStartOfDay(z).toInstant();
        Instant b = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(z).toInstant();
        return new BookingFilter(status.get(), a, b, client.get() == null ? null : client.get().id(),
                venue.get() == null ? null : venue.get().id(), performer.get() == null ? null : performer.get().id(),
                payment.get(), null);
    }

    public void clearFilters() {
        status.set(null);
        payment.set(null);
        from.set(null);
        to.set(null);
        client.set(null);
        venue.set(null);
        performer.set(null);
    }

    /** The row the actions apply to, as the page was loaded (the table's selection). */
    public ReadOnlyObjectProperty<BookingRow> selectedProperty() {
        return selected;
    }

    public BookingRow selected() {
        return selected.get();
    }

    public void select(BookingRow row) {
        selected.set(row);
    }

    /** What the list says after an action. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Confirm applies to the selected row (a hold). */
    public BooleanBinding confirmableProperty() {
        return confirmable;
    }

    /** Cancel applies to the selected row (a hold or confirmed). */
    public BooleanBinding cancellableProperty() {
        return cancellable;
    }

    /** Loads the page again and selects the row that was selected, as it is now. */
    public void reload() {
        reloadSelecting(selected.get() == null ? null : selected.get().id());
    }

    private void reloadSelecting(UUID id) {
        reselect = id;
        list.reload();
    }

    /** After a change: says so and reloads the page, the changed booking selected. */
    public void changed(String text, UUID id) {
        message.set(text);
        reloadSelecting(id);
    }

    /** A new booking: says so, back to the first page. */
    public void created(String text) {
        message.set(text);
        list.firstPage();
    }

    /** Confirms the selected hold, with the version its row was loaded with. */
    public void confirm() {
        BookingRow row = selected.get();
        if (row == null || !confirmable.get()) {
            return;
        }
        work.tasks().run(() -> work.bus().execute(work.actor(),
                        new BookingService.ConfirmBooking(row.id(), row.version())),
                b -> changed(tr("booking.confirmed", b.number()), b.id()),
                work.errors(() -> reloadSelecting(row.id())));
    }

    /** The cancel sheet for the selected row, holding the version the row was loaded with. */
    public BookingFormViewModel.Cancel cancel() {
        BookingRow row = selected.get();
        return new BookingFormViewModel.Cancel(work, row.id(), row.number(), row.currency(), row.version());
    }
}
