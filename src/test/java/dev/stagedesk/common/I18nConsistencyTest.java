package dev.stagedesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.Area;
import dev.stagedesk.security.Permission;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the code asks for exists, and every text is a valid MessageFormat pattern. */
class I18nConsistencyTest {
    private static final Pattern USE = Pattern.compile("tr\\(\"([a-zA-Z0-9_.]+)\"");

    private static Properties bundle() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n/messages.properties"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyUsedInCodeIsInTheBundle() throws IOException {
        Properties p = bundle();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".") && !p.containsKey(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** A key written twice silently takes its last text (a merge of two branches can do that): none is. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String name : List.of("messages.properties", "messages_de.properties")) {
            Path file = Path.of("src/main/resources/i18n", name);
            Map<String, Integer> seen = new HashMap<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#") && !Character.isWhitespace(line.charAt(0))
                        && seen.merge(line.substring(0, eq).strip(), 1, Integer::sum) > 1) {
                    twice.add(line.substring(0, eq).strip());
                }
            }
            assertThat(twice).as("keys written twice in " + name).isEmpty();
        }
    }

    @Test
    void everyTextIsAValidPattern() throws IOException {
        Properties p = bundle();
        for (String key : p.stringPropertyNames()) {
            new MessageFormat(p.getProperty(key));
        }
        assertThat(I18n.tr("validation.email", "x")).isEqualTo("'x' is not an e-mail address.");
    }

    /** In a text with arguments a lone apostrophe starts a quoted part and swallows the arguments after it. */
    @Test
    void textsWithArgumentsDoubleTheirApostrophes() throws IOException {
        Properties p = bundle();
        Set<String> bad = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            String text = p.getProperty(key);
            if (text.matches(".*\\{\\d.*") && text.replace("''", "").contains("'")) {
                bad.add(key);
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void areaAndEntityKeysBuiltAtRunTimeExist() throws IOException {
        Properties p = bundle();
        for (var a : Area.values()) {
            assertThat(a.title()).doesNotStartWith("area.");
        }
        for (String e : new String[] {"client", "venue", "performer", "agency"}) {
            assertThat(p).containsKey("entity." + e);
        }
        for (var perm : Permission.values()) {
            assertThat(perm.describe()).doesNotStartWith("permission.");
        }
    }
}
