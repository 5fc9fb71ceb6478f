package dev.stagedesk.schedule;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;
import static dev.stagedesk.db.jooq.Tables.RECURRING_EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.Booking;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.expense.ExpenseService;
import dev.stagedesk.inquiry.InquiryDraft;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.schedule.DueRulesService.Outcome;
import dev.stagedesk.schedule.DueRulesService.Report;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that run on their own, through the one service, on a real store and a clock the test moves. */
class DueRulesServiceTest {
    @TempDir
    Path dir;
    MovableClock clock;
    AppContext app;
    Actor cora;
    Actor anna;
    UUID client;
    UUID nova;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(TestStore.NOW); // 2026-11-21T10:00Z
        app = TestStore.open(dir, clock);
        cora = actor(app.users.create(Actor.owner(), "cora", "Cora", null, EnumSet.of(Role.COORDINATOR), null,
                "cora-pass-1".toCharArray()).id(), "cora", Role.COORDINATOR);
        anna = actor(app.users.create(Actor.owner(), "anna", "Anna", null, EnumSet.of(Role.ACCOUNTANT), null,
                "anna-pass-1".toCharArray()).id(), "anna", Role.ACCOUNTANT);
        client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Northwind Events")).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1500, 0, null, null, null, true, null)).id();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static Actor actor(UUID id, String name, Role role) {
        return new Actor(id, name, EnumSet.of(role));
    }

    private void agencyZone(String zone) {
        var agency = app.settings.requireAgency();
        AgencyDraft d = agency.toDraft();
        app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(), d.baseCurrency(), zone,
                d.legalName(), d.addressLine1(), d.postalCode(), d.city(), d.countryCode(), d.taxId(), d.email(),
                d.phone(), d.bankDetails(), d.defaultTaxRateBp(), d.holdExpiryDays(), d.challengeHours(),
                d.idleLockMinutes(), d.backupKeepDays()));
    }

    private void inquiryFollowingUpOn(LocalDate day) {
        Instant event = Instant.parse("2027-03-01T18:00:00Z");
        app.inquiries.create(cora, new InquiryDraft(client, "Summer party", event, event.plus(Duration.ofHours(5)),
                "Europe/Berlin", false, null, null, 120, 800_000L, "EUR", "PHONE", null, day));
    }

    private void rentFrom(LocalDate startsOn, int dayOfMonth) {
        app.bus.execute(anna, new ExpenseService.AddRecurringExpense("Rent", "Landlord", 120_000, "EUR",
                "BANK_TRANSFER", dayOfMonth, startsOn, null));
    }

    /** A confirmed gig far ahead, nobody paid: its deposit falls due by the agency's default terms. */
    private LocalDate gigWithDepositDue() {
        Instant start = Instant.parse("2027-02-20T18:00:00Z");
        Booking b = app.bookings.create(cora, new BookingDraft("Gala", client, null, null, start,
                start.plus(Duration.ofHours(4)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
        return app.database.dsl().select(BOOKING.DEPOSIT_DUE_ON).from(BOOKING).where(BOOKING.ID.eq(b.id()))
                .fetchSingle().value1();
    }

    private static Map<String, Integer> counts(Report r) {
        assertThat(r.anyFailed()).as("%s", r.outcomes()).isFalse();
        return r.outcomes().stream().collect(Collectors.toMap(Outcome::rule, Outcome::count));
    }

    private Report run() {
        return app.dueRules.runDue();
    }

    @ParameterizedTest(name = "agency in {0}")
    @ValueSource(strings = {"Pacific/Auckland", "America/Los_Angeles"})
    void eachDayRuleFiresWhenTheAgencysDateComesNotUtcs(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        agencyZone(zoneName);
        inquiryFollowingUpOn(LocalDate.of(2026, 12, 1));
        rentFrom(LocalDate.of(2026, 12, 1), 3);
        LocalDate depositDue = gigWithDepositDue();
        record Due(String rule, LocalDate day) {
        }
        List<Due> dues = new ArrayList<>(List.of(new Due(DueRulesService.FOLLOW_UPS, LocalDate.of(2026, 12, 1)),
                new Due(DueRulesService.RECURRING_EXPENSES, LocalDate.of(2026, 12, 3)),
                new Due(DueRulesService.OVERDUE, depositDue.plusDays(1))));
        dues.sort(Comparator.comparing(Due::day));
        assertThat(dues.stream().map(Due::day).distinct()).as("one rule a day").hasSize(3);
        for (Due due : dues) {
            Instant midnight = due.day().atStartOfDay(zone).toInstant();
            Instant before = midnight.minus(Duration.ofMinutes(30));
            Instant after = midnight.plus(Duration.ofMinutes(30));
            // the two zones are on either side of UTC: one has its new day while UTC does not, the other not yet
            if (zone.getRules().getOffset(midnight).getTotalSeconds() > 0) {
                assertThat(LocalDate.ofInstant(after, ZoneOffset.UTC)).isEqualTo(due.day().minusDays(1));
            } else {
                assertThat(LocalDate.ofInstant(before, ZoneOffset.UTC)).isEqualTo(due.day());
            }
            clock.set(before);
            Report early = run();
            assertThat(early.today()).isEqualTo(due.day().minusDays(1));
            assertThat(counts(early).get(due.rule())).as(due + " half an hour early").isZero();
            clock.set(after);
            Report onTime = run();
            assertThat(onTime.today()).isEqualTo(due.day());
            assertThat(onTime.zone()).isEqualTo(zone);
            assertThat(counts(onTime).get(due.rule())).as(due + " half an hour after the agency's midnight")
                    .isEqualTo(1);
            assertThat(counts(run()).get(due.rule())).as(due + " run again").isZero();
        }
        assertThat(app.database.dsl().select(OVERHEAD_EXPENSE.SPENT_ON).from(OVERHEAD_EXPENSE)
                .fetch(OVERHEAD_EXPENSE.SPENT_ON)).containsExactly(LocalDate.of(2026, 12, 3));
    }

    /**
     * Everything due at once, on 5 December 2026 (Berlin): the follow-up of 21 November, the rent of 5 November
     * and 5 December, the gig's deposit (due 28 November), a party on 7 December with its place still open, and a
     * hold whose 14 days have just run out.
     */
    private Instant everyRuleDue() {
        inquiryFollowingUpOn(LocalDate.of(2026, 11, 21));
        rentFrom(LocalDate.of(2026, 11, 1), 5);
        assertThat(gigWithDepositDue()).isBefore(LocalDate.of(2026, 12, 5));
        Instant party = Instant.parse("2026-12-07T19:00:00Z");
        app.bookings.create(cora, new BookingDraft("Party", client, null, null, party, party.plus(Duration.ofHours(3)),
                "Europe/Berlin", "EUR", 50_000, 1900, 1, null, null), BookingStatus.CONFIRMED, List.of());
        Instant later = TestStore.NOW.plus(Duration.ofDays(40));
        app.bookings.create(cora, new BookingDraft("Wedding", client, null, null, later,
                later.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 50_000, 1900, 1, null, null), BookingStatus.HOLD,
                List.of(nova));
        Instant expires = app.database.dsl().select(HOLD.EXPIRES_AT).from(HOLD).fetchSingle().value1();
        clock.set(expires.plus(Duration.ofMinutes(1)));
        assertThat(LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"))).isEqualTo(LocalDate.of(2026, 12, 5));
        return party;
    }

    @Test
    void everyRuleRunsOnceAndRunningAgainDoesNotFireTwice() {
        everyRuleDue();
        Map<String, Integer> first = counts(run());
        assertThat(app.dueRules.ruleNames()).containsExactly(DueRulesService.HOLDS, DueRulesService.FOLLOW_UPS,
                DueRulesService.NOTICES, DueRulesService.RECURRING_EXPENSES, DueRulesService.OVERDUE);
        assertThat(first.get(DueRulesService.HOLDS)).isEqualTo(1);
        assertThat(first.get(DueRulesService.FOLLOW_UPS)).isEqualTo(1);
        assertThat(first.get(DueRulesService.NOTICES)).isPositive(); // the party's open place
        assertThat(first.get(DueRulesService.RECURRING_EXPENSES)).isEqualTo(2);
        assertThat(first.get(DueRulesService.OVERDUE)).isPositive();
        assertThat(app.database.dsl().select(HOLD.STATUS).from(HOLD).fetchSingle().value1()).isEqualTo("EXPIRED");
        int notices = app.database.dsl().fetchCount(NOTIFICATION);
        int expenses = app.database.dsl().fetchCount(OVERHEAD_EXPENSE);
        int audit = app.auditLog.count();

        Report second = run();
        assertThat(second.total()).as("%s", second.outcomes()).isZero();
        assertThat(second.anyFailed()).isFalse();
        assertThat(app.database.dsl().fetchCount(NOTIFICATION)).isEqualTo(notices);
        assertThat(app.database.dsl().fetchCount(OVERHEAD_EXPENSE)).isEqualTo(expenses);
        assertThat(app.auditLog.count()).as("an idle run writes nothing").isEqualTo(audit);
    }

    @Test
    void aFailingRuleIsReportedRolledBackAndTheOthersStillRun() {
        everyRuleDue();
        // the store refuses every overhead expense: the recurring-expenses rule fails in the middle of the run
        app.database.dsl().execute("ALTER TABLE overhead_expense ADD CONSTRAINT test_refuses CHECK (amount_minor < 0)");
        Report broken = run();
        assertThat(broken.anyFailed()).isTrue();
        Map<String, Outcome> by = broken.outcomes().stream().collect(Collectors.toMap(Outcome::rule, o -> o));
        assertThat(by.get(DueRulesService.RECURRING_EXPENSES).failed()).isTrue();
        assertThat(by.get(DueRulesService.RECURRING_EXPENSES).failure()).isNotBlank();
        assertThat(by.values().stream().filter(Outcome::failed)).hasSize(1);
        assertThat(by.get(DueRulesService.HOLDS).count()).isEqualTo(1);
        assertThat(by.get(DueRulesService.FOLLOW_UPS).count()).isEqualTo(1);
        assertThat(by.get(DueRulesService.OVERDUE).count()).as("the rule after the failed one ran").isPositive();
        assertThat(app.database.dsl().fetchCount(OVERHEAD_EXPENSE)).isZero();
        assertThat(app.database.dsl().select(RECURRING_EXPENSE.LAST_GENERATED_ON).from(RECURRING_EXPENSE).fetchSingle()
                .value1()).as("its transaction was rolled back").isNull();

        app.database.dsl().execute("ALTER TABLE overhead_expense DROP CONSTRAINT test_refuses");
        Map<String, Integer> next = counts(run());
        assertThat(next.get(DueRulesService.RECURRING_EXPENSES)).as("the failed rule runs again next time").isEqualTo(2);
        assertThat(next.get(DueRulesService.FOLLOW_UPS)).isZero();
        assertThat(next.get(DueRulesService.OVERDUE)).isZero();
    }

    @Test
    void aRuleThatThrowsFirstDoesNotStopTheRest() {
        everyRuleDue();
        List<DueRulesService.Rule> rules = new ArrayList<>();
        rules.add(DueRulesService.Rule.of("boom", (actor, now, today) -> {
            throw new IllegalStateException("boom");
        }));
        rules.addAll(DueRulesService.standard(app.bookings, app.inquiries, app.notifications, app.expenses,
                app.payments));
        Report r = new DueRulesService(app.agencyClock, rules).runDue();
        assertThat(r.outcomes()).hasSize(6);
        assertThat(r.outcomes().get(0)).isEqualTo(new Outcome("boom", 0, "boom"));
        assertThat(r.outcomes().subList(1, 6)).noneMatch(Outcome::failed);
        assertThat(r.outcomes().subList(1, 6)).allMatch(o -> o.count() > 0);
    }

    @Test
    void aPersonNeedsThePermissionAndTheRulesRunAsTheSystem() {
        everyRuleDue();
        Actor performer = new Actor(UUID.randomUUID(), "nova", EnumSet.of(Role.PERFORMER), nova);
        int audit = app.auditLog.count();
        assertThatThrownBy(() -> app.dueRules.runDue(performer)).isInstanceOf(PermissionDeniedException.class);
        assertThat(app.auditLog.count()).as("nothing ran").isEqualTo(audit);
        Long head = app.database.dsl().select(DSL.max(AUDIT_LOG.SEQ)).from(AUDIT_LOG).fetchSingle().value1();
        assertThat(app.dueRules.runDue(anna).total()).isPositive();
        assertThat(app.database.dsl().select(AUDIT_LOG.ACTOR).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(head))
                .fetch(AUDIT_LOG.ACTOR)).isNotEmpty().containsOnly("system");
    }
}
