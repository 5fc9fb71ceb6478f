package dev.stagedesk.search;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingDraft;
import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk a common-word search takes must give the very pages the plain query gives (the query it replaced,
 * which read and sorted every match): same rows, same order, at every offset, over chunk boundaries.
 */
class SearchWalkTest {
    @TempDir
    Path dir;
    AppContext app;

    @BeforeEach
    void setUp() {
        app = TestStore.open(dir);
        UUID client = app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Ada Lovelace")).id();
        Random random = new Random(7);
        String[] words = {"Wedding", "Gala", "Birthday", "Wedding party", "Wednesday jazz", "Garden gala"};
        Instant base = Instant.parse("2027-03-01T18:00:00Z");
        for (int i = 0; i < 40; i++) {
            // a few share a start, so the (start, id) order needs its tie-breaker
            Instant start = base.plus(Duration.ofHours(random.nextInt(12) * 24L + (i % 3 == 0 ? 0 : random.nextInt(5))));
            app.bookings.create(Actor.owner(), new BookingDraft(words[random.nextInt(words.length)] + " " + i, client,
                    null, null, start, start.plus(Duration.ofHours(3)), "Europe/Berlin", "EUR", 100_000, 1900, 1, null,
                    null), i % 4 == 0 ? BookingStatus.CONFIRMED : BookingStatus.HOLD, List.of());
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    private List<UUID> plain(Condition where, SortField<?>[] order, int offset, int limit) {
        return app.database.dsl().select(BOOKING.ID).from(BOOKING).where(where).orderBy(order).limit(limit)
                .offset(offset).fetch(BOOKING.ID);
    }

    @Test
    void walkedPagesAreThePagesOfThePlainQuery() {
        var dsl = app.database.dsl();
        for (String search : List.of("wed", "wedding", "gala", "wed party", "zzz")) {
            for (boolean ascending : List.of(true, false)) {
                for (String status : Arrays.asList(null, "HOLD")) {
                    SortField<?>[] order = ascending ? new SortField<?>[] {BOOKING.STARTS_AT.asc(), BOOKING.ID.asc()}
                            : new SortField<?>[] {BOOKING.STARTS_AT.desc(), BOOKING.ID.desc()};
                    Condition filters = BOOKING.DELETED_AT.isNull()
                            .and(status == null ? DSL.noCondition() : BOOKING.STATUS.eq(status));
                    // the status in the walked condition, or left to the check on the matches
                    Condition indexed = status == null || ascending ? DSL.noCondition()
                            : BOOKING.STATUS.eq(status);
                    Condition matching = filters.and(SearchIndex.matches("booking", BOOKING.ID, search));
                    int all = dsl.fetchCount(BOOKING, matching);
                    SearchIndex.Match match = SearchIndex.find(dsl, "booking", search);
                    // every word checked on the rows walked, read out after 6 rows or never
                    SearchIndex.Match broad = new SearchIndex.Match("booking", null,
                            List.copyOf(SearchIndex.queryWords(search)));
                    for (int offset : new int[] {0, 4, 9, 30})
                    for (var how : List.of(Map.entry(match, Integer.MAX_VALUE), Map.entry(broad, 6),
                            Map.entry(broad, Integer.MAX_VALUE))) {
                        SearchWalk.Result walked = SearchWalk.walk(dsl, BOOKING, BOOKING.STARTS_AT, BOOKING.ID, ascending,
                                order, indexed, filters, how.getKey(), offset, 5, 3, 4, how.getValue());
                        String what = search + " asc=" + ascending + " status=" + status + " offset=" + offset
                                + " broad=" + how.getKey().broad() + " narrowAfter=" + how.getValue();
                        assertThat(walked.pageIds()).as(what).isEqualTo(plain(matching, order, offset, 5));
                        if (walked.totalIsLowerBound()) {
                            assertThat(walked.total()).as(what).isLessThanOrEqualTo(all).isGreaterThanOrEqualTo(
                                    Math.min(all, offset + walked.pageIds().size()));
                        } else {
                            assertThat(walked.total()).as(what).isEqualTo(all);
                        }
                    }
                    // with room to walk to the end, the count is exact
                    assertThat(SearchWalk.walk(dsl, BOOKING, BOOKING.STARTS_AT, BOOKING.ID, ascending, order,
                            DSL.noCondition(), filters, match, 0, 5, 3, 1000, 6)).extracting(SearchWalk.Result::total, SearchWalk.Result::totalIsLowerBound)
                            .as(search).containsExactly(all, false);
                }
            }
        }
    }

    @Test
    void aWordTooCommonToReadOutIsCheckedOnTheCandidates() {
        var dsl = app.database.dsl();
        List<UUID> everyBooking = dsl.select(BOOKING.ID).from(BOOKING).orderBy(BOOKING.ID).fetch(BOOKING.ID);
        SearchIndex.Match broad = new SearchIndex.Match("booking", null, List.of("wed", "part"));
        List<UUID> expected = dsl.select(BOOKING.ID).from(BOOKING)
                .where(SearchIndex.matches("booking", BOOKING.ID, "wed part")).orderBy(BOOKING.ID).fetch(BOOKING.ID);
        assertThat(expected).isNotEmpty();
        assertThat(broad.keep(dsl, everyBooking)).isEqualTo(expected);
        // read out and broad words together
        SearchIndex.Match mixed = new SearchIndex.Match("booking", new HashSet<>(
                SearchIndex.find(dsl, "booking", "party").ids()), List.of("wed"));
        assertThat(mixed.keep(dsl, everyBooking)).isEqualTo(expected);
    }

    @Test
    void findIntersectsTheWordsAndSaysWhenNothingMatches() {
        var dsl = app.database.dsl();
        assertThat(SearchIndex.find(dsl, "booking", "").everything()).isTrue();
        assertThat(SearchIndex.find(dsl, "booking", "wedding zzz").nothing()).isTrue();
        SearchIndex.Match both = SearchIndex.find(dsl, "booking", "wed part");
        assertThat(both.listed()).isTrue();
        assertThat(both.ids()).containsExactlyInAnyOrderElementsOf(dsl.select(BOOKING.ID).from(BOOKING)
                .where(SearchIndex.matches("booking", BOOKING.ID, "wed part")).fetch(BOOKING.ID));
    }
}
