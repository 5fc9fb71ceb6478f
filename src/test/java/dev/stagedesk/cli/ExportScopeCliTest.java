package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static dev.stagedesk.cli.CliTest.runAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.inquiry.QuoteDraft;
import dev.stagedesk.inquiry.QuoteLine;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports apply the read permission and scope of the screen that shows the records; a refusal writes no file. */
class ExportScopeCliTest {
    static final Map<String, String> CORA = Map.of("STAGEDESK_USER", "cora", "STAGEDESK_PASSWORD", CliTest.PASSWORD);
    static final Map<String, String> ANNA = Map.of("STAGEDESK_USER", "anna", "STAGEDESK_PASSWORD", CliTest.PASSWORD);

    @TempDir
    Path tmp;
    Path store;
    UUID quote;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            UUID nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", "Nora Vogt", null, null,
                    List.of("DJ"), List.of(), 50_000, "EUR", 1500, 1000, "Berlin", 52.52, 13.40, true, null)).id();
            Instant start = Instant.now().plus(Duration.ofDays(30));
            Booking gala = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 200_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of());
            UUID a = app.assignments.assign(Actor.owner(), gala.id(), nova, "DJ", 61_234L, null, null);
            app.assignments.markPaid(Actor.owner(), List.of(a), LocalDate.now().minusDays(1), "CASH", "Envelope 7");
            UUID inquiry = app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Party", start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", false, null, null, 40, null, "EUR", "PHONE", null,
                    null)).id();
            quote = app.quotes.save(Actor.owner(), inquiry, 0, new QuoteDraft(null,
                    List.of(QuoteLine.of("Gala", 1, 150_000)), 0, 1900, LocalDate.now().plusDays(14), null)).id();
            app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                    CliTest.PASSWORD.toCharArray());
            app.users.create(Actor.owner(), "anna", "Anna", null, EnumSet.of(Role.ACCOUNTANT), null,
                    CliTest.PASSWORD.toCharArray());
        }
    }

    private CliTest.Run as(Map<String, String> who, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = store.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return runAs(who, all);
    }

    @Test
    void aCoordinatorExportsNoPerformerPayouts() throws Exception {
        Path payouts = tmp.resolve("payouts.csv");
        CliTest.Run refused = as(CORA, "export", "payouts", "--out", payouts.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("You do not have permission to");
        assertThat(payouts).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("payouts"));
        }
        CliTest.Run accountant = as(ANNA, "export", "payouts");
        assertThat(accountant.code()).as(accountant.err()).isZero();
        assertThat(accountant.out()).contains("612.34");

        CliTest.Run coordinator = as(CORA, "export", "assignments");
        assertThat(coordinator.code()).as(coordinator.err()).isZero();
        assertThat(coordinator.out()).contains("DJ Nova,DJ,,EUR").doesNotContain("612.34").doesNotContain("PAID")
                .doesNotContain("Envelope 7").doesNotContain("CASH");
        assertThat(as(ANNA, "export", "assignments").out()).contains("DJ Nova,DJ,612.34,EUR").contains("Envelope 7");
    }

    @Test
    void aQuotePdfRefusedAsSentWritesNoFile() throws Exception {
        Path pdf = tmp.resolve("quote.pdf");
        CliTest.Run refused = as(ANNA, "quote", "pdf", quote.toString(), "--out", pdf.toString(), "--sent");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("You do not have permission to");
        assertThat(pdf).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("store");
        }
        CliTest.Run allowed = as(CORA, "quote", "pdf", quote.toString(), "--out", pdf.toString(), "--sent");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(pdf).exists();
    }
}
