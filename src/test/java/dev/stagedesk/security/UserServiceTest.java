package dev.stagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stagedesk.settings.UserService;
import dev.stagedesk.settings.User;
import dev.stagedesk.app.AppContext;
import dev.stagedesk.audit.AuditEntry;
import dev.stagedesk.audit.AuditFilter;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.Ids;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.DataFolder;
import dev.stagedesk.db.Database;
import dev.stagedesk.settings.AgencyDraft;
import dev.stagedesk.testing.TestStore;
import dev.stagedesk.ui.Format;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserServiceTest {
    @TempDir
    Path dir;
    AppContext app;
    final List<Duration> pauses = new ArrayList<>();
    final MovableClock clock = new MovableClock(TestStore.NOW);

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void open() {
        DataFolder folder = new DataFolder(dir);
        app = new AppContext(folder, Database.open(folder), clock, Ids.timeOrdered(), pauses::add);
        app.users.createFirstAdmin(Actor.owner(), "ana", "Ana Admin", "correct horse".toCharArray());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void rightPasswordSignsInWithTheUsersRoles() {
        Actor ana = app.users.signIn("ANA", "correct horse".toCharArray());
        assertThat(ana.username()).isEqualTo("ana");
        assertThat(ana.roles()).containsExactly(Role.ADMIN);
        assertThat(app.users.all().get(0).lastSignInAt()).isEqualTo(TestStore.NOW);
    }

    @Test
    void wrongPasswordsSlowDownThenLockTheAccountForAWhile() {
        for (int i = 1; i < UserService.MAX_FAILURES; i++) {
            int left = UserService.MAX_FAILURES - i;
            assertThatThrownBy(() -> app.users.signIn("ana", "wrong".toCharArray()))
                    .isInstanceOf(SignInException.class).hasMessageContaining(left + " more attempt");
        }
        assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750),
                Duration.ofMillis(1000));
        assertThatThrownBy(() -> app.users.signIn("ana", "wrong".toCharArray())).hasMessageContaining("is locked until");
        assertThatThrownBy(() -> app.users.signIn("ana", "correct horse".toCharArray()))
                .hasMessageContaining("locked after too many failed attempts");
        clock.now = clock.now.plus(UserService.LOCK_TIME).plusSeconds(1);
        assertThat(app.users.signIn("ana", "correct horse".toCharArray()).username()).isEqualTo("ana");
        assertThat(app.auditLog.forEntity("user", app.users.all().get(0).id())).extracting(AuditEntry::action)
                .containsExactly("create", "sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed",
                        "sign-in-failed", "sign-in");
    }

    @Test
    void theLockMessageGivesTheTimeInTheAgencysZoneNotTheMachines() {
        app.settings.setUp(Actor.owner(), AgencyDraft.initial("Kiwi Acts", "NZD", "Pacific/Auckland"));
        TestStore.onAUtcMachine(() -> {
            for (int i = 1; i < UserService.MAX_FAILURES; i++) {
                assertThatThrownBy(() -> app.users.signIn("ana", "wrong".toCharArray()));
            }
            Instant until = TestStore.NOW.plus(UserService.LOCK_TIME);
            String auckland = Format.time(until, ZoneId.of("Pacific/Auckland"));
            String utc = Format.time(until, ZoneOffset.UTC);
            assertThat(auckland).isNotEqualTo(utc);
            assertThatThrownBy(() -> app.users.signIn("ana", "wrong".toCharArray()))
                    .hasMessageContaining("is locked until " + auckland).hasMessageNotContaining(utc);
            assertThatThrownBy(() -> app.users.signIn("ana", "correct horse".toCharArray()))
                    .hasMessageContaining(auckland);
        });
    }

    @Test
    void unknownUserNameGetsEveryAnswerAKnownOneGetsAndIsAuditedWithoutAUserId() {
        List<String> known = answers("ana");
        List<String> unknown = answers("nobody");
        assertThat(unknown).isEqualTo(known);
        assertThat(known.get(0)).contains(UserService.MAX_FAILURES - 1 + " more attempt");
        assertThat(known.get(UserService.MAX_FAILURES - 1)).contains("is locked until");
        assertThat(known.get(UserService.MAX_FAILURES)).contains("locked after too many failed attempts");
        // the same pauses for both: four growing ones each, none once locked
        assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750),
                Duration.ofMillis(1000), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750),
                Duration.ofMillis(1000));

        List<AuditEntry> unknownEntries = app.auditLog.page(Actor.owner(),
                new AuditFilter("nobody", "user", "sign-in-failed", null, null),
                PageRequest.first(50)).rows();
        assertThat(unknownEntries).hasSize(UserService.MAX_FAILURES);
        assertThat(unknownEntries).allSatisfy(e -> {
            assertThat(e.entityId()).isNull();
            assertThat(e.actor()).isEqualTo("nobody");
        });
        assertThat(unknownEntries.get(0).changes()).contains("\"result\":\"locked\"");
        assertThat(app.auditLog.firstBrokenEntry()).isEmpty();

        // the lock of a name without an account ends like an account's
        clock.now = clock.now.plus(UserService.LOCK_TIME).plusSeconds(1);
        assertThatThrownBy(() -> app.users.signIn("NoBody", "whatever1".toCharArray()))
                .hasMessageContaining(UserService.MAX_FAILURES - 1 + " more attempt");
    }

    /** What signing in with a wrong password says, MAX_FAILURES + 1 times in a row. */
    private List<String> answers(String username) {
        List<String> said = new ArrayList<>();
        for (int i = 0; i <= UserService.MAX_FAILURES; i++) {
            try {
                app.users.signIn(username, "wrong password".toCharArray());
            } catch (SignInException e) {
                said.add(e.getMessage());
            }
        }
        return said;
    }

    @Test
    void aDeactivatedAccountSaysSoOnlyToTheRightPassword() {
        Actor ana = app.users.signIn("ana", "correct horse".toCharArray());
        User cora = app.users.create(ana, "cora", "Cora Coordinator", null, EnumSet.of(Role.COORDINATOR), null,
                "sunny day 42".toCharArray());
        app.users.update(ana, cora.id(), cora.version(), cora.displayName(), null, cora.roles(), false, null);
        assertThatThrownBy(() -> app.users.signIn("cora", "wrong password".toCharArray()))
                .hasMessage(messageFor("nobody-at-all"));
        assertThatThrownBy(() -> app.users.signIn("cora", "sunny day 42".toCharArray())).hasMessageContaining("deactivated");
    }

    private String messageFor(String username) {
        try {
            app.users.signIn(username, "wrong password".toCharArray());
            throw new AssertionError("signed in");
        } catch (SignInException e) {
            return e.getMessage();
        }
    }

    @Test
    void adminManagesUsersAndTheLastAdminCannotBeRemoved() {
        Actor ana = app.users.signIn("ana", "correct horse".toCharArray());
        User cora = app.users.create(ana, "cora", "Cora Coordinator", "cora@example.com",
                EnumSet.of(Role.COORDINATOR), null, "sunny day 42".toCharArray());
        assertThat(app.users.signIn("cora", "sunny day 42".toCharArray()).roles()).containsExactly(Role.COORDINATOR);
        Actor coraActor = app.users.signIn("cora", "sunny day 42".toCharArray());
        assertThatThrownBy(() -> app.users.create(coraActor, "x", "X", null, EnumSet.of(Role.ADMIN), null,
                "password1".toCharArray())).isInstanceOf(PermissionDeniedException.class);
        User deactivated = app.users.update(ana, cora.id(), cora.version(), cora.displayName(), cora.email(),
                cora.roles(), false, null);
        assertThatThrownBy(() -> app.users.signIn("cora", "sunny day 42".toCharArray())).hasMessageContaining("deactivated");
        User anaUser = app.users.all().get(0);
        assertThatThrownBy(() -> app.users.update(ana, anaUser.id(), anaUser.version(), "Ana", null,
                EnumSet.of(Role.COORDINATOR), true, null)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("last active administrator");
        app.users.resetPassword(ana, deactivated.id(), "new secret 9".toCharArray());
        assertThat(app.auditLog.forEntity("user", cora.id())).extracting(AuditEntry::action)
                .contains("create", "update", "reset-password");
        assertThat(app.auditLog.forEntity("user", cora.id())).noneMatch(e -> e.changes().contains("argon2"));
    }

    @Test
    void newUsersAreValidated() {
        Actor ana = app.users.signIn("ana", "correct horse".toCharArray());
        assertThatThrownBy(() -> app.users.create(ana, "ANA", "", null, EnumSet.of(Role.ADMIN), null, "short".toCharArray()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("username", "displayName", "password"));
        assertThatThrownBy(() -> app.users.create(ana, "bob smith", "Bob", null, EnumSet.of(Role.ADMIN), null,
                "bob smith".toCharArray())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> app.users.createFirstAdmin(Actor.owner(), "zed", "Zed", "long enough".toCharArray()))
                .hasMessageContaining("already has users");
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() {
        Actor ana = app.users.signIn("ana", "correct horse".toCharArray());
        assertThatThrownBy(() -> app.users.changeOwnPassword(ana, "nope".toCharArray(), "battery staple".toCharArray()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("currentPassword"));
        app.users.changeOwnPassword(ana, "correct horse".toCharArray(), "battery staple".toCharArray());
        assertThat(app.users.signIn("ana", "battery staple".toCharArray()).username()).isEqualTo("ana");
    }

    @Test
    void hashesAreArgon2idAndVerify() {
        PasswordHasher h = new PasswordHasher(1024, 1);
        String encoded = h.hash("pässwörd".toCharArray());
        assertThat(encoded).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(h.verify("pässwörd".toCharArray(), encoded)).isTrue();
        assertThat(h.verify("passwörd".toCharArray(), encoded)).isFalse();
        assertThat(h.verify("x".toCharArray(), "garbage")).isFalse();
        assertThat(h.hash("same".toCharArray())).isNotEqualTo(h.hash("same".toCharArray()));
    }
}
