package dev.stagedesk.client;

import static dev.stagedesk.db.jooq.Tables.CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Language;
import dev.stagedesk.csv.ImportReport;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.TaskRunner;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's document language: on the form, in the clients CSV (an optional column) and in the audit log. */
class ClientLanguageTest {
    static final String HEADER = "id,kind,name,contact_name,email,phone,address_line1,address_line2,postal_code,city,"
            + "region,country_code,tax_id,notes";

    @TempDir
    Path dir;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private ImportReport importCsv(String text) {
        return app.csv.importCsv(Actor.owner(), app.csvSchemas().get("clients"), new StringReader(text), false);
    }

    private Client byName(String name) {
        return app.clients.find(app.database.dsl().select(CLIENT.ID)
                .from(CLIENT).where(CLIENT.NAME.eq(name))
                .fetchSingle(CLIENT.ID)).orElseThrow();
    }

    @Test
    void theCsvCarriesTheLanguageAndOldFilesStillImport() {
        ImportReport old = importCsv(HEADER + "\n,PERSON,Ada Lovelace,,,,,,,,,,,\n");
        assertThat(old.problems()).isEmpty();
        assertThat(byName("Ada Lovelace").language()).as("no column: the agency's language").isNull();

        ImportReport withColumn = importCsv(HEADER + ",language\n,PERSON,Bernd Huber,,,,,,,München,,DE,,,DE\n"
                + ",PERSON,Jane Smith,,,,,,,London,,GB,,,\n");
        assertThat(withColumn.problems()).isEmpty();
        assertThat(byName("Bernd Huber").language()).isEqualTo(Language.DE);
        assertThat(byName("Jane Smith").language()).isNull();

        StringWriter out = new StringWriter();
        app.csv.export(app.csvSchemas().get("clients"), out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).endsWith(",notes,language");
        assertThat(lines).anyMatch(l -> l.contains("Bernd Huber") && l.endsWith(",de"))
                .anyMatch(l -> l.contains("Jane Smith") && l.endsWith(","));
    }

    @Test
    void anUnknownLanguageIsRefusedNamingTheColumn() {
        ImportReport r = importCsv(HEADER + ",language\n,PERSON,Jean Dupont,,,,,,,Paris,,FR,,,fr\n");
        assertThat(r.created()).isZero();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("language");
            assertThat(p.message()).contains("fr", "en, de");
        });
    }

    @Test
    void theFormSavesTheLanguageAndTheAuditLogNamesIt() {
        var form = new ClientFormViewModel(app.clients, Actor.owner(), TaskRunner.direct(), e -> {
            throw new AssertionError(e);
        }, null);
        form.name.set("Bernd Huber");
        form.language.set("de");
        List<Client> saved = new ArrayList<>();
        form.save(saved::add);
        assertThat(saved).singleElement().extracting(Client::language).isEqualTo(Language.DE);

        var edit = new ClientFormViewModel(app.clients, Actor.owner(), TaskRunner.direct(), e -> {
            throw new AssertionError(e);
        }, saved.get(0));
        assertThat(edit.language.get()).isEqualTo("de");
        edit.language.set("");
        edit.save(saved::add);
        assertThat(saved.get(1).language()).as("agency default again").isNull();
        assertThat(app.auditLog.forEntity("client", saved.get(0).id()))
                .anySatisfy(e -> assertThat(e.changes()).contains("\"language\":\"de\""));
    }
}
