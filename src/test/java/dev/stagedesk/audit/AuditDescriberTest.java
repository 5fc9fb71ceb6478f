package dev.stagedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.Format;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History reads as sentences with names and the agency's local times, never JSON or ids. */
class AuditDescriberTest {
    static final Instant GIG = Instant.parse("2027-01-15T18:00:00Z");
    @TempDir
    Path dir;
    AppContext app;
    UUID client;
    Booking booking;

    @BeforeEach
    void setUp() {
        Format.use(Locale.UK);
        app = TestStore.open(dir); // agency in Europe/Berlin; the clock stands at 2026-11-21 10:00 UTC
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Acme Events")).id();
        booking = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, GIG,
                GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<String> sentences(List<AuditLine> lines) {
        return lines.stream().map(AuditLine::sentence).toList();
    }

    @Test
    void assignmentAndPaymentReadAsSentencesWithNames() {
        UUID orchestra = app.performers.create(Actor.owner(), new PerformerDraft("The Electric Orchestra", null, null,
                null, List.of("Band"), List.of("Pop"), 80_000, "EUR", 0, 0, "Berlin", null, null, true, null)).id();
        app.assignments.assign(Actor.owner(), booking.id(), orchestra, "Lead", 80_000L, null, null);
        app.payments.record(Actor.owner(), new PaymentService.RecordPayment(booking.id(), "DEPOSIT", 45_050,
                "BANK_TRANSFER", LocalDate.of(2026, 11, 21), null, null, null));

        List<AuditLine> history = app.auditLog.history(BookingService.ENTITY, booking.id());

        assertThat(sentences(history)).contains("Assigned The Electric Orchestra as Lead, fee 800.00 EUR",
                "Recorded a payment of 450.50 EUR by bank transfer (deposit)");
        assertThat(sentences(history).get(0)).startsWith("Created the booking");
        for (AuditLine l : history) {
            assertThat(l.sentence()).doesNotContain("{", "\"", booking.id().toString(), client.toString(),
                    "BANK_TRANSFER", "DEPOSIT");
            // 10:00 UTC is 11:00 in Berlin, in the UK medium date style
            assertThat(l.when()).isEqualTo("21 Nov 2026 11:00");
            assertThat(l.record()).isEqualTo("Booking " + booking.number() + " · Gala");
        }
    }

    @Test
    void idsInChangedFieldsAreShownAsNames() {
        UUID other = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        AuditEntry e = entry("update", "booking", booking.id(),
                "{\"before\":{\"clientId\":\"" + client + "\",\"status\":\"HOLD\"},"
                        + "\"after\":{\"clientId\":\"" + other + "\",\"status\":\"CONFIRMED\"}}");
        assertThat(app.auditLog.describer().describe(e).sentence())
                .isEqualTo("Changed client from Acme Events to Ada Lovelace, status from On hold to Confirmed");
    }

    @Test
    void unknownActionFallsBackToAReadableSentenceNeverJson() {
        AuditEntry e = entry("frobnicate-widgets", "booking", booking.id(),
                "{\"before\":{},\"after\":{\"widgetCount\":3,\"depositMinor\":1250,\"method\":\"PAYPAL\"}}");
        String s = app.auditLog.describer().describe(e).sentence();
        assertThat(s).isEqualTo("Frobnicate widgets: widget count 3, deposit 12.50 EUR, method PayPal");
    }

    @Test
    void entryThatIsNotJsonStillReads() {
        AuditEntry e = entry("mystery", null, null, "not json at all");
        assertThat(app.auditLog.describer().describe(e).sentence()).isEqualTo("Mystery");
    }

    @Test
    void clientHistoryNamesTheClient() {
        List<AuditLine> lines = app.auditLog.history("client", client);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).sentence()).isEqualTo("Created the client Acme Events");
        assertThat(lines.get(0).record()).isEqualTo("Client Acme Events");
    }

    @Test
    void recordWithoutANameIsDescribedByItsFields() {
        AuditEntry e = entry("create", "performer_expense", UUID.randomUUID(),
                "{\"before\":{},\"after\":{\"category\":\"Travel\",\"amountMinor\":4500,\"currency\":\"EUR\","
                        + "\"spentOn\":\"2026-11-20\"}}");
        assertThat(app.auditLog.describer().describe(e).sentence())
                .isEqualTo("Created the performer expense: category Travel, amount 45.00 EUR, spent on 20 Nov 2026");
    }

    private static AuditEntry entry(String action, String type, UUID id, String changes) {
        return new AuditEntry(99, UUID.randomUUID(), TestStore.NOW, "ana", action, type, id, changes, "", "");
    }
}
