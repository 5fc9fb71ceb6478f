package dev.stagedesk.map;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.security.Actor;
import java.util.Optional;
import java.util.function.Function;

/**
 * Address to coordinates for forms and the CLI: the cache first (works offline), then Google's geocoder when a key
 * is set; the answer is cached. Without a key the message says to pick the point on the map or type it.
 */
public final class Places {
    private final MapSettings settings;
    private final Function<String, Geocoder> geocoderForKey;

    public Places(MapSettings settings, Function<String, Geocoder> geocoderForKey) {
        this.settings = settings;
        this.geocoderForKey = geocoderForKey;
    }

    public static Places google(MapSettings settings) {
        return new Places(settings, key -> new GoogleGeocoder(GoogleGeocoder.GOOGLE, key));
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
            throw new UserFacingException(I18n.tr("geo.noKey"));
        }
        Geocoder.Place place = geocoderForKey.apply(v.googleMapsKey()).locate(address.strip())
                .orElseThrow(() -> new UserFacingException(I18n.tr("geo.notFound", address.strip())));
        settings.cache(actor, address, place);
        return place;
    }
}
