package dev.stagedesk.cli;

import static dev.stagedesk.cli.CliTest.PASSWORD;
import static dev.stagedesk.cli.CliTest.run;
import static dev.stagedesk.cli.CliTest.runAs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.jooq.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {
    @TempDir
    Path tmp;

    private String exportAll(Path store) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String kind : new String[] {"clients", "venues", "performers"}) {
            Path f = tmp.resolve(kind + "-" + store.getFileName() + ".csv");
            CliTest.Run r = run("--data", store.toString(), "export", kind, "--out", f.toString());
            assertThat(r.code()).as(r.err()).isZero();
            all.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    @Test
    void backupThenRestoreIntoANewFolderGivesAnIdenticalExport() throws Exception {
        Path a = tmp.resolve("a");
        assertThat(run("--data", a.toString(), "demo", "--password", PASSWORD).code()).isZero();
        Files.createDirectories(a.resolve("attachments/receipts"));
        Files.writeString(a.resolve("attachments/receipts/r1.txt"), "taxi 12.50");
        Path zip = tmp.resolve("backup.zip");
        CliTest.Run backup = run("--data", a.toString(), "backup", "--out", zip.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written to");

        Path b = tmp.resolve("b");
        CliTest.Run restore = runAs(Map.of(), "--data", b.toString(), "restore", zip.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored the backup of Demo Agency");
        assertThat(exportAll(b)).isEqualTo(exportAll(a));
        assertThat(Files.readString(b.resolve("attachments/receipts/r1.txt"))).isEqualTo("taxi 12.50");
        assertThat(run("--data", b.toString(), "audit", "verify").out()).contains("Audit log intact");
    }

    @Test
    void restoreRefusesWhatIsNotABackupANewerBackupAndAStoreWithData() throws Exception {
        Path a = tmp.resolve("a");
        run("--data", a.toString(), "demo", "--password", PASSWORD);
        Path zip = tmp.resolve("backup.zip");
        assertThat(run("--data", a.toString(), "backup", "--out", zip.toString()).code()).isZero();

        Path text = tmp.resolve("notes.zip");
        Files.writeString(text, "not a zip at all");
        CliTest.Run notZip = runAs(Map.of(), "--data", tmp.resolve("x").toString(), "restore", text.toString());
        assertThat(notZip.code()).isEqualTo(2);
        assertThat(notZip.err()).contains("is not a Stagedesk backup");

        Path newer = tmp.resolve("newer.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(newer))) {
            z.putNextEntry(new ZipEntry("stagedesk-backup.properties"));
            z.write("format=stagedesk-backup-1\nschemaVersion=999\nappVersion=9.0.0\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("store/stagedesk.mv.db"));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        CliTest.Run tooNew = runAs(Map.of(), "--data", tmp.resolve("y").toString(), "restore", newer.toString());
        assertThat(tooNew.code()).isEqualTo(2);
        assertThat(tooNew.err()).contains("made by a newer Stagedesk (9.0.0, schema 999)");

        CliTest.Run occupied = run("--data", a.toString(), "restore", zip.toString());
        assertThat(occupied.code()).isEqualTo(2);
        assertThat(occupied.err()).contains("already holds data. Use --force");
        CliTest.Run coordinator = runAs(Map.of("STAGEDESK_USER", "coordinator", "STAGEDESK_PASSWORD", PASSWORD),
                "--data", a.toString(), "restore", zip.toString(), "--force");
        assertThat(coordinator.err()).contains("You do not have permission to back up or restore the store.");
        CliTest.Run forced = run("--data", a.toString(), "restore", zip.toString(), "--force");
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.exists(a.resolve("stagedesk.mv.db.before-restore"))).isFalse();
    }

    @Test
    void auditVerifyComparesWithTheBackupsAnchorsAndARestoreStartsAfresh() throws Exception {
        Path a = tmp.resolve("a");
        CliTest.Run init = runAs(Map.of("STAGEDESK_PASSWORD", PASSWORD), "--data", a.toString(), "init",
                "--agency", "Anchor Agency", "--currency", "EUR", "--admin", "admin");
        assertThat(init.code()).as(init.err()).isZero();
        Path zip = tmp.resolve("elsewhere").resolve("backup.zip");
        assertThat(run("--data", a.toString(), "backup", "--out", zip.toString()).code()).isZero();
        CliTest.Run intact = run("--data", a.toString(), "audit", "verify", "--backup", zip.toString());
        assertThat(intact.code()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("Audit log intact").contains("Anchors checked: 3 (2 in ")
                .contains("1 in backup manifests");

        // someone with the store's file deletes the newest entries and their counter
        try (var app = AppContext.open(new DataFolder(a))) {
            app.database.dsl().deleteFrom(Tables.AUDIT_LOG)
                    .where(Tables.AUDIT_LOG.SEQ.gt(2L)).execute();
            app.database.dsl().update(Tables.NUMBER_SEQUENCE)
                    .set(Tables.NUMBER_SEQUENCE.LAST_VALUE, 2L)
                    .where(Tables.NUMBER_SEQUENCE.SERIES.eq("AUDIT")).execute();
        }
        CliTest.Run truncated = run("--data", a.toString(), "audit", "verify");
        assertThat(truncated.code()).isEqualTo(2);
        assertThat(truncated.err()).contains("Audit log intact").contains("Truncation found: entry ");

        // restoring the backup over it: the anchors from before the restore are not compared any more
        CliTest.Run restore = run("--data", a.toString(), "restore", zip.toString(), "--force");
        assertThat(restore.code()).as(restore.err()).isZero();
        CliTest.Run after = run("--data", a.toString(), "audit", "verify");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out()).contains("Audit log intact").contains("from before the restore at");
    }
}
