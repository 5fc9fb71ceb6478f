package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.security.Actor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Amounts and ids typed on the command line or read from a file: by the documented rule, never guessed. */
class AmountInputCliTest {
    static final String PERFORMERS = "id,stage_name,legal_name,email,phone,acts,genres,default_fee,currency,"
            + "commission_percent,withholding_percent,home_city,home_latitude,home_longitude,active,notes";

    @TempDir
    Path tmp;
    Path store;
    String number;
    UUID inquiry;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            Instant start = Instant.now().plus(Duration.ofDays(60));
            number = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 500_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of()).number();
            inquiry = app.inquiries.create(Actor.owner(), new InquiryDraft(client, "Party", start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", false, null, null, 40, null, "EUR", "PHONE", null,
                    null)).id();
        }
    }

    private CliTest.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = store.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    private String payments() {
        CliTest.Run r = cli("export", "payments");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void aPaymentWithADecimalCommaIsRecordedToTheCent() {
        CliTest.Run comma = cli("payment", "record", number, "--amount", "450,50", "--kind", "deposit");
        assertThat(comma.code()).as(comma.err()).isZero();
        CliTest.Run german = cli("payment", "record", number, "--amount", "1.250,50");
        assertThat(german.code()).as(german.err()).isZero();
        assertThat(payments()).contains("DEPOSIT,450.50,EUR").contains("BALANCE,1250.50,EUR")
                .doesNotContain("45050").doesNotContain("125050");
    }

    @Test
    void anAmbiguousOrBrokenAmountIsRefusedAndNothingIsRecorded() {
        CliTest.Run ambiguous = cli("payment", "record", number, "--amount", "1,250");
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("--amount: '1,250' could mean 1250.00 or 1.25");
        CliTest.Run list = cli("payment", "record", number, "--amount", "1,2,3");
        assertThat(list.code()).isEqualTo(2);
        assertThat(list.err()).contains("'1,2,3' is not an amount");
        assertThat(payments().lines().count()).isEqualTo(1);
    }

    @Test
    void aBlankAmountIsAFieldErrorNotAnInternalError() {
        for (String blank : new String[] {"", "   "}) {
            CliTest.Run r = cli("payment", "record", number, "--amount", blank);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--amount: Enter an amount.").doesNotContain("NullPointer")
                    .doesNotContain("internal");
        }
        CliTest.Run line = cli("quote", "create", inquiry.toString(), "--line", "Gala;1;1500", "--line", "Travel;2;  ",
                "--valid-until", LocalDate.now().plusDays(30).toString());
        assertThat(line.code()).as(line.out()).isEqualTo(2);
        assertThat(line.err()).contains("--line 2: Enter an amount.");
    }

    @Test
    void aGermanLibreOfficeCsvIsReadToTheCentAndAnAmbiguousCellNamesItsLineAndColumn() throws Exception {
        // LibreOffice with a German locale saves numbers as shown: "1.250,50", quoted when the separator is a comma
        Path file = tmp.resolve("performers.csv");
        Files.write(file, ("\uFEFF" + PERFORMERS + "\r\n"
                + ",DJ Nova,Nora Vogt,,,DJ,,\"1.250,50\",EUR,\"12,5\",,Köln,,,true,\r\n"
                + ",Bläserbande,,,,Band,,\"450,5\",EUR,15,,München,,,true,\r\n"
                + ",Zauberer Zacharias,,,,Magic,,\"2.000\",JPY,,,Wien,,,true,\r\n").getBytes(StandardCharsets.UTF_8));
        CliTest.Run bad = cli("import", "performers", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("line 4, default_fee: '2.000' could mean 2000 or 2");
        Files.write(file, ("\uFEFF" + PERFORMERS + "\r\n"
                + ",DJ Nova,Nora Vogt,,,DJ,,\"1.250,50\",EUR,\"12,5\",,Köln,,,true,\r\n"
                + ",Bläserbande,,,,Band,,\"450,5\",EUR,15,,München,,,true,\r\n"
                + ",Zauberer Zacharias,,,,Magic,,\"1.250.000\",EUR,,,Wien,,,true,\r\n").getBytes(StandardCharsets.UTF_8));
        CliTest.Run ok = cli("import", "performers", file.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        String exported = cli("export", "performers").out();
        assertThat(exported).contains("DJ Nova,Nora Vogt,,,DJ,,1250.50,EUR,12.5,")
                .contains("Bläserbande,,,,Band,,450.50,EUR,15,").contains("Zauberer Zacharias,,,,Magic,,1250000.00,EUR");
    }

    @Test
    void anIdOneCharacterShortIsRefusedNotReadAsAnotherRecord() throws Exception {
        Path clients = tmp.resolve("clients.csv");
        String header = "id,kind,name,contact_name,email,phone,address_line1,address_line2,postal_code,city,region,"
                + "country_code,tax_id,notes\r\n";
        String id = "0190a5d0-0000-7000-8000-000000000001";
        Files.writeString(clients, header + id + ",PERSON,Ada,,,,,,,,,,,\r\n");
        assertThat(cli("import", "clients", clients.toString()).code()).isZero();
        String shortId = id.substring(0, id.length() - 1);
        Files.writeString(clients, header + shortId + ",PERSON,Ada again,,,,,,,,,,,\r\n"
                + "0190a5d0-0-7000-8000-000000000002,PERSON,Bob,,,,,,,,,,,\r\n");
        CliTest.Run r = cli("import", "clients", clients.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 2, id: '" + shortId + "' is not an id")
                .contains("line 3, id: '0190a5d0-0-7000-8000-000000000002' is not an id");
        assertThat(cli("export", "clients").out().lines().count()).isEqualTo(3); // header, Ada Lovelace, Ada
        CliTest.Run reverse = cli("payment", "reverse", shortId, "--reason", "typo");
        assertThat(reverse.code()).isEqualTo(2);
        assertThat(reverse.err()).contains("'" + shortId + "' is not an id");
    }
}
