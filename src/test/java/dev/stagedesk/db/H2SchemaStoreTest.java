package dev.stagedesk.db;

import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.client.ClientDraft;
import dev.stagedesk.client.ClientFilter;
import dev.stagedesk.client.ClientKind;
import dev.stagedesk.client.ClientRow;
import dev.stagedesk.common.Ids;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.search.GlobalSearchQuery;
import dev.stagedesk.security.Actor;
import dev.stagedesk.settings.AgencyDraft;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync endpoint's embedded mode: agencies' stores as schemas of one H2 database, own pool or shared. */
class H2SchemaStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void twoAgenciesInOneH2DatabaseEachSeeTheirOwnRows() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("server").toAbsolutePath();
        JdbcConnectionPool shared = JdbcConnectionPool.create(url, "sa", "");
        try (AppContext one = context(Database.open(new JdbcTarget(url, "sa", "", "agency_one")), "one");
             AppContext two = context(Database.openSchema(shared, Vendor.H2, "agency_two"), "two")) {
            UUID a = one.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Anna Agency-One")).id();
            UUID b = two.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, "Anna Agency-Two")).id();
            assertThat(one.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("anna"),
                    new ClientFilter(null, null, false)).rows()).extracting(ClientRow::id).containsExactly(a);
            assertThat(two.globalSearch.search(Actor.owner(), "anna agency", 5).groups()
                    .get(GlobalSearchQuery.Kind.CLIENT)).extracting(GlobalSearchQuery.Hit::id).containsExactly(b);
            assertThat(two.database.dsl().fetchExists(CLIENT, CLIENT.ID.eq(a))).isFalse();
            assertThat(one.database.schemaVersion()).isEqualTo(Database.latestSchemaVersion());
            assertThat(two.database.schemaVersion()).isEqualTo(Database.latestSchemaVersion());
            assertThat(one.database.vendor()).isEqualTo(Vendor.H2);
            // the desktop's own schema stays empty: nothing was written outside the agencies' schemas
            try (var c = shared.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } finally {
            shared.dispose();
        }
    }

    @Test
    void aSchemaNameIsLowerCaseLettersDigitsAndUnderscores() {
        assertThatThrownBy(() -> new JdbcTarget("jdbc:h2:mem:x", "sa", "", "Agency\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdbcTarget("jdbc:mysql://x/y", "sa", "", "agency"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not an H2 or PostgreSQL");
        assertThat(Vendor.of("jdbc:postgresql://db.example/stagedesk")).isEqualTo(Vendor.POSTGRES);
        assertThat(new JdbcTarget("jdbc:postgresql://db/x", "u", "secret", "a1").toString()).doesNotContain("secret");
    }

    private AppContext context(Database db, String name) {
        AppContext app = new AppContext(new DataFolder(dir.resolve(name)), db, CLOCK, Ids.timeOrdered(), d -> { });
        app.settings.setUp(Actor.owner(), AgencyDraft.initial("Agency " + name, "EUR", "Europe/Berlin"));
        return app;
    }
}
