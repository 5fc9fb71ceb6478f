package dev.stagedesk.settings;

import static dev.stagedesk.db.jooq.Tables.APP_USER;
import static dev.stagedesk.db.jooq.Tables.USER_ROLE;

import dev.stagedesk.db.jooq.tables.records.AppUserRecord;
import dev.stagedesk.security.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/** The only code that reads and writes APP_USER and USER_ROLE. */
public final class UserRepository {

    public Optional<User> find(DSLContext dsl, UUID id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(r -> toUser(dsl, r));
    }

    public Optional<User> findByUsername(DSLContext dsl, String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.equalIgnoreCase(username))
                .fetchOptional(r -> toUser(dsl, r));
    }

    public String passwordHash(DSLContext dsl, UUID id) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne(APP_USER.PASSWORD_HASH);
    }

    public boolean any(DSLContext dsl) {
        return dsl.fetchExists(APP_USER);
    }

    public List<User> all(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(r -> toUser(dsl, r));
    }

    public void insert(DSLContext dsl, UUID id, String username, String displayName, String email, String hash,
                       Set<Role> roles, UUID performerId, Instant now) {
        AppUserRecord r = dsl.newRecord(APP_USER);
        r.setId(id);
        r.setUsername(username);
        r.setDisplayName(displayName);
        r.setEmail(email);
        r.setPasswordHash(hash);
        r.setActive(true);
        r.setPerformerId(performerId);
        r.setFailedAttempts(0);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.setVersion(0);
        r.store();
        setRoles(dsl, id, roles);
    }

    public void setRoles(DSLContext dsl, UUID id, Set<Role> roles) {
        dsl.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(id)).execute();
        for (Role role : roles) {
            dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name()).execute();
        }
    }

    /** Changes profile fields at the expected version; false when someone was first. */
    public boolean update(DSLContext dsl, UUID id, int expectedVersion, String displayName, String email,
                          boolean active, UUID performerId, Instant now) {
        return dsl.update(APP_USER).set(APP_USER.DISPLAY_NAME, displayName).set(APP_USER.EMAIL, email)
                .set(APP_USER.ACTIVE, active).set(APP_USER.PERFORMER_ID, performerId).set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.VERSION, expectedVersion + 1)
                .where(APP_USER.ID.eq(id), APP_USER.VERSION.eq(expectedVersion)).execute() == 1;
    }

    public void setPassword(DSLContext dsl, UUID id, String hash, Instant now) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.FAILED_ATTEMPTS, 0)
                .setNull(APP_USER.LOCKED_UNTIL).set(APP_USER.UPDATED_AT, now)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1)).where(APP_USER.ID.eq(id)).execute();
    }

    public void recordSignIn(DSLContext dsl, UUID id, int failedAttempts, Instant lockedUntil, Instant signedInAt) {
        var update = dsl.update(APP_USER).set(APP_USER.FAILED_ATTEMPTS, failedAttempts)
                .set(APP_USER.LOCKED_UNTIL, lockedUntil);
        if (signedInAt != null) {
            update = update.set(APP_USER.LAST_SIGN_IN_AT, signedInAt);
        }
        update.where(APP_USER.ID.eq(id)).execute();
    }

    private static User toUser(DSLContext dsl, AppUserRecord r) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dsl.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(r.getId()))
                .forEach(x -> roles.add(Role.valueOf(x.value1())));
        return new User(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(), roles, r.getActive(),
                r.getPerformerId(), r.getFailedAttempts(), r.getLockedUntil(), r.getLastSignInAt(), r.getVersion(),
                r.getDeletedAt());
    }
}
