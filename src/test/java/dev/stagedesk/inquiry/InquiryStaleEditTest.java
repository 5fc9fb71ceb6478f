package dev.stagedesk.inquiry;

import dev.stagedesk.inquiry.InquiryStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TwoContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inquiry row keeps the version it was read with, and what the inquiries screen sends from it (status steps,
 * Lost, Convert) is refused once someone at another desk (a second application on the same store) changed the
 * inquiry, naming them and when; read again, the change goes through.
 */
class InquiryStaleEditTest {
    static final Instant EVENT = Instant.parse("2027-06-12T16:00:00Z");

    @TempDir
    Path dir;
    TwoContexts desks;
    UUID client;

    @BeforeEach
    void setUp() {
        desks = TwoContexts.open(dir);
        client = desks.first.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private InquiryDraft draft(String eventType, Long budget) {
        return new InquiryDraft(client, eventType, EVENT, EVENT.plus(Duration.ofHours(5)), "Europe/Berlin", false,
                null, "Harbour warehouse 7", 120, budget, "EUR", "PHONE", null, null);
    }

    /** The row Cora's list shows for the inquiry, read in the first application. */
    private InquiryRow coraReads(UUID id) {
        return desks.first.inquiryQuery.page(desks.cora, new PageRequest("", null, true, 0, 100), (InquiryStatus) null)
                .rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aStatusStepFromAStaleRowIsRefusedNamingWhoChangedItAndGoesThroughOnTheReloadedRow() {
        Inquiry i = desks.first.inquiries.create(Actor.owner(), draft("Summer party", 800_000L));
        InquiryRow row = coraReads(i.id());
        assertThat(row.version()).isEqualTo(i.version());
        desks.clock.advance(Duration.ofMinutes(5));
        desks.second.bus.execute(desks.maria, new InquiryService.ChangeInquiryStatus(i.id(), i.version(), InquiryStatus.CONTACTED,
                null));

        assertThatThrownBy(() -> desks.first.bus.execute(desks.cora, new InquiryService.ChangeInquiryStatus(row.id(),
                row.version(), InquiryStatus.CANCELLED, null)))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("was changed by Maria Schulz on ").hasMessageContaining("11:05");
        assertThat(desks.first.inquiries.find(i.id()).status()).isEqualTo(InquiryStatus.CONTACTED);

        InquiryRow reloaded = coraReads(i.id());
        assertThat(reloaded.status()).isEqualTo(InquiryStatus.CONTACTED);
        desks.first.bus.execute(desks.cora, new InquiryService.ChangeInquiryStatus(reloaded.id(), reloaded.version(),
                InquiryStatus.QUOTED, null));
        assertThat(desks.first.inquiries.find(i.id()).status()).isEqualTo(InquiryStatus.QUOTED);
    }

    @Test
    void anEditOnAStaleVersionIsRefusedAndKeepsTheOtherEdit() {
        Inquiry i = desks.first.inquiries.create(Actor.owner(), draft("Summer party", 800_000L));
        Inquiry coras = desks.first.inquiries.find(i.id());
        desks.clock.advance(Duration.ofMinutes(5));
        desks.second.bus.execute(desks.maria, new InquiryService.UpdateInquiry(i.id(), i.version(),
                draft("Summer party", 950_000L)));

        assertThatThrownBy(() -> desks.first.bus.execute(desks.cora, new InquiryService.UpdateInquiry(coras.id(),
                coras.version(), draft("Company summer party", 800_000L))))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("Maria Schulz")
                .satisfies(e -> assertThat(((ConcurrentEditException) e).changedAt())
                        .isEqualTo(desks.clock.instant()));
        Inquiry stored = desks.first.inquiries.find(i.id());
        assertThat(stored.eventType()).isEqualTo("Summer party");
        assertThat(stored.budgetMinor()).isEqualTo(950_000L);

        desks.first.bus.execute(desks.cora, new InquiryService.UpdateInquiry(stored.id(), stored.version(),
                draft("Company summer party", stored.budgetMinor())));
        stored = desks.first.inquiries.find(i.id());
        assertThat(stored.eventType()).isEqualTo("Company summer party");
        assertThat(stored.budgetMinor()).isEqualTo(950_000L);
    }
}
