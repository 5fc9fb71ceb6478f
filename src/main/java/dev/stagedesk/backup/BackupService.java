package dev.stagedesk.backup;

import dev.stagedesk.audit.AuditHead;
import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.PermissionDeniedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Backups of a store and its attachments, taken while it is open, and their checks before a restore.
 * A backup is a zip: {@code stagedesk-backup.properties} (what it is), {@code store/stagedesk.mv.db} (H2's
 * consistent online copy) and {@code attachments/...}.
 */
public final class BackupService {
    public static final String MANIFEST = "stagedesk-backup.properties";
    public static final String STORE_ENTRY = "store/stagedesk.mv.db";
    public static final int AUTO_KEEP_DAYS = 14;
    private static final String APP_VERSION = "0.1.0";

    /** Taking a backup is recorded in the audit log (who, where, how big). */
    public record RecordBackup(String file, long bytes, String schemaVersion) implements Command<Void>, LocalCommand {
    }

    /** What a backup file says about itself. */
    public record BackupInfo(String createdAt, String schemaVersion, String appVersion, String agency) {
    }

    private final Database database;
    private final DataFolder folder;
    private final CommandBus bus;
    private final Clock clock;
    private final AuditAnchors anchors;

    public BackupService(Database database, DataFolder folder, CommandBus bus, Clock clock) {
        this.database = database;
        this.folder = folder;
        this.bus = bus;
        this.clock = clock;
        this.anchors = new AuditAnchors(folder.path(), new AuditLog(database.dsl()), clock);
        bus.register(RecordBackup.class, CommandHandler.of(Permission.BACKUP_RESTORE, (c, ctx) -> {
            ctx.audit("backup", "store", null, null, Map.of("file", c.file(), "bytes", c.bytes(),
                    "schemaVersion", c.schemaVersion()));
            return null;
        }));
    }

    /** The audit chain's anchors outside the store (DATA/audit-anchors and the backups' manifests). */
    public AuditAnchors anchors() {
        return anchors;
    }

    /**
     * Writes a backup to {@code out} (replacing it), while the store stays open. Its manifest records the
     * audit chain's head at the copy ({@code auditSeq}, {@code auditHash}), and DATA/audit-anchors the head after
     * the backup's own audit entry.
     */
    public BackupInfo backup(Actor actor, Path out, String agencyName) {
        if (!actor.can(Permission.BACKUP_RESTORE)) {
            throw new PermissionDeniedException(Permission.BACKUP_RESTORE);
        }
        try {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path h2 = Files.createTempFile(target.getParent(), "h2-backup", ".zip");
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.delete(h2);
                Optional<AuditHead> head = anchors.head();
                database.backupTo(h2);
                BackupInfo info = new BackupInfo(clock.instant().toString(), database.schemaVersion(), APP_VERSION,
                        agencyName == null ? "" : agencyName);
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                    Properties p = new Properties();
                    p.setProperty("format", "stagedesk-backup-1");
                    p.setProperty("createdAt", info.createdAt());
                    p.setProperty("schemaVersion", info.schemaVersion());
                    p.setProperty("appVersion", info.appVersion());
                    p.setProperty("agency", info.agency());
                    head.ifPresent(h -> {
                        p.setProperty(AuditAnchors.MANIFEST_SEQ, Long.toString(h.seq()));
                        p.setProperty(AuditAnchors.MANIFEST_HASH, h.hash());
                    });
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    p.store(zip, "Stagedesk backup");
                    zip.closeEntry();
                    copyH2Entries(h2, zip);
                    addAttachments(zip);
                }
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                bus.execute(actor, new RecordBackup(target.toString(), Files.size(target), info.schemaVersion()));
                anchors.record("backup " + target.getFileName());
                return info;
            } finally {
                Files.deleteIfExists(h2);
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("backup.failed", out, e.getMessage()));
        }
    }

    private static void copyH2Entries(Path h2, ZipOutputStream zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".mv.db")) {
                    zip.putNextEntry(new ZipEntry(STORE_ENTRY));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }

    private void addAttachments(ZipOutputStream zip) throws IOException {
        Path dir = folder.path().resolve("attachments");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry("attachments/" + dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    /**
     * Daily backups in DATA/backups (auto-YYYY-MM-DD.zip): one a day, those of the last {@code keepDays} days kept
     * (the agency setting, {@link #AUTO_KEEP_DAYS} by default); 0 writes none and removes none.
     */
    public List<Path> autoBackupIfDue(Actor actor, String agencyName, int keepDays) {
        Path dir = folder.path().resolve("backups");
        LocalDate today = LocalDate.now(clock); // the agency's date: AppContext passes its agency clock
        Path todays = dir.resolve("auto-" + today + ".zip");
        List<Path> written = new ArrayList<>();
        if (keepDays <= 0) {
            return written;
        }
        if (!Files.exists(todays) && actor.can(Permission.BACKUP_RESTORE)) {
            backup(actor, todays, agencyName);
            written.add(todays);
        }
        LocalDate oldest = today.minusDays(keepDays - 1L);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.matches("auto-\\d{4}-\\d{2}-\\d{2}\\.zip")
                        && LocalDate.parse(n.substring(5, 15), DateTimeFormatter.ISO_LOCAL_DATE).isBefore(oldest)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Reads a backup's manifest, refusing a file that is not a Stagedesk backup or is newer than this version. */
    public static BackupInfo inspect(Path zipFile) {
        if (!Files.isRegularFile(zipFile)) {
            throw new UserFacingException(I18n.tr("restore.noFile", zipFile));
        }
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry manifest = zip.getEntry(MANIFEST);
            if (manifest == null || zip.getEntry(STORE_ENTRY) == null) {
                throw new UserFacingException(I18n.tr("restore.notBackup", zipFile));
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(manifest)) {
                p.load(in);
            }
            if (!"stagedesk-backup-1".equals(p.getProperty("format"))) {
                throw new UserFacingException(I18n.tr("restore.notBackup", zipFile));
            }
            BackupInfo info = new BackupInfo(p.getProperty("createdAt"), p.getProperty("schemaVersion"),
                    p.getProperty("appVersion"), p.getProperty("agency"));
            String known = Database.latestSchemaVersion();
            if (MigrationVersion.fromVersion(info.schemaVersion()).isNewerThan(known)) {
                throw new UserFacingException(I18n.tr("restore.newer", info.appVersion(), info.schemaVersion(), known));
            }
            return info;
        } catch (ZipException e) {
            throw new UserFacingException(I18n.tr("restore.notBackup", zipFile));
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("restore.unreadable", zipFile, e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(I18n.tr("restore.notBackup", zipFile));
        }
    }

    /**
     * Puts a backup's store and attachments into a data folder whose store is closed. The current store is
     * kept as {@code stagedesk.mv.db.before-restore} until {@code verify} (open, migrate, check) succeeds.
     */
    public static void restoreInto(Path zipFile, DataFolder target, Runnable verify) {
        inspect(zipFile);
        Path store = target.path().resolve("stagedesk.mv.db");
        Path kept = target.path().resolve("stagedesk.mv.db.before-restore");
        try {
            Files.createDirectories(target.path());
            boolean hadStore = Files.exists(store);
            if (hadStore) {
                Files.move(store, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            try (ZipFile zip = new ZipFile(zipFile.toFile())) {
                try (InputStream in = zip.getInputStream(zip.getEntry(STORE_ENTRY))) {
                    Files.copy(in, store);
                }
                var entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (e.getName().startsWith("attachments/") && !e.isDirectory()) {
                        Path out = target.path().resolve(e.getName()).normalize();
                        if (!out.startsWith(target.path().resolve("attachments"))) {
                            throw new UserFacingException(I18n.tr("restore.notBackup", zipFile));
                        }
                        Files.createDirectories(out.getParent());
                        try (InputStream in = zip.getInputStream(e); OutputStream o = Files.newOutputStream(out)) {
                            in.transferTo(o);
                        }
                    }
                }
            }
            try {
                verify.run();
            } catch (RuntimeException failed) {
                Files.deleteIfExists(store);
                if (hadStore) {
                    Files.move(kept, store);
                }
                throw failed;
            }
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("restore.unreadable", zipFile, e.getMessage()));
        }
    }

    /** The file name of a backup made with "Back up now": "manual-20261204-143000.zip" (a file name: no locale). */
    public static String manualFileName(LocalDateTime now) {
        return "manual-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
    }
}
