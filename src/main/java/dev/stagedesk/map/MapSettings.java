package dev.stagedesk.map;

import static dev.stagedesk.db.jooq.Tables.AGENCY;
import static dev.stagedesk.db.jooq.Tables.GEOCODE_CACHE;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.command.LocalCommand;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The map's settings (travel estimates used by routes and the conflict check, and the Google Maps key) and the
 * places already looked up (the geocoding cache). Writes go through the bus; the key is never written to the audit
 * log, only whether one is set.
 */
public final class MapSettings {
    /** Road factor %, average speed, set-up buffer, the key (null: offline map and no geocoding). */
    public record Values(int roadFactorPct, int averageSpeedKmh, int setupBufferMinutes, String googleMapsKey) {
        public boolean keyed() {
            return googleMapsKey != null && !googleMapsKey.isBlank();
        }
    }

    public record UpdateMapSettings(Values values) implements Command<Void> {
    }

    /** Keeps a looked-up address (one entry per normalized address). */
    public record CacheGeocode(String query, GeoPoint point, String formatted) implements Command<Void>, LocalCommand {
    }

    private final CommandBus bus;
    private final DSLContext dsl;

    public MapSettings(CommandBus bus, DSLContext dsl) {
        this.bus = bus;
        this.dsl = dsl;
        bus.register(UpdateMapSettings.class, CommandHandler.of(Permission.SETTINGS_EDIT, this::update));
        bus.register(CacheGeocode.class, CommandHandler.of(Permission.VENUES_EDIT, this::cache));
    }

    public Values values() {
        var a = dsl.select(AGENCY.ROAD_FACTOR_PCT, AGENCY.AVERAGE_SPEED_KMH, AGENCY.SETUP_BUFFER_MINUTES,
                AGENCY.GOOGLE_MAPS_KEY).from(AGENCY).where(AGENCY.DELETED_AT.isNull()).limit(1).fetchOne();
        return a == null ? new Values(130, 60, 60, null) : new Values(a.value1(), a.value2(), a.value3(), a.value4());
    }

    public void update(Actor actor, Values v) {
        bus.execute(actor, new UpdateMapSettings(v));
    }

    /** A cached place for the address, if it was looked up before. */
    public Optional<Geocoder.Place> cached(String query) {
        return dsl.select(GEOCODE_CACHE.LATITUDE, GEOCODE_CACHE.LONGITUDE, GEOCODE_CACHE.FORMATTED).from(GEOCODE_CACHE)
                .where(GEOCODE_CACHE.QUERY_KEY.eq(key(query)))
                .fetchOptional(r -> new Geocoder.Place(new GeoPoint(r.value1(), r.value2()), r.value3()));
    }

    public void cache(Actor actor, String query, Geocoder.Place place) {
        bus.execute(actor, new CacheGeocode(query, place.point(), place.formatted()));
    }

    static String key(String query) {
        String k = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return k.length() > 500 ? k.substring(0, 500) : k;
    }

    private Void update(UpdateMapSettings c, CommandContext ctx) {
        Values v = c.values();
        Validator check = new Validator();
        check.check(v.roadFactorPct() >= 100 && v.roadFactorPct() <= 300, "roadFactorPct",
                I18n.tr("validation.between", 100, 300));
        check.check(v.averageSpeedKmh() >= 5 && v.averageSpeedKmh() <= 300, "averageSpeedKmh",
                I18n.tr("validation.between", 5, 300));
        check.check(v.setupBufferMinutes() >= 0 && v.setupBufferMinutes() <= 720, "setupBufferMinutes",
                I18n.tr("validation.between", 0, 720));
        String key = Validator.clean(v.googleMapsKey());
        check.check(key == null || key.matches("[A-Za-z0-9_\\-]{20,200}"), "googleMapsKey",
                I18n.tr("map.keyInvalid"));
        check.throwIfAny();
        var r = ctx.dsl().selectFrom(AGENCY).where(AGENCY.DELETED_AT.isNull()).limit(1).forUpdate().fetchOptional()
                .orElseThrow(() -> new UserFacingException(I18n.tr("agency.notSetUp")));
        Map<String, Object> before = fields(r.getRoadFactorPct(), r.getAverageSpeedKmh(), r.getSetupBufferMinutes(),
                r.getGoogleMapsKey());
        r.setRoadFactorPct(v.roadFactorPct());
        r.setAverageSpeedKmh(v.averageSpeedKmh());
        r.setSetupBufferMinutes(v.setupBufferMinutes());
        r.setGoogleMapsKey(key);
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        ctx.audit("update-map-settings", "agency", r.getId(), before, fields(v.roadFactorPct(), v.averageSpeedKmh(),
                v.setupBufferMinutes(), key));
        return null;
    }

    private static Map<String, Object> fields(int factor, int speed, int buffer, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roadFactorPct", factor);
        m.put("averageSpeedKmh", speed);
        m.put("setupBufferMinutes", buffer);
        m.put("googleMapsKeySet", key != null);
        return m;
    }

    private Void cache(CacheGeocode c, CommandContext ctx) {
        String k = key(c.query());
        ctx.dsl().deleteFrom(GEOCODE_CACHE).where(GEOCODE_CACHE.QUERY_KEY.eq(k)).execute();
        ctx.dsl().insertInto(GEOCODE_CACHE).set(GEOCODE_CACHE.QUERY_KEY, k)
                .set(GEOCODE_CACHE.QUERY, c.query().length() > 500 ? c.query().substring(0, 500) : c.query())
                .set(GEOCODE_CACHE.LATITUDE, c.point().latitude()).set(GEOCODE_CACHE.LONGITUDE, c.point().longitude())
                .set(GEOCODE_CACHE.FORMATTED, c.formatted() == null || c.formatted().length() <= 500 ? c.formatted()
                        : c.formatted().substring(0, 500))
                .set(GEOCODE_CACHE.CREATED_AT, ctx.now()).execute();
        ctx.audit("cache-geocode", "geocode", null, null, Map.of("query", c.query(), "latitude",
                c.point().latitude(), "longitude", c.point().longitude()));
        return null;
    }
}
