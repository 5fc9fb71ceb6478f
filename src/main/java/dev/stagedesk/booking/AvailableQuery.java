package dev.stagedesk.booking;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.performer.PerformerRepository;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * "Who is available?" for a booking's window and an act: the active performers with that act and no conflict
 * (the same {@link ConflictCheck} an assignment runs, for everyone at once), nearest home base first.
 */
public final class AvailableQuery {
    /** A free performer; {@code km} straight from home base to the venue, null when either has no coordinates. */
    public record Candidate(UUID performerId, String stageName, String homeCity, Double km, long defaultFeeMinor,
                            String currency) {
    }

    private final DSLContext dsl;

    public AvailableQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code act} null or blank for any act. */
    public List<Candidate> available(Actor actor, UUID bookingId, String act) {
        actor.require(Permission.PERFORMERS_VIEW);
        var b = dsl.selectFrom(BOOKING).where(BOOKING.ID.eq(bookingId), BOOKING.DELETED_AT.isNull()).fetchOptional()
                .orElseThrow(() -> new NotFoundException(I18n.tr("record.notFound", I18n.tr("entity.booking"), bookingId)));
        var venue = b.getVenueId() == null ? null : dsl.select(VENUE.LATITUDE, VENUE.LONGITUDE).from(VENUE)
                .where(VENUE.ID.eq(b.getVenueId())).fetchOne();
        Map<UUID, List<ConflictCheck.Conflict>> busy = ConflictCheck.find(dsl, (Collection<UUID>) null,
                new ConflictCheck.Window(b.getId(), b.getStartsAt(), b.getEndsAt(), b.getVenueId(),
                        ZoneId.of(b.getTimeZone())), true);
        String wanted = act == null ? "" : act.strip().toLowerCase(Locale.ROOT);
        return dsl.select(PERFORMER.ID, PERFORMER.STAGE_NAME, PERFORMER.HOME_CITY, PERFORMER.HOME_LATITUDE,
                        PERFORMER.HOME_LONGITUDE, PERFORMER.DEFAULT_FEE_MINOR, PERFORMER.CURRENCY, PERFORMER.ACTS)
                .from(PERFORMER).where(PERFORMER.ACTIVE.isTrue(), PERFORMER.DELETED_AT.isNull())
                .fetch().stream()
                .filter(p -> !busy.containsKey(p.value1()))
                .filter(p -> wanted.isEmpty() || PerformerRepository.split(p.value8()).stream()
                        .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted)))
                .map(p -> new Candidate(p.value1(), p.value2(), p.value3(),
                        venue == null || venue.value1() == null || p.value4() == null || p.value5() == null ? null
                                : ConflictCheck.km(p.value4(), p.value5(), venue.value1(), venue.value2()),
                        p.value6(), p.value7()))
                .sorted(Comparator.comparing(Candidate::km, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Candidate::defaultFeeMinor).thenComparing(Candidate::stageName))
                .toList();
    }
}
