package dev.stagedesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.app.AppContext;
import dev.stagedesk.audit.AuditEntry;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PermissionDeniedException;
import dev.stagedesk.security.Role;
import dev.stagedesk.testing.TestStore;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientServiceTest {
    @TempDir
    Path dir;
    AppContext app;
    final Actor owner = Actor.owner();

    @BeforeEach
    void open() {
        app = TestStore.open(dir);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static ClientDraft company(String name) {
        return new ClientDraft(ClientKind.COMPANY, name, "Ida Weber", "ida@example.com", "+49 30 1234567",
                "Main Street 1", null, "10115", "Berlin", null, "de", "DE123", null);
    }

    @Test
    void createStoresNormalizedClientWithAuditEntry() {
        Client c = app.clients.create(owner, company("  Northwind Events  "));
        assertThat(c.name()).isEqualTo("Northwind Events");
        assertThat(c.countryCode()).isEqualTo("DE");
        assertThat(c.version()).isZero();
        assertThat(app.clients.find(c.id())).contains(c);
        List<AuditEntry> history = app.auditLog.forEntity("client", c.id());
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.actor()).isEqualTo("owner");
            assertThat(e.changes()).contains("\"name\":\"Northwind Events\"");
        });
    }

    @Test
    void invalidInputNamesEveryBadFieldAndWritesNothing() {
        ClientDraft bad = new ClientDraft(ClientKind.PERSON, " ", null, "not-an-email", "call me", null, null, null,
                null, null, "Germany", null, null);
        assertThatThrownBy(() -> app.clients.create(owner, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("name", "email", "phone", "countryCode"));
        assertThat(app.clientQuery.page(Actor.owner(), PageRequest.first(10), ClientFilter.NONE).total()).isZero();
        assertThat(app.auditLog.count()).isEqualTo(1); // only the agency set-up
    }

    @Test
    void companyNeedsSomeWayToReachIt() {
        ClientDraft d = new ClientDraft(ClientKind.COMPANY, "Silent Ltd", null, null, null, null, null, null, null,
                null, null, null, null);
        assertThatThrownBy(() -> app.clients.create(owner, d)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("contactName"));
    }

    @Test
    void updateRecordsOnlyChangedFieldsAndBumpsVersion() {
        Client c = app.clients.create(owner, company("Northwind"));
        ClientDraft changed = new ClientDraft(c.kind(), c.name(), c.contactName(), "events@northwind.example",
                c.phone(), c.addressLine1(), null, c.postalCode(), c.city(), null, c.countryCode(), c.taxId(), null);
        Client updated = app.clients.update(owner, c.id(), c.version(), changed);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.email()).isEqualTo("events@northwind.example");
        AuditEntry last = app.auditLog.forEntity("client", c.id()).get(1);
        assertThat(last.action()).isEqualTo("update");
        assertThat(last.changes()).isEqualTo(
                "{\"before\":{\"email\":\"ida@example.com\"},\"after\":{\"email\":\"events@northwind.example\"}}");
    }

    @Test
    void staleVersionIsRefusedAsConcurrentEdit() {
        Client c = app.clients.create(owner, company("Northwind"));
        app.clients.update(owner, c.id(), 0, company("Northwind GmbH"));
        assertThatThrownBy(() -> app.clients.update(owner, c.id(), 0, company("Northwind AG")))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageContaining("Northwind GmbH\" was changed by " + owner.username() + " on ")
                .satisfies(e -> assertThat(((ConcurrentEditException) e).changedAt()).isEqualTo(TestStore.NOW));
        assertThat(app.clients.find(c.id()).orElseThrow().name()).isEqualTo("Northwind GmbH");
    }

    @Test
    void deleteIsSoftAndRestoreBringsItBack() {
        Client c = app.clients.create(owner, company("Northwind"));
        Client deleted = app.clients.delete(owner, c.id());
        assertThat(deleted.deletedAt()).isEqualTo(TestStore.NOW);
        assertThat(app.clientQuery.suggest(Actor.owner(), "northwind", 10)).isEmpty();
        assertThatThrownBy(() -> app.clients.delete(owner, c.id())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("already deleted");
        assertThatThrownBy(() -> app.clients.update(owner, c.id(), deleted.version(), company("X")))
                .hasMessageContaining("is deleted");
        Client restored = app.clients.restore(owner, c.id());
        assertThat(restored.deletedAt()).isNull();
        assertThat(app.clientQuery.suggest(Actor.owner(), "northwind", 10)).hasSize(1);
        assertThat(app.auditLog.forEntity("client", c.id())).extracting(AuditEntry::action)
                .containsExactly("create", "delete", "restore");
    }

    @Test
    void permissionsAreCheckedInTheServiceNotOnlyInTheGui() {
        Actor performer = new Actor(null, "pat", EnumSet.of(Role.PERFORMER));
        assertThatThrownBy(() -> app.clients.create(performer, company("X")))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessage("You do not have permission to change clients.");
        Actor coordinator = new Actor(null, "cora", EnumSet.of(Role.COORDINATOR));
        Client c = app.clients.create(coordinator, company("Northwind"));
        assertThatThrownBy(() -> app.clients.delete(coordinator, c.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("delete records");
    }
}
