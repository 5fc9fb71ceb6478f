package dev.stagedesk.settings;

import dev.stagedesk.command.StaleEdit;
import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.ui.Format;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.PasswordHasher;
import dev.stagedesk.security.Permission;
import dev.stagedesk.security.Role;
import dev.stagedesk.security.SignInException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Users, roles, passwords and sign-in. Commands carry password hashes, never passwords: the service hashes
 * (slowly, outside any transaction) before it puts a command on the bus.
 */
public final class UserService {
    public static final String ENTITY = "user";
    /** Failed attempts in a row before the account locks. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD = 8;

    /** Sleeps between failed attempts; tests pass one that only records. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public record CreateFirstAdmin(String username, String displayName, String passwordHash) implements Command<User> {
    }

    public record CreateUser(String username, String displayName, String email, Set<Role> roles, UUID performerId,
                             String passwordHash) implements Command<User> {
    }

    public record UpdateUser(UUID id, int expectedVersion, String displayName, String email, Set<Role> roles,
                             boolean active, UUID performerId) implements Command<User> {
    }

    public record ResetPassword(UUID id, String passwordHash) implements Command<User> {
    }

    public record ChangeOwnPassword(String passwordHash) implements Command<User> {
    }

    /** The outcome of one sign-in attempt, written whether it succeeded or not. */
    public record RecordSignInAttempt(UUID userId, boolean success) implements Command<User>, LocalCommand {
    }

    /** A failed sign-in with a user name that has no account (audited without a user id). */
    public record RecordUnknownSignIn(String username) implements Command<UnknownNameState>, LocalCommand {
    }

    /** Failures in a row of a user name with no account, and until when it is locked (null: not locked). */
    public record UnknownNameState(int failedAttempts, Instant lockedUntil) {
    }

    private static final String SIGN_IN_FAILED = "sign-in-failed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandBus bus;
    private final DSLContext dsl;
    private final UserRepository repository;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Sleeper sleeper;

    public UserService(CommandBus bus, DSLContext dsl, UserRepository repository, PasswordHasher hasher, Clock clock,
                       Sleeper sleeper) {
        this.bus = bus;
        this.dsl = dsl;
        this.repository = repository;
        this.hasher = hasher;
        this.clock = clock;
        this.sleeper = sleeper;
        bus.register(CreateFirstAdmin.class, CommandHandler.of(Permission.SETTINGS_EDIT, this::createFirstAdmin));
        bus.register(CreateUser.class, CommandHandler.of(Permission.USERS_MANAGE, this::createUser));
        bus.register(UpdateUser.class, CommandHandler.of(Permission.USERS_MANAGE, this::updateUser));
        bus.register(ResetPassword.class, CommandHandler.of(Permission.USERS_MANAGE, (c, ctx) ->
                setPassword(ctx, c.id(), c.passwordHash(), "reset-password")));
        bus.register(ChangeOwnPassword.class, CommandHandler.of(Permission.OWN_PASSWORD, (c, ctx) -> {
            if (ctx.actor().userId() == null) {
                throw new UserFacingException(I18n.tr("user.notSignedIn"));
            }
            return setPassword(ctx, ctx.actor().userId(), c.passwordHash(), "change-password");
        }));
        bus.register(RecordSignInAttempt.class, CommandHandler.of(null, this::recordAttempt));
        bus.register(RecordUnknownSignIn.class, CommandHandler.of(null, this::recordUnknownAttempt));
    }

    /** Whether anyone can sign in yet (a new store has no users until its administrator is created). */
    public boolean hasUsers() {
        return repository.any(dsl);
    }

    public List<User> all() {
        return repository.all(dsl);
    }

    public User createFirstAdmin(Actor actor, String username, String displayName, char[] password) {
        return bus.execute(actor, firstAdmin(username, displayName, password));
    }

    /**
     * The checked command that creates the first administrator, for running in one transaction with the
     * agency's set-up (welcome, {@code init}). Throws a ValidationException for a bad name or password.
     */
    public CreateFirstAdmin firstAdmin(String username, String displayName, char[] password) {
        String user = Validator.clean(username);
        String shown = displayName == null || displayName.isBlank() ? user : displayName.strip();
        checkNewUser(user, shown, password);
        return new CreateFirstAdmin(user, shown, hasher.hash(password));
    }

    public User create(Actor actor, String username, String displayName, String email, Set<Role> roles,
                       UUID performerId, char[] password) {
        String user = Validator.clean(username);
        checkNewUser(user, displayName, password);
        return bus.execute(actor, new CreateUser(user, displayName.strip(), Validator.clean(email), roles,
                performerId, hasher.hash(password)));
    }

    public User update(Actor actor, UUID id, int expectedVersion, String displayName, String email, Set<Role> roles,
                       boolean active, UUID performerId) {
        return bus.execute(actor, new UpdateUser(id, expectedVersion, displayName, email, roles, active, performerId));
    }

    public User resetPassword(Actor actor, UUID id, char[] password) {
        checkPassword("password", password, null);
        return bus.execute(actor, new ResetPassword(id, hasher.hash(password)));
    }

    public User changeOwnPassword(Actor actor, char[] current, char[] password) {
        if (actor.userId() == null || !hasher.verify(current, repository.passwordHash(dsl, actor.userId()))) {
            throw ValidationException.of("currentPassword", I18n.tr("user.currentPasswordWrong"));
        }
        checkPassword("newPassword", password, actor.username());
        return bus.execute(actor, new ChangeOwnPassword(hasher.hash(password)));
    }

    /**
     * Signs a user in, or says why not. Every attempt is recorded; after {@link #MAX_FAILURES} failures in a
     * row the account locks for {@link #LOCK_TIME}, and each failure waits a little longer than the last. A user
     * name that has no account is treated the same (docs/ROLES.md, "Signing in"): the attempt is audited without a
     * user id, counts towards a lock-out of that name, checks a password as slowly, and gets the same answers,
     * so nothing tells whether an account exists.
     */
    public Actor signIn(String username, char[] password) {
        String name = username == null ? "" : username.strip();
        User user = name.isEmpty() ? null : repository.findByUsername(dsl, name)
                .filter(u -> u.deletedAt() == null).orElse(null);
        Instant now = clock.instant();
        Instant lockedUntil = user != null ? user.lockedUntil() : unknownNameState(dsl, name).lockedUntil();
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw new SignInException(I18n.tr("signIn.locked", lockedUntilText(lockedUntil)));
        }
        boolean ok = hasher.verify(password, user != null ? repository.passwordHash(dsl, user.id()) : hasher.unmatchable());
        if (user != null && ok && !user.active()) {
            throw new SignInException(I18n.tr("signIn.inactive"));
        }
        int failures;
        Instant lockAfter;
        if (user == null) {
            UnknownNameState after = bus.execute(unknownActor(name), new RecordUnknownSignIn(name));
            failures = after.failedAttempts();
            lockAfter = after.lockedUntil();
        } else {
            User after = bus.execute(user.toActor(), new RecordSignInAttempt(user.id(), ok));
            if (ok) {
                return after.toActor();
            }
            failures = after.failedAttempts();
            lockAfter = after.lockedUntil();
        }
        if (lockAfter != null && lockAfter.isAfter(now)) {
            throw new SignInException(I18n.tr("signIn.lockedNow", MAX_FAILURES, lockedUntilText(lockAfter)));
        }
        pause(failures);
        throw new SignInException(I18n.tr("signIn.wrongWithCount", MAX_FAILURES - failures));
    }

    /** Who a sign-in with an unknown name is recorded as: the name typed (as much as the audit log keeps). */
    private static Actor unknownActor(String name) {
        String shown = name.isEmpty() ? "(blank)" : name.length() > 64 ? name.substring(0, 64) : name;
        return new Actor(null, shown, EnumSet.noneOf(Role.class));
    }

    /** Failures in a row and lock of a name with no account, read back from its latest audit entry. */
    private UnknownNameState unknownNameState(DSLContext tx, String name) {
        var last = tx.select(AUDIT_LOG.OCCURRED_AT, AUDIT_LOG.CHANGES).from(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(ENTITY), AUDIT_LOG.ENTITY_ID.isNull(),
                        AUDIT_LOG.ACTION.eq(SIGN_IN_FAILED), AUDIT_LOG.ACTOR.equalIgnoreCase(unknownActor(name).username()))
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOne();
        if (last == null) {
            return new UnknownNameState(0, null);
        }
        try {
            JsonNode after = JSON.readTree(last.value2()).path("after");
            if ("locked".equals(after.path("result").asText())) {
                return new UnknownNameState(0, last.value1().plus(LOCK_TIME));
            }
            return new UnknownNameState(after.path("failedAttempts").asInt(0), null);
        } catch (JsonProcessingException e) {
            return new UnknownNameState(0, null);
        }
    }

    private String lockedUntilText(Instant until) {
        return Format.time(until, AgencyFacts.zone(dsl));
    }

    private void pause(int failures) {
        try {
            sleeper.sleep(Duration.ofMillis(Math.min(2_000, 250L * failures)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkNewUser(String username, String displayName, char[] password) {
        Validator v = new Validator();
        v.required("username", username, 64);
        if (username != null && !username.matches("[A-Za-z0-9._@-]+")) {
            v.add(new FieldError("username", I18n.tr("user.usernameChars")));
        }
        if (username != null && repository.findByUsername(dsl, username).isPresent()) {
            v.add(new FieldError("username", I18n.tr("user.usernameTaken", username)));
        }
        v.required("displayName", displayName, 200);
        passwordErrors("password", password, username).forEach(v::add);
        v.throwIfAny();
    }

    private static void checkPassword(String field, char[] password, String username) {
        List<FieldError> errors = passwordErrors(field, password, username);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static List<FieldError> passwordErrors(String field, char[] password, String username) {
        if (password == null || password.length < MIN_PASSWORD) {
            return List.of(new FieldError(field, I18n.tr("user.passwordShort", MIN_PASSWORD)));
        }
        if (username != null && new String(password).equalsIgnoreCase(username)) {
            return List.of(new FieldError(field, I18n.tr("user.passwordIsUsername")));
        }
        return List.of();
    }

    private User load(CommandContext ctx, UUID id) {
        return repository.find(ctx.dsl(), id)
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.user"), id)));
    }

    private User createFirstAdmin(CreateFirstAdmin c, CommandContext ctx) {
        if (repository.any(ctx.dsl())) {
            throw new UserFacingException(I18n.tr("user.adminExists"));
        }
        UUID id = ctx.newId();
        repository.insert(ctx.dsl(), id, c.username(), c.displayName(), null, c.passwordHash(),
                EnumSet.of(Role.ADMIN), null, ctx.now());
        User created = load(ctx, id);
        ctx.audit("create", ENTITY, id, null, created.auditFields());
        return created;
    }

    private User createUser(CreateUser c, CommandContext ctx) {
        if (c.roles() == null || c.roles().isEmpty()) {
            throw ValidationException.of("roles", I18n.tr("user.rolesRequired"));
        }
        checkPerformerLink(ctx.dsl(), c.roles(), c.performerId());
        UUID id = ctx.newId();
        repository.insert(ctx.dsl(), id, c.username(), c.displayName(), c.email(), c.passwordHash(), c.roles(),
                c.performerId(), ctx.now());
        User created = load(ctx, id);
        ctx.audit("create", ENTITY, id, null, created.auditFields());
        return created;
    }

    private User updateUser(UpdateUser c, CommandContext ctx) {
        User before = load(ctx, c.id());
        Validator v = new Validator();
        v.required("displayName", c.displayName(), 200).email("email", c.email());
        v.check(c.roles() != null && !c.roles().isEmpty(), "roles", I18n.tr("user.rolesRequired"));
        v.throwIfAny();
        checkPerformerLink(ctx.dsl(), c.roles(), c.performerId());
        boolean staysAdmin = c.active() && c.roles().contains(Role.ADMIN);
        if (before.roles().contains(Role.ADMIN) && before.active() && !staysAdmin && activeAdmins(ctx) <= 1) {
            throw new UserFacingException(I18n.tr("user.lastAdmin"));
        }
        if (!repository.update(ctx.dsl(), c.id(), c.expectedVersion(), c.displayName().strip(),
                Validator.clean(c.email()), c.active(), c.performerId(), ctx.now())) {
            throw StaleEdit.refused(ctx.dsl(), ENTITY, c.id(), I18n.tr("entity.user"), before.displayName());
        }
        repository.setRoles(ctx.dsl(), c.id(), c.roles());
        User after = load(ctx, c.id());
        ctx.audit("update", ENTITY, c.id(), before.auditFields(), after.auditFields());
        return after;
    }

    /** A performer user sees only their own gigs: they must be linked to a live performer record. */
    private static void checkPerformerLink(DSLContext dsl, Set<Role> roles, UUID performerId) {
        if (performerId != null && !dsl.fetchExists(PERFORMER, PERFORMER.ID.eq(performerId),
                PERFORMER.DELETED_AT.isNull())) {
            throw ValidationException.of("performer", I18n.tr("user.performerMissing"));
        }
        if (performerId == null && roles.contains(Role.PERFORMER)) {
            throw ValidationException.of("performer", I18n.tr("user.performerRequired"));
        }
    }

    private long activeAdmins(CommandContext ctx) {
        return repository.all(ctx.dsl()).stream().filter(u -> u.active() && u.roles().contains(Role.ADMIN)).count();
    }

    private User setPassword(CommandContext ctx, UUID id, String hash, String action) {
        User before = load(ctx, id);
        repository.setPassword(ctx.dsl(), id, hash, ctx.now());
        ctx.audit(action, ENTITY, id, Map.of("password", "(previous)"), Map.of("password", "(changed)"));
        return load(ctx, id);
    }

    private User recordAttempt(RecordSignInAttempt c, CommandContext ctx) {
        User u = load(ctx, c.userId());
        if (c.success()) {
            repository.recordSignIn(ctx.dsl(), u.id(), 0, null, ctx.now());
            ctx.audit("sign-in", ENTITY, u.id(), null, Map.of("result", "success"));
        } else {
            int failures = u.failedAttempts() + 1;
            Instant lock = failures >= MAX_FAILURES ? ctx.now().plus(LOCK_TIME) : null;
            repository.recordSignIn(ctx.dsl(), u.id(), lock != null ? 0 : failures, lock, null);
            ctx.audit(SIGN_IN_FAILED, ENTITY, u.id(), null, Map.of("result", lock != null ? "locked" : "failed",
                    "failedAttempts", failures));
        }
        return load(ctx, c.userId());
    }

    private UnknownNameState recordUnknownAttempt(RecordUnknownSignIn c, CommandContext ctx) {
        UnknownNameState before = unknownNameState(ctx.dsl(), c.username());
        int failures = before.failedAttempts() + 1;
        Instant lock = failures >= MAX_FAILURES ? ctx.now().plus(LOCK_TIME) : null;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("result", lock != null ? "locked" : "failed");
        fields.put("failedAttempts", failures);
        fields.put("account", "none");
        ctx.audit(SIGN_IN_FAILED, ENTITY, null, null, fields);
        return new UnknownNameState(lock != null ? 0 : failures, lock);
    }
}
