package dev.stagedesk.notification;

import static dev.stagedesk.db.jooq.Tables.APP_USER;
import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;
import static dev.stagedesk.db.jooq.Tables.PREFERENCE;
import static dev.stagedesk.db.jooq.Tables.USER_ROLE;

import dev.stagedesk.command.CommandContext;
import dev.stagedesk.common.Codes;
import dev.stagedesk.ui.Format;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Raises notifications inside a command's transaction. Each carries a dedupe key naming the event (for
 * example "hold-promoted:HOLD-ID:2026-11-21T10:00Z"), so a rule that runs twice for one event raises one
 * notification. A user who turned a kind off (Notifications → Kinds…) gets none of it.
 */
public final class Notifications {
    private Notifications() {
    }

    /**
     * The code of every kind ({@link NotificationKind}), in the order the preferences list them: what the store, the
     * {@code notify.muted} preference and the CLI name kinds by.
     */
    public static final List<String> KINDS = Codes.all(NotificationKind.class);

    /** The preference (per user) naming the kinds the user turned off, comma-separated. */
    public static final String MUTED_KEY = "notify.muted";

    /** The kinds a user turned off. */
    public static Set<String> muted(DSLContext dsl, UUID userId) {
        if (userId == null) {
            return Set.of();
        }
        String v = dsl.select(PREFERENCE.PREF_VALUE).from(PREFERENCE).where(PREFERENCE.USER_ID.eq(userId),
                PREFERENCE.PREF_KEY.eq(MUTED_KEY), PREFERENCE.DELETED_AT.isNull()).fetchOne(PREFERENCE.PREF_VALUE);
        return v == null || v.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(v.split(",")));
    }

    /** Active users with any of the roles (the team a notice goes to: "ADMIN", "COORDINATOR"...). */
    public static List<UUID> team(DSLContext dsl, String... roles) {
        return dsl.selectDistinct(APP_USER.ID).from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ACTIVE.isTrue(), APP_USER.DELETED_AT.isNull(), USER_ROLE.ROLE.in(roles))
                .orderBy(APP_USER.ID).fetch(APP_USER.ID);
    }

    /** Returns whether a new notification was written (false: none for that user, or this event's already there). */
    public static boolean raise(CommandContext ctx, UUID userId, NotificationKind kind, String title, String body,
                                String entityType, UUID entityId, String dedupeKey) {
        if (userId == null) {
            return false;
        }
        var tx = ctx.dsl();
        if (tx.fetchExists(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId), NOTIFICATION.DEDUPE_KEY.eq(dedupeKey))
                || muted(tx, userId).contains(kind.name())) {
            return false;
        }
        tx.insertInto(NOTIFICATION).set(NOTIFICATION.ID, ctx.newId()).set(NOTIFICATION.USER_ID, userId)
                .set(NOTIFICATION.KIND, kind.name())
.set(NOTIFICATION.TITLE, cut(title, 200)).set(NOTIFICATION.BODY, cut(body, 2000))
                .set(NOTIFICATION.ENTITY_TYPE, entityType).set(NOTIFICATION.ENTITY_ID, entityId)
                .set(NOTIFICATION.DEDUPE_KEY, dedupeKey).set(NOTIFICATION.CREATED_AT, ctx.now())
                .set(NOTIFICATION.UPDATED_AT, ctx.now()).set(NOTIFICATION.VERSION, 0).execute();
        return true;
    }

    /** A moment as a notice says it: in the zone where it happens (UTC for a zone that is not one). */
    public static String when(Instant at, String zone) {
        ZoneId z;
        try {
            z = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            z = ZoneOffset.UTC;
        }
        return Format.dateTime(at, z);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
