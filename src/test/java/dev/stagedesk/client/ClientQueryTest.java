package dev.stagedesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientQueryTest {
    @TempDir
    Path dir;
    AppContext app;

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
        String[][] people = {{"Zoë Müller", "Berlin"}, {"Chloé Dubois", "Paris"}, {"Anna Schmidt", "Berlin"},
            {"Ben Smith", "London"}, {"José García", "Madrid"}};
        for (String[] p : people) {
            app.clients.create(Actor.owner(), new ClientDraft(ClientKind.PERSON, p[0], null, null, null, null, null,
                    null, p[1], null, null, null, null));
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void searchIgnoresCaseAndAccentsAndMatchesPartsOfWords() {
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("ZOE mul"), ClientFilter.NONE)))
                .containsExactly("Zoë Müller");
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("garcía"), ClientFilter.NONE)))
                .containsExactly("José García");
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("berl"), ClientFilter.NONE)))
                .containsExactlyInAnyOrder("Zoë Müller", "Anna Schmidt");
    }

    @Test
    void editsAndStoresWithoutTheWordIndexStayFindable() {
        ClientRow ben = app.clientQuery.suggest(Actor.owner(), "ben", 1).get(0);
        var full = app.clients.find(ben.id()).orElseThrow();
        app.clients.update(Actor.owner(), ben.id(), full.version(), new ClientDraft(full.kind(), "Benedict Smith",
                null, "ben@smith.example", null, null, null, null, "Leeds", null, null, null, null));
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("leeds"), ClientFilter.NONE)))
                .containsExactly("Benedict Smith");
        assertThat(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("london"), ClientFilter.NONE).total()).isZero();
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("smith.exam"), ClientFilter.NONE)))
                .containsExactly("Benedict Smith");
        // a store from before the word index: the index is rebuilt when the store opens
        app.database.dsl().deleteFrom(Tables.SEARCH_TOKEN).execute();
        app.close();
        app = TestStore.openEmpty(dir);
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10).withSearch("zoe"), ClientFilter.NONE)))
                .containsExactly("Zoë Müller");
    }

    @Test
    void pagesAreSortedAndCountTheWholeMatch() {
        Page<ClientRow> first = app.clientQuery.page(Actor.owner(), new PageRequest("", "name", true, 0, 2), ClientFilter.NONE);
        Page<ClientRow> second = app.clientQuery.page(Actor.owner(), new PageRequest("", "name", true, 2, 2), ClientFilter.NONE);
        assertThat(first.total()).isEqualTo(5);
        assertThat(names(first)).containsExactly("Anna Schmidt", "Ben Smith");
        assertThat(names(second)).containsExactly("Chloé Dubois", "José García");
        Page<ClientRow> byCityDesc = app.clientQuery.page(Actor.owner(), new PageRequest("", "city", false, 0, 1), ClientFilter.NONE);
        assertThat(byCityDesc.rows().get(0).city()).isEqualTo("Paris");
    }

    @Test
    void filtersByCityAndShowsDeletedOnlyWhenAsked() {
        ClientRow anna = app.clientQuery.suggest(Actor.owner(), "anna", 1).get(0);
        app.clients.delete(Actor.owner(), anna.id());
        ClientFilter berlin = new ClientFilter(null, "ber", false);
        assertThat(names(app.clientQuery.page(Actor.owner(), PageRequest.first(10), berlin))).containsExactly("Zoë Müller");
        ClientFilter berlinWithDeleted = new ClientFilter(null, "ber", true);
        assertThat(app.clientQuery.page(Actor.owner(), PageRequest.first(10), berlinWithDeleted).rows())
                .extracting(ClientRow::deleted).containsExactlyInAnyOrder(true, false);
        assertThat(app.clientQuery.page(Actor.owner(), PageRequest.first(10), new ClientFilter(ClientKind.COMPANY, null, false))
                .total()).isZero();
    }

    private static List<String> names(Page<ClientRow> page) {
        return page.rows().stream().map(ClientRow::name).toList();
    }
}
