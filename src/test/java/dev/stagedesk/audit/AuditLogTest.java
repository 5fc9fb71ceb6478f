package dev.stagedesk.audit;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
        for (int i = 0; i < 5; i++) {
            app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Client " + i));
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void untouchedChainIsIntact() {
        assertThat(app.auditLog.count()).isEqualTo(6);
        assertThat(app.auditLog.firstBrokenEntry()).isEmpty();
    }

    @Test
    void editBehindTheApplicationsBackIsFoundAtThatEntry() {
        app.database.dsl().update(AUDIT_LOG).set(AUDIT_LOG.ACTOR, "mallory").where(AUDIT_LOG.SEQ.eq(4L)).execute();
        assertThat(app.auditLog.firstBrokenEntry()).contains(4L);
    }

    @Test
    void chainStaysVerifiableWhenTheClockHasNanoseconds(@TempDir Path other) {
        var folder = new DataFolder(other);
        Clock nanoClock = Clock.fixed(Instant.parse("2026-11-21T10:00:00.010999800Z"),
                ZoneOffset.UTC);
        try (AppContext nano = new AppContext(folder, Database.open(folder), nanoClock,
                Ids.timeOrdered())) {
            nano.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Nanosecond"));
            assertThat(nano.auditLog.firstBrokenEntry()).isEmpty();
        }
    }

    @Test
    void deletedEntryIsFound() {
        app.database.dsl().deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(3L)).execute();
        assertThat(app.auditLog.firstBrokenEntry()).contains(3L);
    }

    @Test
    void rewrittenChangeIsFoundEvenWithItsOwnHashRecomputedNaively() {
        String otherHash = app.database.dsl().select(AUDIT_LOG.HASH).from(AUDIT_LOG).where(AUDIT_LOG.SEQ.eq(2L))
                .fetchOne(AUDIT_LOG.HASH);
        app.database.dsl().update(AUDIT_LOG).set(AUDIT_LOG.HASH, otherHash).where(AUDIT_LOG.SEQ.eq(5L)).execute();
        assertThat(app.auditLog.firstBrokenEntry()).contains(5L);
    }
}
