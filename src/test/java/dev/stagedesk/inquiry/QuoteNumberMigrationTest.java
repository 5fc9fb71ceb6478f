package dev.stagedesk.inquiry;

import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static dev.stagedesk.db.jooq.Tables.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V17 numbers the quotes of a store from before it ("Q-FED008 v2") per year, and the counter goes on from there. */
class QuoteNumberMigrationTest {
    @TempDir
    Path dir;

    @Test
    void oldStoreGetsYearlyQuoteNumbersAndNewQuotesContinueTheSequence() throws Exception {
        DataFolder folder = new DataFolder(dir);
        String url = "jdbc:h2:file:" + folder.storeBase().toAbsolutePath();
        // the store as the version before V17 left it
        var v17 = MigrationVersion.fromVersion("17");
        String before = Arrays.stream(Flyway.configure().dataSource(url, "sa", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v.compareTo(v17) < 0)
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(before).load().migrate();
        UUID client = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            exec(db, "INSERT INTO client (id, kind, name, search_text, created_at, updated_at) VALUES (?, 'PERSON', 'Ada', 'ada', ?, ?)",
                    client, at("2025-03-01T10:00:00Z"), at("2025-03-01T10:00:00Z"));
            for (UUID inquiry : List.of(a, b, c)) {
                exec(db, "INSERT INTO inquiry (id, client_id, event_type, time_zone, currency, source, status, search_text,"
                        + " created_at, updated_at) VALUES (?, ?, 'Party', 'Europe/Berlin', 'EUR', 'PHONE', 'QUOTED', 'party', ?, ?)",
                        inquiry, client, at("2025-03-01T10:00:00Z"), at("2025-03-01T10:00:00Z"));
            }
            // a: quoted in 2025 (two versions, the second in 2026); c before b in 2026
            quote(db, a, 1, "2025-12-30T10:00:00Z");
            quote(db, a, 2, "2026-01-05T10:00:00Z");
            quote(db, b, 1, "2026-03-10T10:00:00Z");
            quote(db, c, 1, "2026-02-01T10:00:00Z");
        }

        try (AppContext app = new AppContext(folder, Database.open(folder),
                Clock.fixed(TestStore.NOW, ZoneOffset.UTC), Ids.timeOrdered(), d -> { })) {
            Map<String, List<String>> numbers = app.database.dsl().select(QUOTE.INQUIRY_ID, QUOTE.NUMBER, QUOTE.VERSION_NO)
                    .from(QUOTE).orderBy(QUOTE.VERSION_NO).fetch().stream()
                    .collect(Collectors.groupingBy(r -> r.value1().toString(),
                            Collectors.mapping(r -> r.value2() + " v" + r.value3(), Collectors.toList())));
            assertThat(numbers.get(a.toString())).containsExactly("Q-2025-0001 v1", "Q-2025-0001 v2");
            assertThat(numbers.get(c.toString())).containsExactly("Q-2026-0001 v1");
            assertThat(numbers.get(b.toString())).containsExactly("Q-2026-0002 v1");
            assertThat(app.database.dsl().select(NUMBER_SEQUENCE.LAST_VALUE).from(NUMBER_SEQUENCE)
                    .where(NUMBER_SEQUENCE.SERIES.eq("QUOTE"), NUMBER_SEQUENCE.PERIOD.eq(2026)).fetchOne(NUMBER_SEQUENCE.LAST_VALUE))
                    .isEqualTo(2L);

            // a quote made now (2026) takes the next number of the year; its next version keeps it
            app.settings.setUp(Actor.owner(), AgencyDraft.initial("Test Agency", "EUR", "Europe/Berlin"));
            Instant event = Instant.parse("2027-02-06T17:00:00Z");
            Inquiry fresh = app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Summer party", event,
                    event.plus(Duration.ofHours(5)), "Europe/Berlin", false, null, "Harbour", 120, 800_000L, "EUR",
                    "PHONE", null, null));
            LocalDate today = LocalDate.ofInstant(TestStore.NOW, ZoneOffset.UTC);
            QuoteDraft draft = new QuoteDraft(null, List.of(QuoteLine.of("Band", 1, 250_000)), 0, 0,
                    today.plusDays(14), null);
            Quote first = app.quotes.save(Actor.owner(), fresh.id(), 0, draft);
            assertThat(first.number()).isEqualTo("Q-2026-0003");
            assertThat(QuoteDocuments.reference(first)).isEqualTo("Q-2026-0003 v1");
            Quote second = app.quotes.save(Actor.owner(), fresh.id(), 1, draft);
            assertThat(QuoteDocuments.reference(second)).isEqualTo("Q-2026-0003 v2");
        }
    }

    private static void quote(Connection db, UUID inquiry, int version, String created) throws Exception {
        exec(db, "INSERT INTO quote (id, inquiry_id, version_no, currency, subtotal_minor, tax_minor, total_minor,"
                        + " valid_until, status, created_at, updated_at) VALUES (?, ?, ?, 'EUR', 100, 0, 100, DATE '2027-01-01',"
                        + " 'DRAFT', ?, ?)", UUID.randomUUID(), inquiry, version, at(created), at(created));
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private static void exec(Connection db, String sql, Object... args) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
