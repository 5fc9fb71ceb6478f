package dev.stagedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's stderr holds only what the command says: nothing from the logging set-up (three "SLF4J(W)" lines
 * came first on every command when ical4j logged while SLF4J was still starting). Runs {@link Main} in a child
 * JVM on the application's own class path (without the test resources, so the shipped logback.xml is used),
 * because SLF4J starts once per JVM.
 */
class CleanStderrTest {
    @TempDir
    Path dir;

    @Test
    void helpAndInitWriteNothingFromTheLoggingSetUpToStderr() throws Exception {
        Result help = run(List.of("--data", dir.resolve("data").toString(), "--help"));
        assertThat(help.exit).isZero();
        assertThat(help.out).contains("Usage: stagedesk");
        assertThat(help.err).doesNotContain("SLF4J").isBlank();

        Result init = run(List.of("--data", dir.resolve("data").toString(), "init", "--agency", "Clean Agency",
                "--currency", "EUR", "--admin", "admin"));
        assertThat(init.exit).as(init.err).isZero();
        assertThat(init.err).doesNotContain("SLF4J");
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("STAGEDESK_PASSWORD", "correct horse battery");
        pb.environment().remove("STAGEDESK_USER");
        int exit = pb.start().waitFor();
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
