package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `invoice issue` warns on stderr when the invoice lacks what it legally needs, and issues it all the same. */
class InvoiceLacksCliTest {
    @TempDir
    Path tmp;

    @Test
    void issuingWarnsOnStderrAboutMissingLegalFieldsAndStillIssues() {
        Path store = tmp.resolve("store");
        CliTest.initStore(store);
        String number;
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            Instant start = Instant.now().plus(Duration.ofDays(60));
            number = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of()).number();
        }
        CliTest.Run dep = run("--data", store.toString(), "invoice", "issue", number, "--kind", "deposit");
        assertThat(dep.code()).as(dep.err()).isZero();
        assertThat(dep.out()).contains("-0001: ").doesNotContain("Warning");
        assertThat(dep.err()).contains("Warning: This invoice lacks what an invoice legally needs: ",
                "the agency's address", "the agency's tax ID", "the address of the client Ada Lovelace");

        try (AppContext app = AppContext.open(new DataFolder(store))) {
            var a = app.settings.requireAgency();
            app.settings.update(Actor.owner(), a.version(), new AgencyDraft("A", "EUR", "Europe/Berlin", null,
                    "Torstraße 1", "10119", "Berlin", "DE", "DE123456789", null, null, null, 0, 14, 48, 15, 14));
            var c = app.database.dsl().selectFrom(Tables.CLIENT).fetchSingle();
            app.clients.update(Actor.owner(), c.getId(), c.getVersion(), new ClientDraft(ClientKind.PERSON,
                    "Ada Lovelace", null, null, null, "1 St James's Square", null, "SW1Y 4JU", "London", null, "GB",
                    null, null));
        }
        CliTest.Run fin = run("--data", store.toString(), "invoice", "issue", number);
        assertThat(fin.code()).as(fin.err()).isZero();
        assertThat(fin.out()).contains("-0002: ");
        assertThat(fin.err()).doesNotContain("Warning");
    }
}
