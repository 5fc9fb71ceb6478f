package dev.stagedesk.db;

import dev.stagedesk.security.Actor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientFilter;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.common.PageRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save the user saw succeed survives the process being killed (SIGKILL), and the store opens again.
 *
 * <p>The store's RETENTION_TIME is set to 0 first, so the child's commits reuse free space in the file from the
 * start, as in any session longer than H2's default 45 s: that is when H2 alone loses the newest commits on
 * reopening (see CrashRecovery). Without CrashRecovery this test lost an acknowledged command in round 1.
 */
class DurabilityTest {
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void everyAcknowledgedCommandSurvivesSigkill() throws Exception {
        try (AppContext app = AppContext.open(new DataFolder(dir))) {
            app.database.dsl().execute("SET RETENTION_TIME 0");
        }
        for (int round = 0; round < ROUNDS; round++) {
            String prefix = "r" + round;
            int acked = killAfter(150 + round * 60, prefix);
            try (AppContext app = AppContext.open(new DataFolder(dir))) {
                Set<String> names = app.clientQuery.page(Actor.owner(), new PageRequest("durable", "name", true, 0, 10_000),
                        ClientFilter.NONE).rows().stream().map(ClientRow::name).collect(Collectors.toSet());
                Set<String> missing = new HashSet<>();
                for (int i = 0; i <= acked; i++) {
                    if (!names.contains("Durable " + prefix + " " + i)) {
                        missing.add("Durable " + prefix + " " + i);
                    }
                }
                assertThat(missing).as("acknowledged before SIGKILL in round " + round).isEmpty();
                assertThat(app.auditLog.firstBrokenEntry()).isEmpty();
            }
        }
    }

    /** Starts the child, waits for {@code acks} acknowledgements, kills it with SIGKILL; the last ack seen. */
    private int killAfter(int acks, String prefix) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), dir.toString(), prefix)
                .redirectError(dir.resolveSibling(dir.getFileName() + "-child-" + prefix + ".log").toFile()).start();
        int last = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    last = Integer.parseInt(line.substring(4));
                    if (last >= acks) {
                        child.destroyForcibly(); // SIGKILL on Linux and macOS
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(last).as("child acknowledged commands (its stderr is in %s)", dir.getParent())
                .isGreaterThanOrEqualTo(acks);
        return last;
    }
}
