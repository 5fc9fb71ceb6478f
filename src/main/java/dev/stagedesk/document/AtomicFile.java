package dev.stagedesk.document;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all: into a temporary file next to it, then moved over it in one step. */
public final class AtomicFile {
    /** What produces the content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** What writes text (UTF-8). */
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /** Text in UTF-8, whole or not at all. */
    public static void writeText(Path file, Text content) {
        write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            content.writeTo(w);
            w.flush();
        });
    }

    public static void write(Path file, byte[] bytes) {
        write(file, out -> out.write(bytes));
    }

    public static void write(Path file, Content content) {
        write(file, content, () -> { });
    }

    /**
     * Writes the content into the temporary file, then runs {@code beforeMove} (the command the file belongs to,
     * such as marking a quote sent) and only when that succeeds moves the file into place: a refused command
     * leaves no file behind, and a file that cannot be written refuses the command.
     */
    public static void write(Path file, Content content, Runnable beforeMove) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".stagedesk", ".tmp");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    content.writeTo(out);
                }
                beforeMove.run();
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("file.writeFailed", file, e.getMessage()));
        }
    }
}
