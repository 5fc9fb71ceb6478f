package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TwoContexts;
import dev.stagedesk.ui.ReloadOffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bookings list's view model: rows carry the version they were read with, list actions send it, and a change
 * saved meanwhile at another desk (a second application on the same store) is refused with who and when; Reload
 * reads the page again and selects the row as it is now. No toolkit.
 */
class BookingListViewModelTest {
    static final Instant SAT = Instant.parse("2026-12-12T18:00:00Z");

    @TempDir
    Path dir;
    TwoContexts desks;
    List<Throwable> errors = new ArrayList<>();
    BookingListViewModel cora;
    UUID client;

    @BeforeEach
    void setUp() {
        desks = TwoContexts.open(dir);
        client = desks.first.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        cora = new BookingListViewModel(desks.first.bookingQuery,
                BookingDetailViewModelTest.work(desks.first, desks.cora, errors), ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private Booking hold(String title, Instant start) {
        return desks.first.bookings.create(Actor.owner(), new BookingDraft(title, client, null, null, start,
                start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.HOLD,
                List.of());
    }

    private BookingRow row(UUID id) {
        return cora.list().rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private Booking mariaReschedules(UUID id) {
        desks.clock.advance(Duration.ofMinutes(5));
        Booking now = desks.second.bookings.find(id);
        return desks.second.bus.execute(desks.maria, new BookingService.RescheduleBooking(id, now.version(),
                now.startsAt().plus(Duration.ofHours(1)), now.endsAt().plus(Duration.ofHours(1)), null));
    }

    @Test
    void rowsCarryTheVersionTheyWereReadWith() {
        Booking b = hold("Gala", SAT);
        Booking moved = mariaReschedules(b.id());
        cora.list().reload();
        assertThat(row(b.id()).version()).isEqualTo(moved.version()).isGreaterThan(b.version());
    }

    @Test
    void aStaleConfirmFromTheListIsRefusedAndReloadSelectsTheRowAsItIsNow() {
        Booking b = hold("Gala", SAT);
        hold("Wedding", SAT.plus(Duration.ofDays(7)));
        cora.list().reload();
        cora.select(row(b.id()));
        assertThat(cora.confirmableProperty().get()).isTrue();
        assertThat(cora.cancellableProperty().get()).isTrue();
        Booking moved = mariaReschedules(b.id());

        cora.confirm();

        assertThat(errors).hasSize(1).first().isInstanceOf(ReloadOffer.class);
        ReloadOffer offer = (ReloadOffer) errors.remove(0);
        assertThat(offer.getMessage()).contains("Booking \"" + b.number() + "\" was changed by Maria Schulz on ")
                .contains("11:05");
        Booking stored = desks.first.bookings.find(b.id());
        assertThat(stored.status()).isEqualTo(BookingStatus.HOLD);
        assertThat(stored.startsAt()).isEqualTo(moved.startsAt());

        offer.reload();
        assertThat(cora.selected().id()).isEqualTo(b.id());
        assertThat(cora.selected().version()).isEqualTo(moved.version());
        assertThat(cora.selected().startsAt()).isEqualTo(moved.startsAt());
        cora.confirm();

        assertThat(errors).isEmpty();
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(cora.messageProperty().get()).isEqualTo("Booking " + b.number() + " is confirmed.");
        assertThat(cora.selected().status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(cora.confirmableProperty().get()).isFalse();
        assertThat(cora.cancellableProperty().get()).isTrue();
    }

    @Test
    void theCancelSheetFromARowSendsTheRowsVersion() {
        Booking b = hold("Gala", SAT);
        cora.list().reload();
        cora.select(row(b.id()));
        BookingFormViewModel.Cancel sheet = cora.cancel();
        assertThat(sheet.version()).isEqualTo(b.version());
        sheet.reason.set("Client postponed");
        mariaReschedules(b.id());
        List<String> done = new ArrayList<>();

        sheet.save(done::add);
        assertThat(sheet.state().generalErrorProperty().get()).contains("Maria Schulz");
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.HOLD);

        sheet.state().reload();
        sheet.save(text -> cora.changed(text, sheet.id()));
        assertThat(sheet.state().errors()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(desks.first.bookings.find(b.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cora.selected().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cora.cancellableProperty().get()).isFalse();
        assertThat(cora.messageProperty().get()).isEqualTo("Booking " + b.number() + " is cancelled.");
    }

    @Test
    void filtersReloadTheFirstPage() {
        hold("Gala", SAT);
        Booking later = hold("Wedding", SAT.plus(Duration.ofDays(7)));
        cora.list().reload();
        assertThat(cora.list().rows()).hasSize(2);
        cora.from.set(LocalDate.of(2026, 12, 15));
        assertThat(cora.list().rows()).extracting(BookingRow::id).containsExactly(later.id());
        cora.clearFilters();
        assertThat(cora.list().rows()).hasSize(2);
        cora.status.set(BookingStatus.CONFIRMED);
        assertThat(cora.list().rows()).isEmpty();
    }
}
