package dev.stagedesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.security.Actor;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View models without a toolkit: the direct task runner runs everything at once. */
class ClientViewModelTest {
    @TempDir
    Path dir;
    AppContext app;
    final List<Throwable> unexpected = new ArrayList<>();

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
    }

    @AfterEach
    void close() {
        app.close();
        assertThat(unexpected).isEmpty();
    }

    @Test
    void formShowsServiceErrorsNextToFieldsAndSavesWhenFixed() {
        ClientFormViewModel form = new ClientFormViewModel(app.clients, Actor.owner(), TaskRunner.direct(),
                unexpected::add, null);
        form.email.set("nope");
        List<Client> saved = new ArrayList<>();
        form.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(form.state().errors()).containsKeys("name", "email").doesNotContainKey("phone");
        form.name.set("Ada Lovelace");
        form.email.set("ada@example.com");
        form.save(saved::add);
        assertThat(saved).singleElement().extracting(Client::name).isEqualTo("Ada Lovelace");
        assertThat(form.state().errors()).isEmpty();
    }

    @Test
    void listSearchesPagesAndUndoesADelete() {
        for (int i = 0; i < 250; i++) {
            app.clients.create(Actor.owner(), ClientDraft.of(ClientKind.PERSON, String.format("Person %03d", i)));
        }
        ClientListViewModel list = new ClientListViewModel(app.clientQuery, app.clients, Actor.owner(),
                TaskRunner.direct(), unexpected::add);
        list.list().reload();
        assertThat(list.list().rows()).hasSize(100);
        assertThat(list.list().summaryProperty().get()).isEqualTo("1–100 of 250");
        list.list().next();
        list.list().next();
        assertThat(list.list().summaryProperty().get()).isEqualTo("201–250 of 250");
        assertThat(list.list().hasNext()).isFalse();
        list.list().search("person 24");
        assertThat(list.list().rows()).extracting(ClientRow::name)
                .containsExactly("Person 240", "Person 241", "Person 242", "Person 243", "Person 244",
                        "Person 245", "Person 246", "Person 247", "Person 248", "Person 249");
        ClientRow first = list.list().rows().get(0);
        list.delete(first);
        assertThat(list.undo.messageProperty().get()).isEqualTo("Client \"Person 240\" deleted.");
        assertThat(list.list().rows()).extracting(ClientRow::name).doesNotContain("Person 240");
        list.undo.undo();
        assertThat(list.undo.messageProperty().get()).isEmpty();
        assertThat(list.list().rows()).extracting(ClientRow::name).contains("Person 240");
    }
}
