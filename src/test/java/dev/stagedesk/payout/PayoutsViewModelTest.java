package dev.stagedesk.payout;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.booking.PayoutStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.performer.PerformerChoice;
import dev.stagedesk.performer.PerformerDraft;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.SecondContext;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.FormState;
import dev.stagedesk.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outstanding payouts without the tree (the direct task runner): what is owed by performer with the totals,
 * the selection enabling Mark paid, paying a performer's gigs in one command, a payout paid meanwhile in another
 * context refused with nothing changed, and a statement saved.
 */
class PayoutsViewModelTest {
    @TempDir
    Path dir;
    AppContext app;
    final List<Throwable> unexpected = new ArrayList<>();
    UUID nova;
    UUID rex;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        nova = app.performers.create(Actor.owner(), new PerformerDraft("DJ Nova", null, null, null, List.of("DJ"),
                List.of(), 50_000, "EUR", 1000, 0, null, null, null, true, null)).id();
        rex = app.performers.create(Actor.owner(), new PerformerDraft("Rex", null, null, null, List.of("DJ"),
                List.of(), 30_000, "EUR", 0, 0, null, null, null, true, null)).id();
        Instant past = TestStore.NOW.minus(Duration.ofDays(20));
        for (int i = 0; i < 3; i++) {
            Instant start = past.plus(Duration.ofDays(i));
            app.bookings.create(Actor.owner(), new BookingDraft("Gig " + i, client, null, null, start,
                    start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null),
                    BookingStatus.CONFIRMED, i < 2 ? List.of(nova) : List.of(rex));
        }
        Instant future = TestStore.NOW.plus(Duration.ofDays(5)); // not owed yet
        app.bookings.create(Actor.owner(), new BookingDraft("Later", client, null, null, future,
                future.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null, null), BookingStatus.CONFIRMED,
                List.of(nova));
    }

    @AfterEach
    void close() {
        app.close();
        assertThat(unexpected).isEmpty();
    }

    PayoutsViewModel model(AppContext ctx, Actor actor) {
        PayoutsViewModel vm = new PayoutsViewModel(new PayoutsViewModel.Deps(ctx.payoutQuery, ctx.assignments,
                ctx.statements, ctx.performerQuery, ctx.agencyClock), actor, TaskRunner.direct(), unexpected::add);
        vm.load();
        return vm;
    }

    FormState form() {
        return new FormState(TaskRunner.direct(), unexpected::add);
    }

    @Test
    void whatIsOwedByPerformerWithTotalsAndAPerformersGigsPaidTogether() {
        PayoutsViewModel vm = model(app, Actor.owner());
        assertThat(vm.groups()).extracting(PayoutQuery.OutstandingGroup::performer).containsExactly("DJ Nova", "Rex");
        assertThat(vm.groups().get(0).totalMinor()).as("two past gigs, not the later one").isEqualTo(100_000);
        assertThat(vm.totalsProperty().get()).isEqualTo("Owed: 1,300.00 EUR to 2 performers (3 gigs).");
        assertThat(vm.markPaidEnabled().get()).as("nothing chosen").isFalse();
        List<PayoutRow> gigs = new ArrayList<>();
        vm.gigs(vm.groups().get(0), gigs::addAll);
        assertThat(gigs).extracting(PayoutRow::event).containsExactly("Gig 0", "Gig 1");

        vm.selected().setAll(new PayoutsViewModel.Line(vm.groups().get(0), null));
        assertThat(vm.markPaidEnabled().get()).isTrue();
        List<List<UUID>> chosen = new ArrayList<>();
        vm.chosenPayouts(chosen::add);
        assertThat(chosen).singleElement().satisfies(ids -> assertThat(ids).containsExactlyElementsOf(
                gigs.stream().map(PayoutRow::id).toList()));
        AtomicInteger closed = new AtomicInteger();
        vm.markPaid(form(), chosen.get(0), vm.today(), "BANK_TRANSFER", "Batch 11", closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(vm.messageProperty().get()).isEqualTo("2 payouts marked paid.");
        assertThat(vm.groups()).extracting(PayoutQuery.OutstandingGroup::performer).containsExactly("Rex");
        assertThat(vm.totalsProperty().get()).isEqualTo("Owed: 300.00 EUR to 1 performer (1 gig).");
        assertThat(vm.selected()).as("read again: nothing chosen").isEmpty();

        PayoutsViewModel coordinator = model(app, new Actor(null, "co", Set.of(Role.COORDINATOR)));
        assertThat(coordinator.canMarkPaid()).isFalse();
        assertThat(coordinator.groups()).as("a coordinator sees no one's payouts").isEmpty();
        coordinator.selected().setAll(new PayoutsViewModel.Line(vm.groups().get(0), null));
        assertThat(coordinator.markPaidEnabled().get()).isFalse();
    }

    @Test
    void aPayoutPaidMeanwhileInAnotherContextIsRefusedAndNothingChanges() {
        AppContext other = SecondContext.on(app, app.clock);
        PayoutsViewModel a = model(app, Actor.owner());
        PayoutQuery.OutstandingGroup rexGroup = a.groups().get(1);
        List<PayoutRow> gigs = new ArrayList<>();
        a.gigs(rexGroup, gigs::addAll); // A opened Rex's gigs
        other.assignments.markPaid(Actor.owner(), List.of(gigs.get(0).id()), LocalDate.of(2026, 11, 20),
                "CASH", "B paid it");

        a.selected().setAll(new PayoutsViewModel.Line(null, gigs.get(0)));
        List<List<UUID>> chosen = new ArrayList<>();
        a.chosenPayouts(chosen::add);
        FormState state = form();
        AtomicInteger closed = new AtomicInteger();
        a.markPaid(state, chosen.get(0), a.today(), "BANK_TRANSFER", "A pays too", closed::incrementAndGet);
        assertThat(closed).hasValue(0);
        assertThat(state.generalErrorProperty().get()).isEqualTo("Rex's payout was already paid on 20 Nov 2026: "
                + "nothing was changed.");
        assertThat(app.payoutQuery.page(Actor.owner(), new dev.stagedesk.common.PageRequest("", "date", false, 0, 10),
                PayoutStatus.PAID).rows()).singleElement().satisfies(r -> assertThat(r.paidOn()).isEqualTo(LocalDate.of(2026, 11, 20)));
        a.load();
        assertThat(a.groups()).extracting(PayoutQuery.OutstandingGroup::performer).containsExactly("DJ Nova");
    }

    @Test
    void aStatementForLastMonthIsReadAndSaved() throws Exception {
        PayoutsViewModel vm = model(app, Actor.owner());
        assertThat(vm.lastMonth()).isEqualTo(new PayoutsViewModel.Period(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31)));
        List<PerformerChoice> who = new ArrayList<>();
        vm.statementPerformers(who::addAll);
        assertThat(who).extracting(PerformerChoice::stageName).containsExactlyInAnyOrder("DJ Nova", "Rex");
        FormState state = form();
        List<PerformerStatements.Statement> read = new ArrayList<>();
        vm.statement(state, null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), read::add);
        assertThat(state.errors()).containsKey("performer");
        PerformerChoice novaChoice = who.stream().filter(p -> p.id().equals(nova)).findFirst().orElseThrow();
        vm.statement(state, novaChoice, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30), read::add);
        assertThat(read).singleElement().satisfies(s -> assertThat(s.performer()).isEqualTo("DJ Nova"));
        assertThat(PayoutsViewModel.fileName(read.get(0), false)).isEqualTo("statement-DJ-Nova-2026-10-01-2026-11-30.csv");
        Path csv = dir.resolve("nova.csv");
        vm.save(read.get(0), false, csv);
        assertThat(vm.messageProperty().get()).isEqualTo("Statement saved as nova.csv.");
        assertThat(Files.readString(csv)).contains("Gig 0").contains("Gig 1");

        Actor performer = new Actor(null, "rex", Set.of(Role.PERFORMER), rex);
        PayoutsViewModel own = model(app, performer);
        assertThat(own.seesAll()).isFalse();
        List<PerformerChoice> mine = new ArrayList<>();
        own.statementPerformers(mine::addAll);
        assertThat(mine).extracting(PerformerChoice::id).containsExactly(rex);
        assertThat(own.groups()).extracting(PayoutQuery.OutstandingGroup::performer).containsExactly("Rex");
    }
}
