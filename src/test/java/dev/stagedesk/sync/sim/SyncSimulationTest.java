package dev.stagedesk.sync.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.sync.SyncServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deterministic simulation of sync: three desktops of one agency work on few performers and a few hot
 * bookings through a network that loses, repeats and delays messages and desktops that crash between the
 * endpoint's commit and recording its answers; once the network heals, {@link Checker} must find nothing wrong.
 * A failure names its seed: run that seed alone (its log is in the test output) to reproduce it.
 */
class SyncSimulationTest {
    private static final Logger LOG = LoggerFactory.getLogger(SyncSimulationTest.class);
    private static final int STEPS = 150;

    @TempDir
    Path dir;

    /**
     * Seeds run on every build (-Dsim.seeds=11,12 runs others instead). Seeds that failed once and were fixed stay,
     * with what they found (the smallest reproductions are in {@link SimulationFindingsTest}).
     */
    static final long[] SEEDS = {
        1L,
        2L,
        // (workload before clock skew) a reschedule replayed onto another gig of the performer left both
        // assignments unmarked; later an invoice and its credit note refused together could not be taken back
        3L,
        // (workload before clock skew) a refused booking with an invoice could not be taken back: its open
        // receivable held it
        4L,
        // the endpoint marked a second assignment for a clash AssignPerformer had already marked itself
        10L,
        // a reschedule still overlapping the gig its assignment was already marked against added a second
        // DOUBLE_BOOKING record for the one clash
        20L,
        42L,
    };

    static LongStream seeds() {
        String only = System.getProperty("sim.seeds");
        if (only != null && !only.isBlank()) {
            return Arrays.stream(only.split(",")).mapToLong(s -> Long.parseLong(s.strip()));
        }
        return LongStream.of(SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void afterHealingEveryDesktopAndTheServerAgree(long seed) throws IOException {
        Path logFile = Path.of("target", "sync-sim", "seed-" + seed + ".log");
        Files.createDirectories(logFile.getParent());
        List<String> log = new ArrayList<>();
        try (Simulation sim = new Simulation(Simulation.Config.of(seed, STEPS), dir, log::add)) {
            long t0 = System.nanoTime();
            sim.setUp();
            long t1 = System.nanoTime();
            sim.run();
            long t2 = System.nanoTime();
            int rounds = sim.heal();
            long t3 = System.nanoTime();
            List<String> problems = sim.check();
            long t4 = System.nanoTime();
            String summary = "seed " + seed + ": " + sim.workload().done() + " actions done, "
                    + sim.workload().refused() + " refused on the desktop; network " + sim.network()
                    + "; in step after " + rounds + " rounds; " + sim.outcomes() + "; ms set-up " + (t1 - t0) / 1_000_000
                    + ", run " + (t2 - t1) / 1_000_000 + ", heal " + (t3 - t2) / 1_000_000 + ", check "
                    + (t4 - t3) / 1_000_000;
            LOG.info(summary);
            log.add(summary);
            log.addAll(problems);
            assertThat(problems).as("seed %d (%s; its log: %s) found problems", seed, summary, logFile).isEmpty();
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + " failed (its log: " + logFile + "): " + e, e);
        } finally {
            Files.write(logFile, log);
        }
    }

    /** The checker is not blind: a server whose pages skip changes leaves desktops behind, and it says so. */
    @Test
    void theCheckerCatchesAServerWhosePagesSkipChanges() throws Exception {
        long seed = 7L;
        List<String> log = new ArrayList<>();
        try (Simulation sim = new Simulation(Simulation.Config.of(seed, 60).withPullLimit(3), dir, log::add)) {
            sim.setUp();
            Method broken = SyncServer.class.getDeclaredMethod("breakPaging");
            broken.setAccessible(true);
            broken.invoke(sim.server());
            sim.run();
            sim.heal();
            List<String> problems = sim.check();
            assertThat(problems).as("seed %d with broken paging", seed)
                    .anyMatch(p -> p.contains("not on") || p.contains("differs on"));
        }
    }
}
