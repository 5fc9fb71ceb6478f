package dev.stagedesk.demo;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo agency has an address and a tax ID, so demo invoices carry a full letterhead and issue without a warning. */
class DemoLetterheadTest {
    @TempDir
    Path tmp;

    @Test
    void theDemoAgencyGetsAnAddressAndTaxIdAndItsInvoicesLackNothing() {
        try (AppContext app = TestStore.open(tmp)) {
            app.demo.generate(Actor.owner(), new DemoPlan(60, 40, 10, 6, 5), 7, false, DemoDataService.Progress.NONE);
            var agency = app.settings.requireAgency();
            assertThat(agency.addressLine1()).isEqualTo("Torstraße 88");
            assertThat(agency.city()).isEqualTo("Berlin");
            assertThat(agency.taxId()).isEqualTo("DE298765431");
            // and what a letterhead and footer carry besides: legal name, e-mail, phone, bank details
            assertThat(agency.legalName()).endsWith("GmbH");
            assertThat(agency.email()).contains("@");
            assertThat(agency.phone()).startsWith("+49");
            assertThat(agency.bankDetails()).contains("IBAN");
            var bookings = app.database.dsl().select(BOOKING.ID).from(BOOKING).limit(5).fetch(BOOKING.ID);
            assertThat(bookings).isNotEmpty();
            for (var id : bookings) {
                assertThat(app.invoiceDocuments.lacksForIssue(Actor.owner(), id)).as("booking %s", id).isEmpty();
            }
        }
    }
}
