package dev.stagedesk.command;

import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.APP_USER;
import static dev.stagedesk.db.jooq.Tables.AUDIT_LOG;

import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.I18n;
import dev.stagedesk.security.Actor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The one refusal of a stale edit: the version the user saw is no longer the stored one. The message names who
 * saved the change that now holds and when (the newest audit entry of the record, in the agency's time zone), so
 * nobody's work is silently overwritten and the screen can offer to reload.
 */
public final class StaleEdit {
    private StaleEdit() {
    }

    /** Refuses unless {@code storedVersion == expectedVersion}. */
    public static void check(DSLContext tx, int storedVersion, int expectedVersion, String entityType, UUID id,
                             String kindLabel, String name) {
        if (storedVersion != expectedVersion) {
            throw refused(tx, entityType, id, kindLabel, name);
        }
    }

    /** "Booking "BK-2026-000012" was changed by Maria Schulz on 2 Dec 2026 at 14:02 since you opened it. …" */
    public static ConcurrentEditException refused(DSLContext tx, String entityType, UUID id, String kindLabel,
                                                  String name) {
        var last = tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.OCCURRED_AT).from(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType), AUDIT_LOG.ENTITY_ID.eq(id))
                .orderBy(AUDIT_LOG.SEQ.desc()).limit(1).fetchOne();
        if (last == null) {
            return new ConcurrentEditException(I18n.tr("record.changedElsewhere", kindLabel, name));
        }
        String actor = last.value1();
        Instant at = last.value2();
        String who = Actor.system().username().equals(actor) ? I18n.tr("record.changedBySystem")
                : displayName(tx, actor);
        String zone = tx.select(AGENCY.TIME_ZONE).from(AGENCY).limit(1).fetchOne(AGENCY.TIME_ZONE);
        ZonedDateTime local = at.atZone(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
        return new ConcurrentEditException(I18n.tr("record.changedBy", kindLabel, name, who, local.toLocalDate(),
                local.toLocalTime().withSecond(0).withNano(0)), who, at);
    }

    private static String displayName(DSLContext tx, String username) {
        String name = tx.select(APP_USER.DISPLAY_NAME).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOne(APP_USER.DISPLAY_NAME);
        return name == null || name.isBlank() ? username : name;
    }
}
