package dev.stagedesk.security;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.HOLD;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.settings.User;
import dev.stagedesk.app.AppContext;
import dev.stagedesk.app.Area;
import dev.stagedesk.booking.BookingRow;
import dev.stagedesk.client.ClientFilter;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.demo.DemoSize;
import dev.stagedesk.inquiry.InquiryStatus;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A performer who signs in sees their own gigs, payouts and expenses — and nothing of anyone else's. */
class PerformerScopeTest {
    private static final PageRequest ALL = PageRequest.first(5_000);

    @Test
    void aLinkedPerformerSeesOnlyTheirOwnGigsPayoutsAndExpenses(@TempDir Path dir) {
        try (AppContext app = TestStore.open(dir)) {
            app.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 7, false, null);
            DSLContext dsl = app.database.dsl();
            UUID pid = dsl.select(PERFORMER_EXPENSE.PERFORMER_ID).from(PERFORMER_EXPENSE)
                    .groupBy(PERFORMER_EXPENSE.PERFORMER_ID).orderBy(DSL.count().desc()).limit(1).fetchOne().value1();
            String stageName = dsl.select(PERFORMER.STAGE_NAME).from(PERFORMER).where(PERFORMER.ID.eq(pid)).fetchOne().value1();
            Actor performer = new Actor(null, "pat", EnumSet.of(Role.PERFORMER), pid);

            Set<UUID> expected = new HashSet<>(dsl.select(ASSIGNMENT.BOOKING_ID).from(ASSIGNMENT)
                    .where(ASSIGNMENT.PERFORMER_ID.eq(pid)).fetch(r -> r.value1()));
            expected.addAll(dsl.select(HOLD.BOOKING_ID).from(HOLD).where(HOLD.PERFORMER_ID.eq(pid)).fetch(r -> r.value1()));
            var mine = app.bookingQuery.page(performer, ALL, null, null, null);
            assertThat(mine.rows()).extracting(BookingRow::id).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
            assertThat(mine.rows()).allSatisfy(r -> assertThat(r.feeMinor()).as("fee hidden").isNull());
            assertThat(app.bookingQuery.page(Actor.owner(), ALL, null, null, null).total()).isGreaterThan(expected.size());
            var calendar = app.bookingQuery.between(performer, Instant.parse("2000-01-01T00:00:00Z"),
                    Instant.parse("2100-01-01T00:00:00Z"), 100_000);
            assertThat(calendar).extracting(BookingRow::id).containsExactlyInAnyOrderElementsOf(expected);

            var payouts = app.payoutQuery.page(performer, ALL, null).rows();
            assertThat(payouts).hasSize(dsl.fetchCount(ASSIGNMENT, ASSIGNMENT.PERFORMER_ID.eq(pid))).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.performer()).isEqualTo(stageName));
            var expenses = app.expenseQuery.performerExpenses(performer, ALL).rows();
            assertThat(expenses).hasSize(dsl.fetchCount(PERFORMER_EXPENSE, PERFORMER_EXPENSE.PERFORMER_ID.eq(pid)))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.who()).isEqualTo(stageName));
            Actor accountant = new Actor(null, "acc", EnumSet.of(Role.ACCOUNTANT));
            assertThat(app.payoutQuery.page(accountant, ALL, null).total()).isGreaterThan(payouts.size());
            assertThat(app.expenseQuery.performerExpenses(accountant, ALL).total()).isGreaterThan(expenses.size());

            assertThatThrownBy(() -> app.clientQuery.page(performer, ALL, ClientFilter.NONE))
                    .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("clients");
            assertThatThrownBy(() -> app.inquiryQuery.page(performer, ALL, (InquiryStatus) null))
                    .isInstanceOf(PermissionDeniedException.class);

            Set<Area> areas = EnumSet.allOf(Area.class).stream().filter(a -> a.openTo(performer))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Area.class)));
            assertThat(areas).containsExactlyInAnyOrder(Area.BOOKINGS, Area.CALENDAR, Area.PAYOUTS, Area.EXPENSES,
                    Area.MAP, Area.SETTINGS);
        }
    }

    @Test
    void withoutALinkOrAViewAllPermissionTheNarrowedListsAreEmpty(@TempDir Path dir) {
        try (AppContext app = TestStore.open(dir)) {
            app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 7, false, null);
            Actor unlinked = new Actor(null, "nobody", EnumSet.of(Role.PERFORMER));
            assertThat(app.bookingQuery.page(unlinked, ALL, null, null, null).rows()).isEmpty();
            assertThat(app.payoutQuery.page(unlinked, ALL, null).rows()).isEmpty();
            assertThat(app.expenseQuery.performerExpenses(unlinked, ALL).rows()).isEmpty();
            Actor coordinator = new Actor(null, "cora", EnumSet.of(Role.COORDINATOR));
            assertThat(app.bookingQuery.page(coordinator, ALL, null, null, null).rows()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.feeMinor()).isNotNull());
            assertThat(app.payoutQuery.page(coordinator, ALL, null).rows()).isEmpty();
            assertThat(Area.PAYOUTS.openTo(coordinator)).isFalse();
            assertThat(Area.EXPENSES.openTo(coordinator)).isTrue(); // performer expenses, not overhead
            assertThat(Area.REPORTS.openTo(coordinator)).isFalse();
            assertThat(Area.CLIENTS_VENUES.openTo(coordinator)).isTrue();
        }
    }

    @Test
    void aPerformerUserMustBeLinkedToALivePerformerRecord(@TempDir Path dir) {
        try (AppContext app = TestStore.open(dir)) {
            app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 7, false, null);
            UUID pid = app.performerQuery.choices(Actor.owner(), 10).get(0).id();
            char[] pw = "performer-pass".toCharArray();
            assertThatThrownBy(() -> app.users.create(Actor.owner(), "pia", "Pia", null, EnumSet.of(Role.PERFORMER),
                    null, pw)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(f -> f.field())
                            .containsExactly("performer"));
            assertThatThrownBy(() -> app.users.create(Actor.owner(), "pia", "Pia", null, EnumSet.of(Role.PERFORMER),
                    UUID.randomUUID(), pw)).isInstanceOf(ValidationException.class);
            User pia = app.users.create(Actor.owner(), "pia", "Pia", null, EnumSet.of(Role.PERFORMER), pid, pw);
            Actor signedIn = app.users.signIn("pia", pw);
            assertThat(signedIn.performerId()).isEqualTo(pid);
            assertThat(pia.toActor().performerId()).isEqualTo(pid);
        }
    }
}
