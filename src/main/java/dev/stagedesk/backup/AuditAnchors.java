package dev.stagedesk.backup;

import dev.stagedesk.audit.AnchorSet;
import dev.stagedesk.audit.AuditAnchor;
import dev.stagedesk.audit.AuditHead;
import dev.stagedesk.audit.AuditLog;
import dev.stagedesk.audit.AuditVerification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of the audit chain's head kept outside the store, so {@code audit verify} sees what the chain alone
 * cannot: newest entries deleted together with their counter, and a log rewritten with recomputed hashes.
 * <ul>
 *   <li>{@code DATA/audit-anchors}: one line per anchor ({@code anchor <TAB> seq <TAB> hash <TAB> instant <TAB>
 *       why}), appended at every backup and when a store closes with a head it does not hold yet; a restore
 *       appends a {@code restore} line, and anchors from before it are no longer compared.</li>
 *   <li>every backup's manifest ({@code auditSeq}, {@code auditHash}): the head the copy holds; the backups in
 *       {@code DATA/backups} (daily automatic and "Back up now") are read at each verify.</li>
 * </ul>
 * Someone who can write both the store and the data folder can rewrite both; backups kept elsewhere (and,
 * later, the sync endpoint) are the anchors that survive that.
 */
public final class AuditAnchors {
    public static final String FILE = "audit-anchors";
    public static final String BACKUPS = "backups";
    static final String MANIFEST_SEQ = "auditSeq";
    static final String MANIFEST_HASH = "auditHash";
    private static final String ANCHOR = "anchor";
    private static final String RESTORE = "restore";
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchors.class);

    private final Path folder;
    private final AuditLog log;
    private final Clock clock;

    public AuditAnchors(Path dataFolder, AuditLog log, Clock clock) {
        this.folder = dataFolder;
        this.log = log;
        this.clock = clock;
    }

    /** The chain's newest entry, if any. */
    public Optional<AuditHead> head() {
        return log.head();
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    /** Appends the chain's current head, unless the file's newest line already holds it. */
    public void record(String why) {
        Optional<AuditHead> head = log.head();
        if (head.isEmpty() || head.get().equals(lastRecorded().orElse(null))) {
            return;
        }
        append(ANCHOR, head.get(), why);
    }

    /** {@link #record} for closing a store: a failure is logged, never thrown (the store must still close). */
    public void recordQuietly(String why) {
        try {
            record(why);
        } catch (RuntimeException e) {
            LOG.warn("Could not anchor the audit log's head in {}", file(), e);
        }
    }

    /** After a restore: the restored head, and a line that supersedes the anchors recorded before it. */
    public void recordRestore(String from) {
        append(RESTORE, log.head().orElse(new AuditHead(0, "-")), from);
    }

    /** Checks the chain and every anchor reachable from this data folder. */
    public AuditVerification verify() {
        return log.verify(collect());
    }

    /** The anchors of the file and of the backups in DATA/backups, since the last restore. */
    public AnchorSet collect() {
        List<AuditAnchor> fromFile = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        int superseded = 0;
        Instant restoredAt = null;
        if (Files.isRegularFile(file())) {
            List<String> lines = readLines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Optional<Line> parsed = parse(line, i + 1);
                if (parsed.isEmpty()) {
                    unreadable.add(i + 1);
                    continue;
                }
                Line l = parsed.get();
                if (l.kind().equals(RESTORE)) {
                    superseded += fromFile.size();
                    fromFile.clear();
                    restoredAt = l.anchor().recordedAt();
                }
                if (l.anchor().seq() > 0) {
                    fromFile.add(l.anchor());
                }
            }
        }
        List<AuditAnchor> fromBackups = new ArrayList<>();
        for (AuditAnchor a : backupAnchors()) {
            if (restoredAt != null && !a.recordedAt().isAfter(restoredAt)) {
                superseded++;
            } else {
                fromBackups.add(a);
            }
        }
        List<AuditAnchor> all = new ArrayList<>(fromFile);
        all.addAll(fromBackups);
        return new AnchorSet(all, file().toString(), fromFile.size(), folder.resolve(BACKUPS).toString(),
                fromBackups.size(), superseded, restoredAt, unreadable);
    }

    /** The head a backup's manifest records, if it records one (backups made before anchoring do not). */
    public static Optional<AuditAnchor> inBackup(Path zipFile) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            ZipEntry manifest = zip.getEntry(BackupService.MANIFEST);
            if (manifest == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(manifest)) {
                p.load(in);
            }
            String seq = p.getProperty(MANIFEST_SEQ);
            String hash = p.getProperty(MANIFEST_HASH);
            if (seq == null || hash == null) {
                return Optional.empty();
            }
            return Optional.of(new AuditAnchor(Long.parseLong(seq), hash, Instant.parse(p.getProperty("createdAt")),
                    zipFile.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the audit anchor of {}", zipFile, e);
            return Optional.empty();
        }
    }

    private List<AuditAnchor> backupAnchors() {
        Path dir = folder.resolve(BACKUPS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted()
                    .map(AuditAnchors::inBackup).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Line(String kind, AuditAnchor anchor) {
    }

    private Optional<Line> parse(String line, int number) {
        String[] f = line.split("\t", 5);
        if (f.length < 4 || !(f[0].equals(ANCHOR) || f[0].equals(RESTORE))) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(f[1]);
            if (seq > 0 && !f[2].matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            String why = f.length == 5 ? f[4] : "";
            String source = FILE + " line " + number + (why.isEmpty() ? "" : " (" + why + ")");
            return Optional.of(new Line(f[0], new AuditAnchor(seq, f[2], Instant.parse(f[3]), source)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<AuditHead> lastRecorded() {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        List<String> lines = readLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<Line> l = parse(lines.get(i), i + 1);
            if (l.isPresent()) {
                return Optional.of(new AuditHead(l.get().anchor().seq(), l.get().anchor().hash()));
            }
        }
        return Optional.empty();
    }

    private List<String> readLines() {
        try {
            return Files.readAllLines(file(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String kind, AuditHead head, String why) {
        String text = (Files.exists(file()) ? "" : "# Stagedesk audit anchors: kind, entry, hash, time, why. "
                + "Appended only; see docs/ARCHITECTURE.md (Audit log).\n")
                + String.join("\t", kind, Long.toString(head.seq()), head.hash(), clock.instant().toString(),
                why.replaceAll("[\\t\\r\\n]", " ")) + "\n";
        try {
            Files.createDirectories(folder);
            Files.write(file(), text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
