package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.PdfText;
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

/** The accountant's command line: payments, invoices, credit notes, reports and the money exports; bad input exits 2. */
class MoneyCliTest {
    @TempDir
    Path tmp;
    Path store;
    String number;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
            Instant start = Instant.now().plus(Duration.ofDays(60));
            number = app.bookings.create(Actor.owner(), new BookingDraft("Gala", client, null, null, start,
                    start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of()).number();
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
    void invoicePayCreditReportAndExport() throws Exception {
        String year = String.valueOf(LocalDate.now().getYear());
        CliTest.Run dep = cli("invoice", "issue", number, "--kind", "deposit");
        assertThat(dep.code()).as(dep.err()).isZero();
        assertThat(dep.out()).contains("INV-" + year + "-0001: 357.00 EUR");
        assertThat(cli("payment", "record", number, "--amount", "357.00", "--kind", "deposit", "--reference", "SEPA-1")
                .code()).isZero();
        CliTest.Run fin = cli("invoice", "issue", number);
        assertThat(fin.out()).contains("INV-" + year + "-0002: 833.00 EUR");
        Path pdf = tmp.resolve("inv.pdf");
        assertThat(cli("invoice", "pdf", "INV-" + year + "-0002", "--out", pdf.toString()).code()).isZero();
        assertThat(PdfText.of(pdf)).contains("INV-" + year + "-0002", "Ada Lovelace", "833.00 EUR");
        CliTest.Run cn = cli("credit-note", "INV-" + year + "-0002", "--reason", "Wrong date");
        assertThat(cn.out()).contains("CN-" + year + "-0001: -833.00 EUR");

        String from = year + "-01-01";
        String to = year + "-12-31";
        CliTest.Run report = cli("report", "financials", "--from", from, "--to", to, "--basis", "cash", "--format", "csv");
        assertThat(report.out()).contains("Revenue received (incl. tax),357.00");
        CliTest.Run accrual = cli("report", "financials", "--from", from, "--to", to);
        assertThat(accrual.out()).contains("Revenue invoiced (net of tax)").contains("300.00 EUR");
        Path journal = tmp.resolve("journal.csv");
        assertThat(cli("export", "journal", "--from", from, "--to", to, "--out", journal.toString()).code()).isZero();
        assertThat(Files.readString(journal)).contains("4000,Performance revenue").contains("CN-" + year + "-0001");
        CliTest.Run payments = cli("export", "payments", "--from", from, "--to", to);
        assertThat(payments.out()).contains("DEPOSIT,357.00,EUR,1,357.00,EUR");
    }

    @Test
    void badInputIsNamedAndExitsTwo() {
        CliTest.Run noBooking = cli("invoice", "issue", "BK-1999-000001");
        assertThat(noBooking.code()).isEqualTo(2);
        assertThat(noBooking.err()).contains("no booking with the number BK-1999-000001");
        CliTest.Run amount = cli("payment", "record", number, "--amount", "12,3x");
        assertThat(amount.code()).isEqualTo(2);
        assertThat(amount.err()).contains("amount");
        CliTest.Run period = cli("report", "financials", "--from", "2026-12-01", "--to", "2026-01-01");
        assertThat(period.code()).isEqualTo(2);
        assertThat(period.err()).contains("end of the period");
        CliTest.Run whole = cli("export", "clients", "--from", "2026-01-01", "--to", "2026-01-31");
        assertThat(whole.code()).isEqualTo(2);
        CliTest.Run noFinal = cli("credit-note", "INV-1999-0001", "--reason", "x");
        assertThat(noFinal.code()).isEqualTo(2);
        assertThat(noFinal.err()).contains("no invoice with the number INV-1999-0001");
    }
}
