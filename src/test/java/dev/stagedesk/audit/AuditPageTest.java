package dev.stagedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.MovableClock;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPageTest {
    @Test
    void filtersByUserRecordActionDateAndText(@TempDir Path dir) {
        try (AppContext app = TestStore.open(dir)) {
            Actor cora = new Actor(null, "cora", EnumSet.of(Role.COORDINATOR));
            var c = app.clients.create(cora, ClientDraft.of(ClientKind.PERSON, "Zoë Müller"));
            app.clients.delete(Actor.owner(), c.id());
            Actor reader = new Actor(null, "alma", EnumSet.of(Role.ACCOUNTANT));
            PageRequest all = PageRequest.first(50);
            assertThat(app.auditLog.page(reader, AuditFilter.NONE, all).rows()).extracting(AuditEntry::action)
                    .containsExactly("delete", "create", "create"); // newest first; the last is the agency set-up
            assertThat(app.auditLog.page(reader, new AuditFilter("CORA", null, null, null, null), all).rows())
                    .extracting(AuditEntry::entityType).containsExactly("client");
            assertThat(app.auditLog.page(reader, new AuditFilter(null, "client", "delete", null, null), all).total())
                    .isEqualTo(1);
            LocalDate day = LocalDate.parse("2026-11-21");
            assertThat(app.auditLog.page(reader, new AuditFilter(null, null, null, day, day), all).total()).isEqualTo(3);
            assertThat(app.auditLog.page(reader, new AuditFilter(null, null, null, day.plusDays(1), null), all).total())
                    .isZero();
            assertThat(app.auditLog.page(reader, AuditFilter.NONE, all.withSearch("müller")).total()).isEqualTo(1); // the delete records only deletedAt
        }
    }

    @Test
    void theDateFilterCountsTheAgencysDaysNotUtcOrTheMachines(@TempDir Path dir) {
        // 12:00 UTC on 21 November is 01:00 on 22 November in Auckland (UTC+13)
        try (AppContext app = TestStore.open(dir, new MovableClock(
                Instant.parse("2026-11-21T12:00:00Z")))) {
            TestStore.zone(app, "Pacific/Auckland");
            Actor reader = new Actor(null, "alma", EnumSet.of(Role.ACCOUNTANT));
            app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Kiri Te Kanawa"));
            TestStore.onAUtcMachine(() -> {
                LocalDate aucklandDay = LocalDate.parse("2026-11-22");
                var onThe22nd = new AuditFilter(null, "client", null, aucklandDay, aucklandDay);
                assertThat(app.auditLog.page(reader, onThe22nd, PageRequest.first(50)).total()).isEqualTo(1);
                var onThe21st = new AuditFilter(null, "client", null, aucklandDay.minusDays(1), aucklandDay.minusDays(1));
                assertThat(app.auditLog.page(reader, onThe21st, PageRequest.first(50)).total()).isZero();
            });
        }
    }
}
