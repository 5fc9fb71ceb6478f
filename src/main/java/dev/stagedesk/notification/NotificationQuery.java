package dev.stagedesk.notification;

import static dev.stagedesk.db.jooq.Tables.NOTIFICATION;

import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.db.jooq.tables.records.NotificationRecord;
import dev.stagedesk.security.Actor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The signed-in user's notifications: the bell's count, the list, what is new since a moment, the digest. */
public final class NotificationQuery {
    public record Row(UUID id, String kind, String title, String body, String entityType, UUID entityId,
                      Instant createdAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    /** Unread notices by kind (in {@link Notifications#KINDS} order) and their total. */
    public record Digest(Map<String, Integer> unreadByKind, int unread) {
    }

    private final DSLContext dsl;

    public NotificationQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Condition mine(Actor actor) {
        return actor.userId() == null ? DSL.falseCondition()
                : NOTIFICATION.USER_ID.eq(actor.userId()).and(NOTIFICATION.DELETED_AT.isNull());
    }

    public int unreadCount(Actor actor) {
        return dsl.fetchCount(NOTIFICATION, mine(actor).and(NOTIFICATION.READ_AT.isNull()));
    }

    /** Newest first; {@code kind} null for all, {@code unreadOnly} to leave out the ones read. */
    public Page<Row> page(Actor actor, PageRequest request, String kind, boolean unreadOnly) {
        Condition where = mine(actor);
        if (kind != null) {
            where = where.and(NOTIFICATION.KIND.eq(kind));
        }
        if (unreadOnly) {
            where = where.and(NOTIFICATION.READ_AT.isNull());
        }
        int total = dsl.fetchCount(NOTIFICATION, where);
        List<Row> rows = dsl.selectFrom(NOTIFICATION).where(where)
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
                .limit(request.limit()).offset(request.offset()).fetch(NotificationQuery::row);
        return new Page<>(rows, total, request.offset());
    }

    /** Unread notices created after {@code since}, oldest first: what a toast announces. */
    public List<Row> unreadSince(Actor actor, Instant since, int max) {
        return dsl.selectFrom(NOTIFICATION).where(mine(actor), NOTIFICATION.READ_AT.isNull(),
                        NOTIFICATION.CREATED_AT.gt(since))
                .orderBy(NOTIFICATION.CREATED_AT, NOTIFICATION.ID).limit(max).fetch(NotificationQuery::row);
    }

    /** Counted over the same rows as {@link #unreadCount}, so the digest and the bell agree. */
    public Digest digest(Actor actor) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        Map<String, Integer> counted = dsl.select(NOTIFICATION.KIND, DSL.count()).from(NOTIFICATION)
                .where(mine(actor), NOTIFICATION.READ_AT.isNull()).groupBy(NOTIFICATION.KIND)
                .fetchMap(NOTIFICATION.KIND, DSL.count());
        for (String k : Notifications.KINDS) {
            Integer n = counted.get(k);
            if (n != null && n > 0) {
                byKind.put(k, n);
            }
        }
        counted.forEach(byKind::putIfAbsent); // a kind this version does not name still counts
        int total = counted.values().stream().mapToInt(Integer::intValue).sum();
        return new Digest(byKind, total);
    }

    /** The kinds the user receives (all but the ones turned off). */
    public Set<String> wanted(Actor actor) {
        Set<String> muted = Notifications.muted(dsl, actor.userId());
        return Set.copyOf(Notifications.KINDS.stream().filter(k -> !muted.contains(k)).toList());
    }

    private static Row row(NotificationRecord r) {
        return new Row(r.getId(), r.getKind(), r.getTitle(), r.getBody(), r.getEntityType(), r.getEntityId(),
                r.getCreatedAt(), r.getReadAt());
    }
}
