package dev.stagedesk.payment;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TwoContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payment terms sent with the booking's version as Cora's screen loaded it are refused once Maria, at another desk
 * (a second application on the same store), changed the booking; her terms stay, and Cora's go through once she has
 * read the booking again.
 */
class PaymentTermsStaleEditTest {
    static final Instant SAT = Instant.parse("2027-03-13T18:00:00Z");

    @TempDir
    Path dir;
    TwoContexts desks;

    @BeforeEach
    void setUp() {
        desks = TwoContexts.open(dir);
    }

    @AfterEach
    void close() {
        desks.close();
    }

    @Test
    void staleTermsAreRefusedNamingWhoChangedTheBookingAndGoThroughAfterReload() {
        UUID client = desks.first.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        Booking b = desks.first.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, SAT,
                SAT.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.HOLD,
                List.of());
        int coraLoaded = desks.first.bookingDetails.load(desks.cora, b.id()).booking().version();
        desks.clock.advance(Duration.ofMinutes(5));
        desks.second.payments.updateTerms(desks.maria, new PaymentService.UpdatePaymentTerms(b.id(), b.version(),
                "PERCENT", 5000, "BOOKING", 7, 14, null));

        assertThatThrownBy(() -> desks.first.payments.updateTerms(desks.cora, new PaymentService.UpdatePaymentTerms(
                b.id(), coraLoaded, "AMOUNT", 50_000, "EVENT", 30, 7, null)))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("was changed by Maria Schulz on ").hasMessageContaining("11:05");
        var stored = desks.first.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThat(stored.getDepositMinor()).isEqualTo(119_000);

        int reloaded = desks.first.bookingDetails.load(desks.cora, b.id()).booking().version();
        desks.first.payments.updateTerms(desks.cora, new PaymentService.UpdatePaymentTerms(b.id(), reloaded,
                "AMOUNT", 50_000, "EVENT", 30, 7, null));
        stored = desks.first.database.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(b.id())).fetchSingle();
        assertThat(stored.getDepositMinor()).isEqualTo(50_000);
    }
}
