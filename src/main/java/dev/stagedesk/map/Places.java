package dev.stagedesk.map;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Address to coordinates for forms and the CLI: the cache first (works offline), then Google's geocoder when a key
 * is set; its answer is cached. Without a key, or when Google cannot be reached, the centre of the town the address
 * names ({@link Gazetteer}) is offered as an approximate point (not cached, so Google answers once it can); with no
 * known town either, the message says to pick the point on the map or type it.
 */
public final class Places {
    private final MapSettings settings;
    private final Function<String, Geocoder> geocoderForKey;
    private final Supplier<Gazetteer> towns;

    public Places(MapSettings settings, Function<String, Geocoder> geocoderForKey,
                  Supplier<Gazetteer> towns) {
        this.settings = settings;
        this.geocoderForKey = geocoderForKey;
        this.towns = towns;
    }

    public static Places google(MapSettings settings) {
        return new Places(settings, key -> new GoogleGeocoder(GoogleGeocoder.GOOGLE, key), Gazetteer::shipped);
    }

    /** The place for an address; a {@link UserFacingException} when it is unknown or cannot be asked. */
    public Geocoder.Place locate(Actor actor, String address) {
        if (address == null || address.isBlank()) {
            throw ValidationException.of("address", I18n.tr("validation.required"));
        }
        Optional<Geocoder.Place> hit = settings.cached(address);
        if (hit.isPresent()) {
            return hit.get();
        }
        MapSettings.Values v = settings.values();
        if (!v.keyed()) {
            return town(address, I18n.tr("geo.noKey"));
        }
        Optional<Geocoder.Place> found;
        try {
            found = geocoderForKey.apply(v.googleMapsKey()).locate(address.strip());
        } catch (Geocoder.GeocodingException cannotAsk) {
            return town(address, cannotAsk.getMessage());
        }
        Geocoder.Place place = found
                .orElseThrow(() -> new UserFacingException(I18n.tr("geo.notFound", address.strip())));
        settings.cache(actor, address, place);
        return place;
    }

    /** The centre of the town the address names, or {@code why} the geocoder could not help when none is known. */
    private Geocoder.Place town(String address, String why) {
        return towns.get().inAddress(address)
                .map(c -> new Geocoder.Place(c.point(), I18n.tr("geo.townCentre", c.text(), why), true))
                .orElseThrow(() -> new UserFacingException(why + " " + I18n.tr("geo.noTown")));
    }
}
