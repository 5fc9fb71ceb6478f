package dev.stagedesk.booking;

import dev.stagedesk.money.MoneyParse;
import static dev.stagedesk.common.I18n.tr;

import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.ui.FormState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sheet that edits one performer's assignment on a booking: role, payout, call time, commission and withholding.
 * It holds the assignment's version from when the sheet opened; a change saved meanwhile is refused with who and
 * when, and Reload ({@link FormState#reload()}) reads the assignment again and fills the fields with what is stored.
 */
public final class AssignmentFormViewModel {
    public final StringProperty role = new SimpleStringProperty("");
    public final StringProperty payout = new SimpleStringProperty("");
    public final StringProperty callTime = new SimpleStringProperty("");
    public final StringProperty commission = new SimpleStringProperty("");
    public final StringProperty withholding = new SimpleStringProperty("");

    private final BookingWork work;
    private final Booking booking;
    private final ZoneId zone;
    private final FormState state;
    private BookingDetail.AssignmentView assignment;

    /** {@code booking} for its zone and first day (call times are typed as a time on it). */
    public AssignmentFormViewModel(BookingWork work, Booking booking, BookingDetail.AssignmentView assignment) {
        this.work = work;
        this.booking = booking;
        this.zone = ZoneId.of(booking.timeZone());
        this.state = new FormState(work.tasks(), work.errors());
        state.onStale(this::reload);
        adopt(assignment);
    }

    public FormState state() {
        return state;
    }

    public String bookingNumber() {
        return booking.number();
    }

    public BookingDetail.AssignmentView assignment() {
        return assignment;
    }

    /** The version the next save sends: from when the sheet opened, or from the last reload. */
    public int version() {
        return assignment.version();
    }

    /** Reads the assignment as stored now, takes its version and fills the fields with it. */
    public void reload() {
        var id = assignment.id();
        work.tasks().run(() -> work.details().load(work.actor(), booking.id()).assignments().stream()
                .filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException(tr("record.notFound", tr("entity.assignment"), id))),
                this::adopt, work.errors());
    }

    private void adopt(BookingDetail.AssignmentView a) {
        assignment = a;
        role.set(a.role() == null ? "" : a.role());
        payout.set(a.payoutMinor() == null ? "" : work.amounts().input(a.payoutMinor(),
                Currencies.require(a.currency())));
        callTime.set(a.callTime() == null ? "" : a.callTime().atZone(zone).toLocalTime().toString());
        commission.set(a.commissionBp() == null ? "" : Parse.percentText(a.commissionBp()));
        withholding.set(a.withholdingBp() == null ? "" : Parse.percentText(a.withholdingBp()));
    }

    /** Checks the fields and saves; {@code done} gets what the screen says afterwards. */
    public void save(Consumer<String> done) {
        Validator v = new Validator();
        Long payoutMinor = MoneyParse.money("payout", payout.get(), assignment.currency(), work.amounts(), v);
        if (payoutMinor == null && v.errors().isEmpty()) {
            v.add(new FieldError("payout", tr("validation.required")));
        }
        Instant call = callTime(booking, callTime.get(), v);
        int commissionBp = commission.get().isBlank() ? 0 : Parse.percentBp("commission", commission.get(), v);
        int withholdingBp = withholding.get().isBlank() ? 0 : Parse.percentBp("withholding", withholding.get(), v);
        if (v.hasErrors()) {
            state.show(v.errors());
            return;
        }
        var a = assignment;
        var command = new AssignmentService.UpdateAssignment(a.id(), a.version(), role.get(), payoutMinor, call,
                commissionBp, withholdingBp);
        state.submit(() -> work.bus().execute(work.actor(), command),
                ignored -> done.accept(tr("assignment.updated", a.performer())));
    }

    /** A call time typed as "18:30" on the booking's first day, in its zone; null when blank or not a time. */
    static Instant callTime(Booking b, String text, Validator v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ZoneId zone = ZoneId.of(b.timeZone());
        var t = Parse.time("callTime", text, v);
        return t == null ? null : b.startsAt().atZone(zone).toLocalDate().atTime(t).atZone(zone).toInstant();
    }
}
