package dev.stagedesk.audit;

import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.NUMBER_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.backup.AuditAnchors;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.common.Ids;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's head anchored outside the store: what {@code audit verify} finds that the chain alone cannot. */
class AuditAnchorsTest {
    @TempDir
    Path dir;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
        clients(5, "Before");
        app.backups.backup(Actor.owner(), dir.resolve("backups").resolve("manual-1.zip"), "Test Agency");
        clients(3, "After");
    }

    @AfterEach
    void close() {
        app.close();
    }

    private void clients(int n, String prefix) {
        for (int i = 0; i < n; i++) {
            app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, prefix + " " + i));
        }
    }

    private AuditVerification verify() {
        return app.backups.anchors().verify();
    }

    @Test
    void intactLogMatchesItsAnchorsInTheFileAndTheBackupManifest() {
        AuditVerification v = verify();
        assertThat(v.ok()).as(String.join("\n", v.lines())).isTrue();
        assertThat(v.anchorSet().fromFile()).isEqualTo(1);
        assertThat(v.anchorSet().fromBackups()).isEqualTo(1);
        assertThat(v.anchorsMatched()).isEqualTo(2);
        // manifest: the head the copy holds; file: the head after the backup's own entry; then three more clients
        long head = app.auditLog.head().orElseThrow().seq();
        assertThat(v.newestAnchored()).isEqualTo(head - 3);
        assertThat(v.lines()).anySatisfy(l -> assertThat(l).startsWith("Audit log intact"))
                .anySatisfy(l -> assertThat(l).startsWith("Anchors checked: 2 (1 in "))
                .anySatisfy(l -> assertThat(l).contains("are not anchored yet"));
    }

    @Test
    void newestEntriesDeletedWithTheirCounterAreATruncation() {
        long anchored = verify().newestAnchored();
        truncateTo(anchored - 2);
        assertThat(app.auditLog.firstBrokenEntry()).as("the chain alone sees nothing").isEmpty();

        AuditVerification v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.truncationFound()).isTrue();
        assertThat(v.rewriteFound()).isFalse();
        assertThat(v.lines()).anySatisfy(l -> assertThat(l)
                .startsWith("Truncation found: entry " + anchored + " (anchored by audit-anchors line 2 (backup manual-1.zip)")
                .endsWith("the log ends at entry " + (anchored - 2) + "."));
    }

    @Test
    void theBackupManifestAloneStillCatchesATruncationWhenTheAnchorFileIsGone() throws Exception {
        long inManifest = verify().newestAnchored() - 1;
        Files.delete(dir.resolve(AuditAnchors.FILE));
        truncateTo(inManifest - 1);
        AuditVerification v = verify();
        assertThat(v.truncationFound()).isTrue();
        assertThat(v.findings()).extracting(f -> f.anchor().source()).containsExactly("manual-1.zip");
    }

    @Test
    void aLogRewrittenWithRecomputedHashesIsARewrite() {
        DSLContext dsl = app.database.dsl();
        List<AuditEntry> all = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch(r -> new AuditEntry(r.getSeq(),
                r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getEntityType(), r.getEntityId(),
                r.getChanges(), r.getPrevHash(), r.getHash()));
        String prev = all.get(1).hash();
        for (AuditEntry e : all.subList(2, all.size())) {
            String actor = e.seq() == 3 ? "mallory" : e.actor();
            AuditEntry forged = new AuditEntry(e.seq(), e.id(), e.occurredAt(), actor, e.action(), e.entityType(),
                    e.entityId(), e.changes(), prev, null);
            String hash = AuditHash.of(forged);
            dsl.update(AUDIT_LOG).set(AUDIT_LOG.ACTOR, actor).set(AUDIT_LOG.PREV_HASH, prev).set(AUDIT_LOG.HASH, hash)
                    .where(AUDIT_LOG.SEQ.eq(e.seq())).execute();
            prev = hash;
        }
        assertThat(app.auditLog.firstBrokenEntry()).as("the chain alone sees nothing").isEmpty();

        AuditVerification v = verify();
        assertThat(v.rewriteFound()).isTrue();
        assertThat(v.findings()).hasSize(2);
        assertThat(v.lines()).anySatisfy(l -> assertThat(l).startsWith("Rewrite found: entry "));
    }

    @Test
    void closingTheStoreAnchorsItsNewHeadSoLaterEntriesAreCoveredToo() {
        app.close();
        app = reopen();
        long head = app.auditLog.head().orElseThrow().seq();
        AuditVerification before = verify();
        assertThat(before.newestAnchored()).isEqualTo(head);
        assertThat(before.lines()).noneSatisfy(l -> assertThat(l).contains("not anchored yet"));
        truncateTo(head - 1);
        assertThat(verify().truncationFound()).isTrue();
    }

    @Test
    void aRestoreLineSupersedesTheAnchorsBeforeIt() {
        long head = app.auditLog.head().orElseThrow().seq();
        truncateTo(head - 5); // as a restore of an older backup leaves the store
        app.backups.anchors().recordRestore("restore older.zip");
        AuditVerification v = verify();
        assertThat(v.ok()).as(String.join("\n", v.lines())).isTrue();
        assertThat(v.anchorSet().superseded()).as("the file's line and the backup's manifest").isEqualTo(2);
        assertThat(v.lines()).anySatisfy(l -> assertThat(l).startsWith("2 anchors from before the restore"));
    }

    private AppContext reopen() {
        var folder = new DataFolder(dir);
        return new AppContext(folder, Database.open(folder),
                Clock.fixed(TestStore.NOW.plusSeconds(60), ZoneOffset.UTC),
                Ids.timeOrdered(), d -> { });
    }

    /** What someone with the store's file does to hide the newest entries: rows and counter together. */
    private void truncateTo(long last) {
        DSLContext dsl = app.database.dsl();
        dsl.deleteFrom(AUDIT_LOG).where(AUDIT_LOG.SEQ.gt(last)).execute();
        dsl.update(NUMBER_SEQUENCE).set(NUMBER_SEQUENCE.LAST_VALUE, last)
                .where(NUMBER_SEQUENCE.SERIES.eq("AUDIT"), NUMBER_SEQUENCE.PERIOD.eq(0)).execute();
    }
}
