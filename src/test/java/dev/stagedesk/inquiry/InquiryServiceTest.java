package dev.stagedesk.inquiry;

import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InquiryServiceTest {
    static final Instant EVENT = Instant.parse("2027-02-06T17:00:00Z");

    @TempDir
    Path dir;
    MovableClock clock;
    AppContext app;
    Actor cora;
    UUID client;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(TestStore.NOW);
        app = TestStore.open(dir, clock);
        app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null, "cora-pass-1".toCharArray());
        cora = app.users.signIn("cora", "cora-pass-1".toCharArray());
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Northwind Events")).id();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private InquiryDraft draft(LocalDate followUp) {
        return new InquiryDraft(client, "Summer party", EVENT, EVENT.plus(Duration.ofHours(5)), "Europe/Berlin", false,
                null, "Harbour warehouse 7", 120, 800_000L, "EUR", "PHONE", "Wants a brass band", followUp);
    }

    private Inquiry to(Inquiry i, InquiryStatus status, String reason) {
        return app.bus.execute(cora, new InquiryService.ChangeInquiryStatus(i.id(), i.version(), status, reason));
    }

    @Test
    void everyTransitionIsAllowedOrRefusedAsTheStatusMachineSays() {
        Set<InquiryStatus> all = EnumSet.allOf(InquiryStatus.class);
        for (var entry : InquiryService.TRANSITIONS.entrySet()) {
            for (InquiryStatus target : all) {
                if (target == InquiryStatus.WON) {
                    continue; // winning is converting: covered below
                }
                Inquiry i = reach(entry.getKey());
                if (entry.getValue().contains(target)) {
                    Inquiry moved = to(i, target, target == InquiryStatus.LOST ? "Budget too low" : null);
                    assertThat(moved.status()).as(entry.getKey() + " -> " + target).isEqualTo(target);
                } else {
                    assertThatThrownBy(() -> to(i, target, "Budget too low")).as(entry.getKey() + " -> " + target)
                            .isInstanceOf(UserFacingException.class).hasMessageContaining("cannot become");
                }
            }
        }
        Inquiry open = app.inquiries.create(cora, draft(null));
        assertThatThrownBy(() -> to(open, InquiryStatus.WON, null)).hasMessageContaining("converting");
    }

    /** A fresh inquiry brought to {@code status} by legal steps. */
    private Inquiry reach(InquiryStatus status) {
        Inquiry i = app.inquiries.create(cora, draft(null));
        return switch (status) {
            case NEW -> i;
            case CONTACTED, QUOTED, CANCELLED -> to(i, status, null);
            case LOST -> to(i, InquiryStatus.LOST, "No reply");
            case WON -> {
                app.bus.execute(cora, new InquiryService.ConvertInquiry(i.id(), i.version(),
                        app.inquiries.bookingFrom(i, "Northwind Events", 500_000, 1900), BookingStatus.CONFIRMED, List.of()));
                yield app.inquiries.find(i.id());
            }
        };

    }

    @Test
    void lostNeedsAReasonFromTheAgencysList() {
        Inquiry i = app.inquiries.create(cora, draft(null));
        assertThatThrownBy(() -> to(i, InquiryStatus.LOST, "  ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Say why");
        assertThatThrownBy(() -> to(i, InquiryStatus.LOST, "Mercury in retrograde")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not one of the agency's reasons");
        assertThat(to(i, InquiryStatus.LOST, "Chose another agency").lostReason()).isEqualTo("Chose another agency");
        assertThat(app.inquiries.lostReasons()).contains("Chose another agency");
    }

    @Test
    void convertingAWonInquiryCreatesItsBookingWithANumber() {
        Inquiry i = to(to(app.inquiries.create(cora, draft(null)), InquiryStatus.CONTACTED, null), InquiryStatus.QUOTED, null);
        Booking b = app.bus.execute(cora, new InquiryService.ConvertInquiry(i.id(), i.version(),
                app.inquiries.bookingFrom(i, "Northwind Events", 650_000, 1900), BookingStatus.HOLD, List.of()));
        assertThat(b.number()).isEqualTo("BK-2026-000001");
        assertThat(b.status()).isEqualTo(BookingStatus.HOLD);
        assertThat(b.inquiryId()).isEqualTo(i.id());
        assertThat(b.title()).isEqualTo("Summer party — Northwind Events");
        assertThat(b.startsAt()).isEqualTo(EVENT);
        assertThat(b.feeMinor()).isEqualTo(650_000);
        assertThat(app.inquiries.find(i.id()).status()).isEqualTo(InquiryStatus.WON);
        assertThat(app.bookingQuery.page(Actor.owner(), PageRequest.first(10), null, null, null)
                .rows()).extracting(r -> r.number()).containsExactly("BK-2026-000001");
        Inquiry won = app.inquiries.find(i.id());
        assertThatThrownBy(() -> app.bus.execute(cora, new InquiryService.ConvertInquiry(won.id(), won.version(),
                app.inquiries.bookingFrom(won, "x", 1, 0), BookingStatus.HOLD, List.of()))).hasMessageContaining("won cannot become won");
    }

    @Test
    void aConversionThatFailsLeavesTheInquiryOpenAndUsesNoNumber() {
        Inquiry tbd = app.inquiries.create(cora, new InquiryDraft(client, "Gala", null, null, "Europe/Berlin", true,
                null, null, null, null, "EUR", "EMAIL", null, null));
        assertThatThrownBy(() -> app.bus.execute(cora, new InquiryService.ConvertInquiry(tbd.id(), tbd.version(),
                app.inquiries.bookingFrom(tbd, "Northwind Events", 1000, 0), BookingStatus.HOLD, List.of())))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                        .contains("startsAt", "endsAt"));
        assertThat(app.inquiries.find(tbd.id()).status()).isEqualTo(InquiryStatus.NEW);
    }

    @Test
    void badInputNamesTheField() {
        var bad = new InquiryDraft(null, " ", EVENT, EVENT.minusSeconds(1), "Mars/Olympus", false, UUID.randomUUID(),
                null, 0, -5L, "ZZZ", "PIGEON", null, null);
        assertThatThrownBy(() -> app.inquiries.create(cora, bad)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                        .contains("client", "eventType", "endsAt", "timeZone", "venue", "guestCount", "budget",
                                "currency", "source"));
        var noDate = new InquiryDraft(client, "Gala", null, null, "Europe/Berlin", false, null, null, null, null,
                "EUR", "EMAIL", null, null);
        assertThatThrownBy(() -> app.inquiries.create(cora, noDate)).hasMessageContaining("dates to be agreed");
        Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));
        assertThatThrownBy(() -> app.inquiries.create(accountant, draft(null)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aPassedFollowUpDateNotifiesTheOwnerOnce() {
        app.inquiries.create(cora, draft(LocalDate.of(2026, 11, 23)));
        assertThat(app.inquiries.raiseDueFollowUps(Actor.system(), clock.instant())).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(app.inquiries.raiseDueFollowUps(Actor.system(), clock.instant())).isEqualTo(1);
        int auditEntries = app.auditLog.count();
        assertThat(app.inquiries.raiseDueFollowUps(Actor.system(), clock.instant())).isZero();
        assertThat(app.auditLog.count()).as("an idle timer writes nothing").isEqualTo(auditEntries);
        clock.advance(Duration.ofDays(1));
        app.inquiries.raiseDueFollowUps(Actor.system(), clock.instant());
        var titles = app.database.dsl().select(NOTIFICATION.TITLE).from(NOTIFICATION)
                .where(NOTIFICATION.USER_ID.eq(cora.userId())).fetch(NOTIFICATION.TITLE);
        assertThat(titles).containsExactly("Follow up with Northwind Events");
    }

    @Test
    void theLostReasonsAreTheAgencysOwnList() {
        assertThat(app.inquiries.setLostReasons(Actor.owner(), List.of(" Too far away ", "", "Budget too low",
                "Too far away"))).containsExactly("Too far away", "Budget too low");
        Inquiry i = app.inquiries.create(cora, draft(null));
        assertThatThrownBy(() -> to(i, InquiryStatus.LOST, "No reply")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("No reply");
        assertThat(to(i, InquiryStatus.LOST, "Too far away").lostReason()).isEqualTo("Too far away");
        assertThatThrownBy(() -> app.inquiries.setLostReasons(Actor.owner(), List.of(" ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> app.inquiries.setLostReasons(cora, List.of("Mine")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(app.inquiries.lostReasons()).containsExactly("Too far away", "Budget too low");
    }

    @Test
    void theListFiltersBySourceClientAndEventDates() {
        UUID other = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Other Client")).id();
        Inquiry a = app.inquiries.create(cora, draft(null));
        Inquiry b = app.inquiries.create(cora, new InquiryDraft(other, "Gala", EVENT.plus(Duration.ofDays(30)),
                EVENT.plus(Duration.ofDays(30)).plus(Duration.ofHours(3)), "Europe/Berlin", false, null, null, null,
                null, "EUR", "REFERRAL", null, null));
        var all = PageRequest.first(10);
        Function<InquiryQuery.Filter, List<UUID>> ids = f -> app.inquiryQuery.page(cora, all, f)
                .rows().stream().map(InquiryRow::id).toList();
        assertThat(ids.apply(new InquiryQuery.Filter(null, "REFERRAL", null, null, null))).containsExactly(b.id());
        assertThat(ids.apply(new InquiryQuery.Filter(null, null, client, null, null))).containsExactly(a.id());
        assertThat(ids.apply(new InquiryQuery.Filter(null, null, null, EVENT.plus(Duration.ofDays(1)), null)))
                .containsExactly(b.id());
        assertThat(ids.apply(new InquiryQuery.Filter(null, null, null, null, EVENT.plus(Duration.ofDays(1)))))
                .containsExactly(a.id());
        assertThat(app.inquiryQuery.page(cora, all.withSearch("gala other"), InquiryQuery.Filter.NONE).rows())
                .extracting(InquiryRow::id).containsExactly(b.id());
    }
}
