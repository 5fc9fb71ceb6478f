package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static dev.stagedesk.db.jooq.Tables.EXCHANGE_RATE;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rates typed with a comma, refused ones named by option; a statement file is written whole or not at all. */
class MoneyOptionsCliTest {
    @TempDir
    Path tmp;
    Path store;
    String usdBooking;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            Instant start = Instant.now().plus(Duration.ofDays(60));
            usdBooking = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", "USD", 500_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of()).number();
            app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                    List.of(), 50_000, "EUR", 0, 0, null, null, null, true, null));
        }
    }

    private CliTest.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = store.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    @Test
    void aRateWithADecimalCommaIsReadAndABrokenOneIsNamedByItsOption() {
        CliTest.Run broken = cli("payment", "record", usdBooking, "--amount", "100.00", "--rate", "1.092,5");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("--rate: '1.092,5' is not an exchange rate: write it like 1.0825 or 1,0825")
                .doesNotContain("Exception").doesNotContain("Invalid value").doesNotContain("BigDecimal");
        CliTest.Run comma = cli("payment", "record", usdBooking, "--amount", "100.00", "--rate", "0,9215");
        assertThat(comma.code()).as(comma.err()).isZero();
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            assertThat(app.database.dsl().fetchCount(PAYMENT)).isEqualTo(1);
            assertThat(app.database.dsl().select(EXCHANGE_RATE.RATE).from(EXCHANGE_RATE)
                    .where(EXCHANGE_RATE.CURRENCY.eq("USD")).fetchSingle().value1()).isEqualByComparingTo(new BigDecimal("0.9215"));
        }
    }

    @Test
    void aStatementThatCannotBeWrittenLeavesNoHalfFileBehind() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path blocked = Files.createDirectories(dir.resolve("statement.pdf")); // a folder in the way: the move fails
        Files.writeString(blocked.resolve("keep.txt"), "mine");
        CliTest.Run r = cli("statement", "DJ Nova", "--from", "2026-10-01", "--to", "2026-10-31", "--out",
                blocked.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("Could not write").doesNotContain("Exception");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(blocked);
        }
        Path good = dir.resolve("ok.csv");
        CliTest.Run ok = cli("statement", "DJ Nova", "--from", "2026-10-01", "--to", "2026-10-31", "--format", "csv",
                "--out", good.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(Files.readAllLines(good).get(0)).isNotBlank();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(blocked, good);
        }
    }
}
