package dev.stagedesk.demo;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.booking.BookingService;
import dev.stagedesk.catalogue.PackageRepository;
import dev.stagedesk.client.ClientRepository;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.inquiry.InquiryService;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.search.SearchRebuild;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.demo.DemoPlan;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.venue.VenueRepository;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path tmp;

    private String exportAll(AppContext app) {
        StringWriter w = new StringWriter();
        app.csvSchemas().values().forEach(s -> app.csv.export(s, w));
        return w.toString();
    }

    @Test
    void aFailureAfterSomeStepsWereCommittedLeavesTheStoreEmpty() {
        try (AppContext app = TestStore.open(tmp.resolve("fail"))) {
            app.demo.checkpointEvery(100);
            DemoPlan plan = new DemoPlan(600, 400, 20, 12, 10);
            DemoDataService.Progress failing = (phase, done, total) -> {
                if (phase.equals("bookings") && done > 300) {
                    throw new IllegalStateException("disk full");
                }
            };
            assertThatThrownBy(() -> app.demo.generate(Actor.owner(), plan, 5, false, failing))
                    .hasMessageContaining("disk full");
            assertThat(DemoDataService.businessRows(app.database.dsl())).isZero();
            assertThat(app.database.dsl().fetchCount(Tables.SEARCH_TOKEN)).isZero();
            assertThat(app.database.dsl().fetchCount(Tables.AUDIT_LOG,
                    Tables.AUDIT_LOG.ACTION.eq("generate-demo"))).isZero();
            // and the store takes a demo again without --force
            app.demo.generate(Actor.owner(), plan, 5, false, DemoDataService.Progress.NONE);
            assertThat(app.database.dsl().fetchCount(Tables.BOOKING)).isEqualTo(600);
            // bulk mode is over: every later save is durable again
            var settings = app.database.dsl().fetch("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'RETENTION_TIME')").stream().collect(Collectors.toMap(
                    r -> r.get(0, String.class), r -> r.get(1, String.class), (x, y) -> x));
            assertThat(settings).containsEntry("WRITE_DELAY", "0").containsEntry("RETENTION_TIME", "45000");
        }
    }

    @Test
    void sameSeedGivesTheSameStore() {
        String first;
        try (AppContext a = TestStore.open(tmp.resolve("a"))) {
            a.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 99, false, DemoDataService.Progress.NONE);
            first = exportAll(a);
        }
        try (AppContext b = TestStore.open(tmp.resolve("b"))) {
            b.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 99, false, DemoDataService.Progress.NONE);
            assertThat(exportAll(b)).isEqualTo(first);
        }
        try (AppContext c = TestStore.open(tmp.resolve("c"))) {
            c.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 100, false, DemoDataService.Progress.NONE);
            assertThat(exportAll(c)).isNotEqualTo(first);
        }
    }

    @Test
    void mediumStoreIsConsistentAndNeverDoubleBooks() {
        try (AppContext app = TestStore.open(tmp)) {
            DemoSummary s = app.demo.generate(Actor.owner(), DemoSize.MEDIUM.plan(), 42, false,
                    DemoDataService.Progress.NONE);
            DSLContext dsl = app.database.dsl();
            assertThat(s.count("bookings")).isEqualTo(2000);
            assertThat(dsl.fetchCount(BOOKING)).isEqualTo(2000);
            var a = ASSIGNMENT.as("a");
            var b = ASSIGNMENT.as("b");
            int overlaps = dsl.fetchCount(dsl.selectOne().from(a).join(b).on(a.PERFORMER_ID.eq(b.PERFORMER_ID)
                    .and(a.ID.lt(b.ID)).and(a.STARTS_AT.lt(b.ENDS_AT)).and(b.STARTS_AT.lt(a.ENDS_AT))));
            assertThat(overlaps).isZero();
            int mismatched = dsl.fetchCount(dsl.selectOne().from(ASSIGNMENT).join(BOOKING)
                    .on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                    .where(ASSIGNMENT.STARTS_AT.ne(BOOKING.STARTS_AT).or(ASSIGNMENT.ENDS_AT.ne(BOOKING.ENDS_AT))));
            assertThat(mismatched).isZero();
            int numbers = dsl.fetchCount(dsl.selectDistinct(BOOKING.NUMBER).from(BOOKING));
            assertThat(numbers).isEqualTo(2000);
            // no booking has received more than its total (fee plus tax)
            var paid = DSL.select(PAYMENT.BOOKING_ID, DSL.sum(PAYMENT.AMOUNT_MINOR).as("paid")).from(PAYMENT)
                    .groupBy(PAYMENT.BOOKING_ID).asTable("p");
            int overpaid = dsl.fetchCount(dsl.selectOne().from(BOOKING).join(paid)
                    .on(paid.field(PAYMENT.BOOKING_ID).eq(BOOKING.ID))
                    .where(paid.field("paid", BigDecimal.class).gt(
                            BOOKING.FEE_MINOR.plus(BOOKING.FEE_MINOR.mul(BOOKING.TAX_RATE_BP).div(10000).plus(1))
                                    .cast(BigDecimal.class))));
            assertThat(overpaid).isZero();
            assertThat(app.auditLog.firstBrokenEntry()).isEmpty();
        }
    }

    /** The generator writes the word index itself; it must be exactly what the services would have written. */
    @Test
    void demoWordIndexIsWhatARebuildGives() {
        try (AppContext app = TestStore.open(tmp)) {
            app.demo.generate(Actor.owner(), DemoSize.SMALL.plan(), 7, false, DemoDataService.Progress.NONE);
            DSLContext dsl = app.database.dsl();
            var t = Tables.SEARCH_TOKEN;
            List<String> kinds = List.of("client", "venue", "performer", "package", "booking",
                    "inquiry");
            Map<String, Set<String>> generated = new HashMap<>();
            for (String k : kinds) {
                generated.put(k, new HashSet<>(dsl.select(t.TOKEN, t.RECORD_ID).from(t)
                        .where(t.ENTITY_TYPE.eq(k)).fetch(r -> r.value1() + "|" + r.value2())));
                assertThat(generated.get(k)).as(k).isNotEmpty();
            }
            dsl.deleteFrom(t).execute();
            SearchRebuild.rebuildMissing(dsl, List.of(
                    ClientRepository.searchKind(), VenueRepository.searchKind(),
                    PerformerRepository.searchKind(),
                    PackageRepository.searchKind(),
                    BookingService.searchKind(), InquiryService.searchKind()));
            for (String k : kinds) {
                assertThat(new HashSet<>(dsl.select(t.TOKEN, t.RECORD_ID).from(t).where(t.ENTITY_TYPE.eq(k))
                        .fetch(r -> r.value1() + "|" + r.value2()))).as(k).isEqualTo(generated.get(k));
            }
        }
    }

    /** What an agency would laugh at: numbered names, shared stage names and e-mails, Christmas parties in August. */
    @Test
    void namesAreUniqueAndPlausibleAndEventsKeepTheirSeason() {
        try (AppContext app = TestStore.open(tmp)) {
            // as many performers as the largest demo, venues and clients well past the old numbering thresholds
            app.demo.generate(Actor.owner(), new DemoPlan(3000, 4000, 2500, 2000, 400), 11, false,
                    DemoDataService.Progress.NONE);
            DSLContext dsl = app.database.dsl();
            var p = Tables.PERFORMER;
            var c = Tables.CLIENT;
            var v = Tables.VENUE;
            var i = Tables.INQUIRY;
            List<String> stageNames = dsl.select(p.STAGE_NAME).from(p).fetch(p.STAGE_NAME);
            assertThat(stageNames).hasSize(2000);
            assertThat(stageNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().count())
                    .isEqualTo(2000);
            List<String> emails = dsl.select(c.EMAIL).from(c).fetch(c.EMAIL);
            assertThat(emails).hasSize(4000).doesNotContainNull().doesNotHaveDuplicates();
            List<String> companies = dsl.select(c.NAME).from(c).where(c.KIND.eq("COMPANY")).fetch(c.NAME);
            assertThat(companies).hasSizeGreaterThan(900).doesNotHaveDuplicates();
            List<String> venues = dsl.select(v.NAME).from(v).fetch(v.NAME);
            assertThat(venues).hasSize(2500).doesNotHaveDuplicates();
            List<String> names = new ArrayList<>(stageNames);
            names.addAll(dsl.select(c.NAME).from(c).fetch(c.NAME));
            names.addAll(venues);
            assertThat(names).noneMatch(n -> n.matches(".*\\d.*"));
            // seasonal kinds of event only in their season, where the event is
            int christmas = 0;
            for (var r : dsl.select(i.EVENT_TYPE, i.STARTS_AT, i.TIME_ZONE).from(i).where(i.STARTS_AT.isNotNull())
                    .fetch()) {
                LocalDate day = LocalDate.ofInstant(r.value2(), ZoneId.of(r.value3()));
                if (r.value1().equals("Christmas party")) {
                    christmas++;
                    assertThat(day.getMonth()).as(day.toString())
                            .isIn(Month.NOVEMBER, Month.DECEMBER);
                    assertThat(day.getMonth() == Month.DECEMBER || day.getDayOfMonth() >= 20).isTrue();
                }
                if (r.value1().contains("festival") || r.value1().equals("Festival")) {
                    assertThat(day.getMonthValue()).as(r.value1() + " " + day).isBetween(5, 9);
                }
            }
            assertThat(christmas).isPositive();
            // a booking's title names the kind of its won inquiry
            assertThat(dsl.fetchCount(BOOKING, BOOKING.TITLE.startsWith("Christmas party"),
                    DSL.month(BOOKING.STARTS_AT).notIn(11, 12))).isZero();
            // inquiries with open dates are never of a seasonal kind
            assertThat(dsl.selectDistinct(i.EVENT_TYPE).from(i).where(i.STARTS_AT.isNull()).fetch(i.EVENT_TYPE))
                    .doesNotContain("Christmas party", "Festival", "Street festival");
        }
    }

    @Test
    void nothingIsDatedAfterTheAgencysTodayWhenUtcIsAlreadyTomorrow() {
        // 03:00 UTC on 1 January 2027 is still New Year's Eve in Los Angeles
        var clock = new MovableClock(Instant.parse("2027-01-01T03:00:00Z"));
        try (AppContext app = TestStore.open(tmp.resolve("la"), clock)) {
            var agency = app.settings.requireAgency();
            var d = agency.toDraft();
            app.settings.update(Actor.owner(), agency.version(), new AgencyDraft(d.name(),
                    d.baseCurrency(), "America/Los_Angeles", null, null, null, null, null, null, null, null, null,
                    d.defaultTaxRateBp(), d.holdExpiryDays(), d.challengeHours(), d.idleLockMinutes(),
                    d.backupKeepDays()));
            app.demo.generate(Actor.owner(), new DemoPlan(60, 40, 10, 6, 5), 5, false, DemoDataService.Progress.NONE);
            var o = Tables.OVERHEAD_EXPENSE;
            var p = Tables.PAYMENT;
            // with UTC's date, January 2027's rent was already written (on the 1st)
            assertThat(app.database.dsl().select(DSL.max(o.SPENT_ON)).from(o).fetchSingle().value1())
                    .isBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
            LocalDate lastPaid = app.database.dsl().select(DSL.max(p.RECEIVED_ON)).from(p)
                    .fetchSingle().value1();
            assertThat(lastPaid).isNotNull().isBeforeOrEqualTo(LocalDate.of(2026, 12, 31));
        }
    }
}
