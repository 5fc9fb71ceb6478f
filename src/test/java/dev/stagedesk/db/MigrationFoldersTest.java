package dev.stagedesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every migration exists for both vendors, with the same version and description: a new H2 migration without its
 * PostgreSQL translation (or the reverse) fails here, before a server store falls a version behind.
 */
class MigrationFoldersTest {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    @Test
    void bothVendorsHaveTheSameMigrations() throws Exception {
        List<String> h2 = migrations(Vendor.H2);
        List<String> postgres = migrations(Vendor.POSTGRES);
        assertThat(h2).as("H2 migrations").hasSizeGreaterThanOrEqualTo(18).startsWith("V1__baseline.sql");
        assertThat(postgres).as("PostgreSQL migrations, in version order").containsExactlyElementsOf(h2);
    }

    @Test
    void versionsRunFromOneWithoutGaps() throws Exception {
        List<String> h2 = migrations(Vendor.H2);
        for (int i = 0; i < h2.size(); i++) {
            assertThat(version(h2.get(i))).as(h2.get(i)).isEqualTo(i + 1);
        }
        assertThat(Database.latestSchemaVersion()).isEqualTo(Integer.toString(h2.size()));
    }

    /** The file names of a vendor's folder on the class path, in version order. */
    static List<String> migrations(Vendor vendor) throws IOException, URISyntaxException {
        String folder = vendor.migrations().substring("classpath:".length());
        var url = MigrationFoldersTest.class.getClassLoader().getResource(folder);
        assertThat(url).as(folder + " on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("only V<n>__<description>.sql in " + folder)
                    .allMatch(n -> NAME.matcher(n).matches());
            return names.stream().sorted(Comparator.comparingInt(MigrationFoldersTest::version)).toList();
        }
    }

    private static int version(String name) {
        Matcher m = NAME.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
