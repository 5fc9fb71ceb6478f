package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TwoContexts;
import dev.stagedesk.ui.ReloadOffer;
import dev.stagedesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The booking detail's view model and its sheets keep the version they were loaded with: two applications on one
 * store (see {@link TwoContexts}); Cora's screen in the first loads a booking, Maria changes it in the second, and
 * Cora's action is refused naming Maria and the time, the store keeps Maria's change, and after Cora's reload her
 * action goes through. No toolkit: {@link TaskRunner#direct()}.
 */
class BookingDetailViewModelTest {
    /** Saturday 12 Dec 2026, 19:00 in Berlin. */
    static final Instant SAT = Instant.parse("2026-12-12T18:00:00Z");
    /** Maria's change is saved at 11:05 in Berlin (the clock's 10:00 UTC + 5 minutes). */
    static final String MARIAS_TIME = "11:05";

    @TempDir
    Path dir;
    TwoContexts desks;
    List<Throwable> errors = new ArrayList<>();
    BookingDetailViewModel cora;
    UUID client;

    @BeforeEach
    void setUp() {
        desks = TwoContexts.open(dir);
        client = desks.first.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        cora = new BookingDetailViewModel(work(desks.first, desks.cora, errors), desks.clock);
    }

    @AfterEach
    void close() {
        desks.close();
    }

    static BookingWork work(AppContext app, Actor actor, List<Throwable> errors) {
        return new BookingWork(app.bookings, app.bookingDetails, app.assignments, app.bus, actor, TaskRunner.direct(),
                errors::add, AmountStyle.of(Locale.UK));
    }

    private Booking hold(Instant start) {
        return desks.first.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, start,
                start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.HOLD,
                List.of());
    }

    /** Maria, at the other desk, moves the booking one hour later, five minutes after Cora loaded it. */
    private Booking mariaReschedules(UUID id) {
        desks.clock.advance(Duration.ofMinutes(5));
        Booking now = desks.second.bookings.find(id);
        return desks.second.bus.execute(desks.maria, new BookingService.RescheduleBooking(id, now.version(),
                now.startsAt().plus(Duration.ofHours(1)), now.endsAt().plus(Duration.ofHours(1)), "Venue asked"));
    }

    /** The one error Cora's screen got: a reload offer naming Maria and when she saved. */
    private ReloadOffer offer() {
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).isInstanceOf(ReloadOffer.class);
        ReloadOffer offer = (ReloadOffer) errors.get(0);
        assertThat(offer.getMessage()).contains("was changed by Maria Schulz on ").contains(MARIAS_TIME)
                .contains(cora.booking().number());
        assertThat(offer.refusal().changedBy()).isEqualTo("Maria Schulz");
        errors.clear();
        return offer;
    }

    @Test
    void aConfirmOnAStaleDetailIsRefusedNamingWhoChangedItAndGoesThroughAfterReload() {
        Booking b = hold(SAT);
        cora.show(b.id());
        assertThat(cora.confirmableProperty().get()).isTrue();
        Booking moved = mariaReschedules(b.id());

        cora.confirm();

        ReloadOffer offer = offer();
        Booking stored = desks.first.bookings.find(b.id());
        assertThat(stored.status()).isEqualTo(BookingStatus.HOLD);
        assertThat(stored.startsAt()).isEqualTo(moved.startsAt());
        assertThat(cora.booking().version()).isEqualTo(b.version());

        offer.reload();
        assertThat(cora.booking().version()).isEqualTo(moved.version());
        assertThat(cora.booking().startsAt()).isEqualTo(moved.startsAt());
        cora.confirm();

        assertThat(errors).isEmpty();
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(cora.booking().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(cora.messageProperty().get()).contains("confirmed");
        assertThat(desks.first.bookings.find(b.id()).startsAt()).isEqualTo(moved.startsAt());
    }

    @Test
    void completeOnAStaleDetailIsRefusedUntilReloaded() {
        Booking b = hold(SAT);
        desks.first.bus.execute(desks.cora, new BookingService.ConfirmBooking(b.id(), b.version()));
        desks.clock.set(SAT.plus(Duration.ofDays(1)));
        cora.show(b.id());
        assertThat(cora.completableProperty().get()).isTrue();
        desks.clock.advance(Duration.ofMinutes(5));
        Booking now = desks.second.bookings.find(b.id());
        desks.second.bus.execute(desks.maria, new BookingService.UpdateBookingDetails(b.id(), now.version(),
                "Gala (extended)", now.feeMinor(), now.taxRateBp(), null, "Paid extra hour"));

        cora.complete();

        ReloadOffer offer = (ReloadOffer) errors.get(0);
        assertThat(offer.getMessage()).contains("Maria Schulz").contains("13 Dec 2026").contains("19:05");
        errors.clear();
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        offer.reload();
        cora.complete();
        assertThat(errors).isEmpty();
        Booking stored = desks.first.bookings.find(b.id());
        assertThat(stored.status()).isEqualTo(BookingStatus.COMPLETED);
        assertThat(stored.title()).isEqualTo("Gala (extended)");
    }

    @Test
    void theCancelSheetKeepsTheVersionItOpenedWithAndItsReloadTakesTheStoredOne() {
        Booking b = hold(SAT);
        cora.show(b.id());
        BookingFormViewModel.Cancel sheet = cora.cancel();
        sheet.reason.set("Client postponed");
        Booking moved = mariaReschedules(b.id());
        List<String> done = new ArrayList<>();

        sheet.save(done::add);

        assertThat(done).isEmpty();
        assertThat(sheet.state().generalErrorProperty().get()).contains("Maria Schulz").contains(MARIAS_TIME);
        assertThat(sheet.state().staleProperty().get()).isTrue();
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.HOLD);

        sheet.state().reload();
        assertThat(sheet.state().staleProperty().get()).isFalse();
        assertThat(sheet.version()).isEqualTo(moved.version());
        assertThat(sheet.reason.get()).isEqualTo("Client postponed");
        sheet.save(done::add);

        assertThat(done).hasSize(1);
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(desks.first.bookings.find(b.id()).cancellationReason()).isEqualTo("Client postponed");
    }

    @Test
    void theRescheduleSheetIsRefusedAfterAnotherRescheduleAndReloadShowsTheStoredTimes() {
        Booking b = hold(SAT);
        cora.show(b.id());
        BookingFormViewModel.Reschedule sheet = cora.reschedule();
        assertThat(sheet.startsAt.get()).isEqualTo("19:00");
        sheet.date.set(LocalDate.of(2026, 12, 13));
        Booking moved = mariaReschedules(b.id());
        List<String> done = new ArrayList<>();

        sheet.save(done::add);

        assertThat(done).isEmpty();
        assertThat(sheet.state().generalErrorProperty().get()).contains("was changed by Maria Schulz");
        assertThat(desks.first.bookings.find(b.id()).startsAt()).isEqualTo(moved.startsAt());

        sheet.state().reload();
        assertThat(sheet.date.get()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(sheet.startsAt.get()).isEqualTo("20:00");
        assertThat(sheet.endsAt.get()).isEqualTo("00:00");
        sheet.date.set(LocalDate.of(2026, 12, 13));
        sheet.save(done::add);

        assertThat(done).containsExactly("Booking " + b.number() + " rescheduled.");
        assertThat(desks.first.bookings.find(b.id()).startsAt()).isEqualTo(Instant.parse("2026-12-13T19:00:00Z"));
    }

    @Test
    void theEditSheetIsRefusedAfterAnotherEditAndReloadFillsInTheStoredValues() {
        Booking b = hold(SAT);
        cora.show(b.id());
        BookingFormViewModel.Edit sheet = cora.edit();
        assertThat(sheet.fee.get()).isEqualTo("2000.00");
        sheet.title.set("Winter gala");
        desks.clock.advance(Duration.ofMinutes(5));
        desks.second.bus.execute(desks.maria, new BookingService.UpdateBookingDetails(b.id(), b.version(), "Gala",
                250_000, 1900, "Door: Tom", null));
        List<String> done = new ArrayList<>();

        sheet.save(done::add);

        assertThat(done).isEmpty();
        assertThat(sheet.state().generalErrorProperty().get()).contains("Maria Schulz").contains(MARIAS_TIME);
        assertThat(desks.first.bookings.find(b.id()).feeMinor()).isEqualTo(250_000);
        assertThat(desks.first.bookings.find(b.id()).title()).isEqualTo("Gala");

        sheet.state().reload();
        assertThat(sheet.fee.get()).isEqualTo("2500.00");
        assertThat(sheet.contactOnDay.get()).isEqualTo("Door: Tom");
        assertThat(sheet.title.get()).isEqualTo("Gala");
        sheet.title.set("Winter gala");
        sheet.save(done::add);

        assertThat(done).hasSize(1);
        Booking stored = desks.first.bookings.find(b.id());
        assertThat(stored.title()).isEqualTo("Winter gala");
        assertThat(stored.feeMinor()).isEqualTo(250_000);
        assertThat(stored.contactOnDay()).isEqualTo("Door: Tom");
    }

    @Test
    void theRadiusSheetIsRefusedAfterAnotherChangeUntilReloaded() {
        Booking b = hold(SAT);
        cora.show(b.id());
        BookingFormViewModel.Radius sheet = cora.radius();
        sheet.km.set("50");
        sheet.days.set("14");
        mariaReschedules(b.id());
        List<String> done = new ArrayList<>();

        sheet.save(done::add);

        assertThat(done).isEmpty();
        assertThat(sheet.state().generalErrorProperty().get()).contains("Maria Schulz");
        assertThat(desks.first.bookings.find(b.id()).radiusKm()).isNull();
        sheet.state().reload();
        assertThat(sheet.km.get()).isEmpty();
        sheet.km.set("50");
        sheet.days.set("14");
        sheet.save(done::add);

        assertThat(done).hasSize(1);
        assertThat(desks.first.bookings.find(b.id()).radiusKm()).isEqualTo(50);
    }

    @Test
    void anAssignmentEditIsRefusedAfterAnotherEditOfItAndReloadShowsTheStoredPayout() {
        Booking b = hold(SAT);
        UUID nova = desks.first.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null,
                List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
        desks.first.assignments.assign(Actor.owner(), b.id(), nova, "DJ", 60_000L, null, null);
        cora.show(b.id());
        var shown = cora.detail().assignments().get(0);
        AssignmentFormViewModel sheet = cora.editAssignment(shown);
        assertThat(sheet.payout.get()).isEqualTo("600.00");
        sheet.role.set("Headliner");
        desks.clock.advance(Duration.ofMinutes(5));
        desks.second.bus.execute(desks.maria, new AssignmentService.UpdateAssignment(shown.id(), shown.version(),
                "DJ", 70_000, null, 1500, 0));
        List<String> done = new ArrayList<>();

        sheet.save(done::add);

        assertThat(done).isEmpty();
        assertThat(sheet.state().generalErrorProperty().get()).contains("Maria Schulz").contains(MARIAS_TIME);
        assertThat(desks.first.bookingDetails.load(Actor.owner(), b.id()).assignments().get(0).payoutMinor())
                .isEqualTo(70_000);

        sheet.state().reload();
        assertThat(sheet.payout.get()).isEqualTo("700.00");
        assertThat(sheet.role.get()).isEqualTo("DJ");
        sheet.role.set("Headliner");
        sheet.save(cora.afterSave(() -> { }));

        var stored = desks.first.bookingDetails.load(Actor.owner(), b.id()).assignments().get(0);
        assertThat(stored.role()).isEqualTo("Headliner");
        assertThat(stored.payoutMinor()).isEqualTo(70_000);
        assertThat(cora.detail().assignments().get(0).role()).isEqualTo("Headliner");
        assertThat(cora.messageProperty().get()).contains("DJ Nova");
    }
}
