package dev.stagedesk.invoice;

import dev.stagedesk.payment.InvoiceKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing an invoice that lacks what an invoice legally needs is said, and still allowed. */
class InvoiceLacksTest {
    static final Instant GIG = TestStore.NOW.plus(Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void theAgencysAddressAndTaxIdAndTheClientsAddressAreNamedUntilFilledIn() {
        try (AppContext app = TestStore.open(dir)) {
            var created = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace"));
            UUID client = created.id();
            Booking b = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, GIG,
                    GIG.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of());
            List<String> lacks = app.invoiceDocuments.lacksForIssue(Actor.owner(), b.id());
            assertThat(lacks).containsExactly("the agency's address (Settings → Agency: address and city)",
                    "the agency's tax ID (Settings → Agency)", "the address of the client Ada Lovelace (address and city)");
            assertThat(InvoiceDocuments.lacksMessage(lacks)).startsWith("This invoice lacks what an invoice legally needs: ")
                    .contains("Issuing it is still allowed");
            // still allowed
            assertThat(app.invoices.issue(Actor.owner(), b.id(), InvoiceKind.DEPOSIT, null)).isNotNull();

            var a = app.settings.requireAgency();
            app.settings.update(Actor.owner(), a.version(), new AgencyDraft(a.name(), "EUR", "Europe/Berlin", null,
                    "Torstraße 1", "10119", "Berlin", "DE", "DE123456789", null, null, null, 0, 14, 48, 15, 14));
            assertThat(app.invoiceDocuments.lacksForIssue(Actor.owner(), b.id()))
                    .containsExactly("the address of the client Ada Lovelace (address and city)");
            app.clients.update(Actor.owner(), client, created.version(), new ClientDraft(ClientKind.PERSON, "Ada Lovelace",
                    null, null, null, "1 St James's Square", null, "SW1Y 4JU", "London", null, "GB", null, null));
            assertThat(app.invoiceDocuments.lacksForIssue(Actor.owner(), b.id())).isEmpty();
            assertThat(InvoiceDocuments.lacksMessage(List.of())).isNull();
        }
    }
}
