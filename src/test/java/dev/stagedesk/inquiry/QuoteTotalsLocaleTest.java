package dev.stagedesk.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quote editor's running totals are shown the way its price fields are typed. */
class QuoteTotalsLocaleTest {
    @Test
    void germanPricesGiveGermanTotalsAndBritishOnesBritish(@TempDir Path dir) {
        try (AppContext app = TestStore.open(dir)) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            var start = TestStore.NOW.plus(Duration.ofDays(30));
            var id = app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Party", start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", false, null, null, 40, null, "EUR", "PHONE", null,
                    null)).id();
            var loaded = new QuoteFormViewModel.Loaded(app.inquiries.find(id), List.of(), List.of(), 0,
                    LocalDate.of(2026, 11, 21));

            var german = new QuoteFormViewModel(app.quotes, null, Actor.owner(), TaskRunner.direct(), e -> { }, loaded,
                    AmountStyle.of(Locale.GERMANY));
            german.lines.get(0).description.set("Show");
            german.lines.get(0).unitPrice.set("1.250,50");
            assertThat(german.totals.get()).contains("1.250,50 EUR").doesNotContain("1,250.50");

            var british = new QuoteFormViewModel(app.quotes, null, Actor.owner(), TaskRunner.direct(), e -> { }, loaded,
                    AmountStyle.of(Locale.UK));
            british.lines.get(0).description.set("Show");
            british.lines.get(0).unitPrice.set("1,250.50");
            assertThat(british.totals.get()).contains("1,250.50 EUR");
        }
    }
}
