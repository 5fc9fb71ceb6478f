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
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.invoice.InvoiceService;
import dev.stagedesk.map.RouteService;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.venue.VenueDraft;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A performer's schedule as .ics, the global search and one's notifications from the command line. */
class ScheduleCliTest {
    @TempDir
    Path tmp;
    Path store;
    String gala;
    String party;
    String invoice;
    UUID galaId;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        CliTest.initStore(store);
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Zoë Müller")).id();
            UUID hall = app.venues.create(Actor.owner(), new VenueDraft("Tempodrom", "Möckernstr. 10", null, "10963",
                    "Berlin", null, "DE", 52.5, 13.38, null, null, null, null)).id();
            UUID nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null,
                    List.of("DJ"), List.of(), 50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
            UUID rex = app.performers.create(Actor.owner(), new PerformerDraft("Rex", null, null, null, List.of("DJ"),
                    List.of(), 50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
            // places of their own on day routes: Nova plays Alexanderplatz, and had a place she took off again
            LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10);
            app.bus.execute(Actor.owner(), new RouteService.AddRouteStop(nova, day, "Alexanderplatz",
                    52.5219, 13.4132, LocalTime.of(14, 0), LocalTime.of(16, 0), 45));
            UUID gone = app.bus.execute(Actor.owner(), new RouteService.AddRouteStop(nova, day,
                    "Hackescher Markt", 52.5225, 13.4020, LocalTime.of(17, 0), LocalTime.of(18, 0),
                    30));
            app.bus.execute(Actor.owner(), new RouteService.RemoveRouteStop(gone));
            app.bus.execute(Actor.owner(), new RouteService.AddRouteStop(rex, day, "Mauerpark",
                    52.5430, 13.4020, LocalTime.of(12, 0), LocalTime.of(13, 0), 60));
            Instant start = Instant.now().plus(Duration.ofDays(20));
            var g = app.bookings.create(Actor.owner(), new BookingDraft("Gala, with \"quotes\"; and more", client, hall,
                    null, start, start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null),
                    BookingStatus.CONFIRMED, List.of(nova));
            gala = g.number();
            galaId = g.id();
            party = app.bookings.create(Actor.owner(), new BookingDraft("Party", client, null, null,
                    start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)),
                    "Europe/Berlin", "EUR", 50_000, 1900, 1, null, null), BookingStatus.HOLD, List.of(nova)).number();
            // someone else's gig: not in Nova's file
            app.bookings.create(Actor.owner(), new BookingDraft("Other", client, null, null, start, start.plus(
                    Duration.ofHours(2)), "Europe/Berlin", "EUR", 50_000, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
            UUID invoiceId = app.bus.execute(Actor.owner(), new InvoiceService.IssueInvoice(g.id(),
                    InvoiceKind.DEPOSIT, null));
            invoice = app.database.dsl().select(Tables.INVOICE.NUMBER)
                    .from(Tables.INVOICE).where(Tables.INVOICE.ID.eq(invoiceId))
                    .fetchOne(Tables.INVOICE.NUMBER);
            app.bus.execute(Actor.owner(), new PaymentService.RecordPayment(g.id(), "DEPOSIT", 10_000, "BANK_TRANSFER",
                    LocalDate.now(), "SEPA-4711-XY", null, null));
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
    void aPerformersScheduleExportsAsAnIcalendarFileThatCalendarsRead() throws Exception {
        Path file = tmp.resolve("nova.ics");
        CliTest.Run r = cli("export", "ics", "--performer", "DJ Nova", "--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("4 events");
        Calendar cal = new CalendarBuilder().build(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        List<VEvent> events = cal.getComponents("VEVENT");
        assertThat(events).hasSize(4);
        // her places: the one on her route at the start of its window for its stay, the one taken off cancelled
        VEvent alex = events.get(2);
        assertThat(alex.getSummary().get().getValue()).isEqualTo("Alexanderplatz (place)");
        assertThat(alex.getStatus().get().getValue()).isEqualTo("CONFIRMED");
        assertThat(alex.getLocation().get().getValue()).contains("52.5219").contains("13.4132");
        assertThat(alex.getDescription().get().getValue()).contains("DJ Nova").contains("14:00").contains("16:00");
        assertThat(Duration.between(Instant.from(alex.getDateTimeStart().get().getDate()),
                Instant.from(alex.getDateTimeEnd().get().getDate()))).isEqualTo(Duration.ofMinutes(45));
        assertThat(ZonedDateTime.ofInstant(Instant.from(alex.getDateTimeStart().get().getDate()),
                ZoneId.of("Europe/Berlin")).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
        VEvent gone = events.get(3);
        assertThat(gone.getSummary().get().getValue()).startsWith("Hackescher Markt");
        assertThat(gone.getStatus().get().getValue()).isEqualTo("CANCELLED");
        assertThat(gone.getSequence().get().getSequenceNo()).isEqualTo(1);
        VEvent first = events.get(0);
        assertThat(first.getSummary().get().getValue()).isEqualTo("Gala, with \"quotes\"; and more (" + gala + ")");
        assertThat(first.getUid().get().getValue()).isEqualTo(galaId + "@stagedesk");
        assertThat(first.getLocation().get().getValue()).contains("Tempodrom").contains("10963 Berlin");
        assertThat(first.getStatus().get().getValue()).isEqualTo("CONFIRMED");
        assertThat(events.get(1).getStatus().get().getValue()).isEqualTo("TENTATIVE"); // the hold
        assertThat(events.get(1).getSummary().get().getValue()).contains(party);
        // the whole agency's schedule has the third gig too; to standard output without --out
        CliTest.Run all = cli("export", "ics");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(new CalendarBuilder().build(new StringReader(all.out())).getComponents("VEVENT")).hasSize(6);
        // bad input names what is wrong
        CliTest.Run nobody = cli("export", "ics", "--performer", "Nobody");
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("Nobody");
        CliTest.Run backwards = cli("export", "ics", "--from", "2027-02-01", "--to", "2027-01-01");
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("--to");
    }

    @Test
    void searchFindsEveryKindByWhatAUserTypes() {
        CliTest.Run byName = cli("search", "zoe", "MUL");
        assertThat(byName.code()).as(byName.err()).isZero();
        assertThat(byName.out()).contains("client\t").contains("Zoë Müller").contains("booking\t").contains(gala);
        CliTest.Run byInvoice = cli("search", invoice.substring(0, invoice.length() - 2).toLowerCase());
        assertThat(byInvoice.out()).contains("invoice\t").contains(invoice);
        CliTest.Run byReference = cli("search", "sepa-47");
        assertThat(byReference.out()).contains("payment\t").contains("SEPA-4711-XY").contains(gala);
        CliTest.Run byNumber = cli("search", gala);
        assertThat(byNumber.out().lines().filter(l -> l.startsWith("booking\t")).toList()).hasSize(1);
        CliTest.Run venue = cli("search", "mockern");
        assertThat(venue.out()).contains("venue\t").contains("Tempodrom");
        assertThat(cli("search", "qqqzzz").code()).isEqualTo(1);
    }

    @Test
    void notificationsListReadAndKindsForTheSignedInUser() {
        try (AppContext app = AppContext.open(new DataFolder(store))) {
            Instant soon = Instant.now().plus(Duration.ofDays(3));
            UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ben")).id();
            app.bookings.create(Actor.owner(), new BookingDraft("Soon", client, null, null, soon,
                    soon.plus(Duration.ofHours(2)), "Europe/Berlin", "EUR", 10_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                    List.of());
            assertThat(app.notifications.raiseDue(Actor.system(), Instant.now())).isEqualTo(1);
        }
        CliTest.Run list = cli("notifications", "list", "--unread");
        assertThat(list.code()).as(list.err()).isZero();
        // the deposit recorded in set-up (by the owner, not by admin) and the event soon without a performer
        assertThat(list.out()).contains("EVENT_UNASSIGNED").contains("PAYMENT_RECEIVED").contains("unread");
        assertThat(list.err()).contains("2 notifications, 2 unread");
        assertThat(cli("notifications", "read", "--all", "--kind", "PAYMENT_RECEIVED").out().strip()).isEqualTo("1");
        assertThat(cli("notifications", "list", "--unread").out()).doesNotContain("PAYMENT_RECEIVED");
        assertThat(cli("notifications", "read", "--all").out().strip()).isEqualTo("1");
        assertThat(cli("notifications", "list", "--unread").out()).isEmpty();
        CliTest.Run off = cli("notifications", "kinds", "--off", "PAYMENT_RECEIVED");
        assertThat(off.out()).contains("PAYMENT_RECEIVED\toff").contains("EVENT_UNASSIGNED\ton");
        CliTest.Run bad = cli("notifications", "kinds", "--off", "NOPE");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("NOPE");
        assertThat(cli("notifications", "list", "--kind", "NOPE").code()).isEqualTo(2);
    }
}
