package dev.stagedesk.booking;

import dev.stagedesk.money.MoneyParse;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.ui.FormState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A sheet that changes one booking: edit details, reschedule, cancel, radius clause. It holds the booking's version
 * from when the sheet opened and its save sends that version, so a change someone saved meanwhile is refused with
 * who saved it and when; the sheet's Reload link ({@link FormState#reload()}) reads the booking as stored now, fills
 * the fields with it and takes its version, keeping the sheet open. No scene graph: tested without a toolkit.
 */
public abstract sealed class BookingFormViewModel permits BookingFormViewModel.Edit, BookingFormViewModel.Reschedule,
        BookingFormViewModel.Cancel, BookingFormViewModel.Radius {
    protected final BookingWork work;
    private final FormState state;
    private final UUID id;
    private String number;
    private String currency;
    private int version;

    private BookingFormViewModel(BookingWork work, UUID id, String number, String currency, int version) {
        this.work = work;
        this.id = id;
        this.number = number;
        this.currency = currency;
        this.version = version;
        this.state = new FormState(work.tasks(), work.errors());
        state.onStale(this::reload);
    }

    public FormState state() {
        return state;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public String currency() {
        return currency;
    }

    /** The booking's version the next save sends: from when the sheet opened, or from the last reload. */
    public int version() {
        return version;
    }

    /** Reads the booking as stored now, takes its version and fills the fields with its values. */
    public void reload() {
        work.tasks().run(() -> work.service().find(id), this::adopt, work.errors());
    }

    private void adopt(Booking b) {
        number = b.number();
        currency = b.currency();
        version = b.version();
        fill(b);
    }

    /** Puts the booking's stored values into the fields (what the sheet opens with, and what Reload shows). */
    protected abstract void fill(Booking b);

    /** Checks the fields and saves; {@code done} gets what the screen says afterwards ("Booking … saved"). */
    public abstract void save(Consumer<String> done);

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Title, fee, tax, contact on the day and notes. */
    public static final class Edit extends BookingFormViewModel {
        public final StringProperty title = new SimpleStringProperty("");
        public final StringProperty fee = new SimpleStringProperty("");
        public final StringProperty taxRate = new SimpleStringProperty("");
        public final StringProperty contactOnDay = new SimpleStringProperty("");
        public final StringProperty notes = new SimpleStringProperty("");

        public Edit(BookingWork work, Booking b) {
            super(work, b.id(), b.number(), b.currency(), b.version());
            fill(b);
        }

        @Override
        protected void fill(Booking b) {
            title.set(b.title());
            fee.set(work.amounts().input(b.feeMinor(), Currencies.require(b.currency())));
            taxRate.set(Parse.percentText(b.taxRateBp()));
            contactOnDay.set(text(b.contactOnDay()));
            notes.set(text(b.notes()));
        }

        @Override
        public void save(Consumer<String> done) {
            Validator v = new Validator();
            Long feeMinor = MoneyParse.money("fee", fee.get(), currency(), work.amounts(), v);
            int bp = Parse.percentBp("taxRate", taxRate.get(), v);
            if (feeMinor == null && !v.hasErrors()) {
                v.add(new FieldError("fee", tr("validation.required")));
            }
            if (v.hasErrors()) {
                state().show(v.errors());
                return;
            }
            var command = new BookingService.UpdateBookingDetails(id(), version(), title.get(), feeMinor, bp,
                    contactOnDay.get(), notes.get());
            state().submit(() -> work.bus().execute(work.actor(), command),
                    saved -> done.accept(tr("booking.saved", saved.number())));
        }
    }

    /** A new date and times in the booking's own time zone; the old window goes to the history. */
    public static final class Reschedule extends BookingFormViewModel {
        public final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
        public final StringProperty startsAt = new SimpleStringProperty("");
        public final StringProperty endsAt = new SimpleStringProperty("");
        public final StringProperty reason = new SimpleStringProperty("");
        private final ZoneId zone;

        public Reschedule(BookingWork work, Booking b) {
            super(work, b.id(), b.number(), b.currency(), b.version());
            zone = ZoneId.of(b.timeZone());
            fill(b);
        }

        public ZoneId zone() {
            return zone;
        }

        @Override
        protected void fill(Booking b) {
            var start = b.startsAt().atZone(zone);
            date.set(start.toLocalDate());
            startsAt.set(start.toLocalTime().toString());
            endsAt.set(b.endsAt().atZone(zone).toLocalTime().toString());
        }

        @Override
        public void save(Consumer<String> done) {
            Validator v = new Validator();
            Instant[] window = Parse.window(date.get(), startsAt.get(), endsAt.get(), zone, "startsAt", "endsAt", v);
            if (v.hasErrors()) {
                state().show(v.errors());
                return;
            }
            var command = new BookingService.RescheduleBooking(id(), version(), window[0], window[1], reason.get());
            state().submit(() -> work.bus().execute(work.actor(), command),
                    saved -> done.accept(tr("booking.rescheduled", saved.number())));
        }
    }

    /** Why, and the fee the client still owes (blank: none). */
    public static final class Cancel extends BookingFormViewModel {
        public final StringProperty reason = new SimpleStringProperty("");
        public final StringProperty fee = new SimpleStringProperty("");

        /** From a list row or the detail: the booking's version as that screen loaded it. */
        public Cancel(BookingWork work, UUID id, String number, String currency, int version) {
            super(work, id, number, currency, version);
        }

        /** The typed reason and fee stay on a reload: the booking stores neither until it is cancelled. */
        @Override
        protected void fill(Booking b) {
        }

        @Override
        public void save(Consumer<String> done) {
            Long feeMinor = null;
            if (!fee.get().isBlank()) {
                try {
                    feeMinor = MoneyFormat.parse(fee.get(), Currencies.require(currency()), work.amounts());
                } catch (IllegalArgumentException e) {
                    state().show(List.of(new FieldError("cancellationFee", e.getMessage())));
                    return;
                }
            }
            var command = new BookingService.CancelBooking(id(), version(), reason.get(), feeMinor);
            state().submit(() -> work.bus().execute(work.actor(), command),
                    saved -> done.accept(tr("booking.cancelled", saved.number())));
        }
    }

    /** The radius clause: no other show of its performers within X km within Y days (both blank: none). */
    public static final class Radius extends BookingFormViewModel {
        public final StringProperty km = new SimpleStringProperty("");
        public final StringProperty days = new SimpleStringProperty("");

        public Radius(BookingWork work, Booking b) {
            super(work, b.id(), b.number(), b.currency(), b.version());
            fill(b);
        }

        @Override
        protected void fill(Booking b) {
            km.set(b.radiusKm() == null ? "" : b.radiusKm().toString());
            days.set(b.radiusDays() == null ? "" : b.radiusDays().toString());
        }

        @Override
        public void save(Consumer<String> done) {
            Validator v = new Validator();
            Integer k = Parse.integer("radiusKm", km.get(), v);
            Integer d = Parse.integer("radiusDays", days.get(), v);
            if (v.hasErrors()) {
                state().show(v.errors());
                return;
            }
            var command = new BookingService.SetRadiusClause(id(), version(), k, d);
            state().submit(() -> work.bus().execute(work.actor(), command),
                    saved -> done.accept(tr(k == null ? "radius.cleared" : "radius.saved", saved.number())));
        }
    }
}
