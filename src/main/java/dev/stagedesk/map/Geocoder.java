package dev.stagedesk.map;

import dev.stagedesk.common.UserFacingException;
import java.util.Optional;

/** Address to coordinates. The real one is Google's ({@link GoogleGeocoder}); tests use WireMock or a fake. */
public interface Geocoder {
    /** A point for an address; {@code approximate} when it is only the centre of the town the address names. */
    record Place(GeoPoint point, String formatted, boolean approximate) {
        public Place(GeoPoint point, String formatted) {
            this(point, formatted, false);
        }
    }

    /** The best match, or empty when the address is not found. Throws {@link GeocodingException} when it cannot ask. */
    Optional<Place> locate(String address);

    final class GeocodingException extends UserFacingException {
        public GeocodingException(String message) {
            super(message);
        }
    }
}
