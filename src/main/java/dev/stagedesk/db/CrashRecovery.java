package dev.stagedesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the last commits of a store whose process was killed, before H2 opens it.
 *
 * <p>Why: H2 (MVStore, checked in 2.5.252) writes each commit as a new chunk and records the newest chunk in the
 * file header only now and then. When a chunk cannot go where its predecessor predicted, H2 rewrites the header,
 * but the header names the predecessor (RandomAccessStore.writeChunk runs before FileStore.storeBuffer sets
 * lastChunk). After a kill, H2's normal open follows the header and the predicted chain and misses that chunk
 * and the ones chained after it (up to about 20 commits), although all of them are in the file. This happens
 * once chunks reuse free space in the file, i.e. once chunks are older than RETENTION_TIME (45 s by default).
 *
 * <p>What: a marker file beside the store exists while the store is open. If it is still there at the next open,
 * the previous process ended without closing the store, and the store is first opened with MVStore's recovery
 * mode, which scans the whole file for the newest chunk whose chunk set is complete, and closed again, which
 * writes a header naming that chunk. H2 then opens the store as usual. The scan reads the file once; it runs
 * only after a crash.
 */
final class CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);

    /** How many Databases of this process have each store open: the mark goes when the last one closes. */
    private static final Map<Path, Integer> OPEN_HERE = new HashMap<>();

    private final Path marker;
    private final Path storeFile;

    CrashRecovery(DataFolder folder) {
        Path base = folder.storeBase().toAbsolutePath().normalize();
        this.marker = base.resolveSibling(base.getFileName() + ".open");
        this.storeFile = base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /** Whether the store was open in a process that ended without closing it. */
    boolean previousSessionCrashed() {
        synchronized (OPEN_HERE) {
            return !OPEN_HERE.containsKey(marker) && Files.exists(marker) && Files.exists(storeFile);
        }
    }

    /**
     * Makes the store's header name its newest complete chunk (see the class comment). {@code filePassword} is
     * H2's file password for an encrypted store (the part before the space of the JDBC password), else null.
     * A failure is logged and left to H2's own open, which reports it (a wrong passphrase, a damaged file).
     * Returns whether the scan succeeded.
     */
    boolean recover(String filePassword) {
        LOG.warn("The store was not closed (the program ended unexpectedly); recovering its last commits: {}", storeFile);
        try {
            MVStoreTool.compactCleanUp(storeFile.toString());
            MVStore.Builder builder = new MVStore.Builder().fileName(storeFile.toString()).recoveryMode()
                    .autoCommitDisabled();
            if (filePassword != null) {
                builder.encryptionKey(filePassword.toCharArray());
            }
            try (MVStore store = builder.open()) {
                LOG.info("Store recovered to version {}", store.getCurrentVersion());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Recovery scan failed; H2 opens the store as it is: {}", e.toString());
            return false;
        }
    }

    /** Marks the store open (after a successful open). */
    void markOpen() {
        synchronized (OPEN_HERE) {
            if (OPEN_HERE.merge(marker, 1, Integer::sum) > 1) {
                return;
            }
        }
        try {
            Files.writeString(marker, "The store is open (or its program ended without closing it).\n");
        } catch (IOException e) {
            LOG.warn("Could not write {}; a crash will not be noticed at the next open: {}", marker, e.toString());
        }
    }

    /** Removes the open mark when the last Database of this process on the store closed. */
    void markClosed() {
        synchronized (OPEN_HERE) {
            if (OPEN_HERE.merge(marker, -1, Integer::sum) > 0) {
                return;
            }
            OPEN_HERE.remove(marker);
        }
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", marker, e.toString());
        }
    }
}
