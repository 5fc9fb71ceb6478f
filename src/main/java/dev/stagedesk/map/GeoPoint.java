package dev.stagedesk.map;

import dev.stagedesk.booking.ConflictCheck;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.ValidationException;
import java.util.Locale;

/** A point on the earth in degrees (WGS 84). Made only through {@link #of}, which refuses what is off the globe. */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (!valid(latitude, longitude)) {
            throw new IllegalArgumentException("not a point on earth: " + latitude + ", " + longitude);
        }
    }

    public static boolean valid(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude) && latitude >= -90 && latitude <= 90
                && longitude >= -180 && longitude <= 180;
    }

    /** The point, or a {@link ValidationException} naming the field that is out of range. */
    public static GeoPoint of(String latitudeField, double latitude, String longitudeField, double longitude) {
        if (!Double.isFinite(latitude) || latitude < -90 || latitude > 90) {
            throw ValidationException.of(latitudeField, I18n.tr("validation.between", -90, 90));
        }
        if (!Double.isFinite(longitude) || longitude < -180 || longitude > 180) {
            throw ValidationException.of(longitudeField, I18n.tr("validation.between", -180, 180));
        }
        return new GeoPoint(latitude, longitude);
    }

    /** Null when either is missing (a venue without coordinates). */
    public static GeoPoint orNull(Double latitude, Double longitude) {
        return latitude == null || longitude == null || !valid(latitude, longitude) ? null
                : new GeoPoint(latitude, longitude);
    }

    /** Great-circle distance in km (haversine, mean earth radius). */
    public double km(GeoPoint o) {
        return ConflictCheck.km(latitude, longitude, o.latitude, o.longitude);
    }

    /** "52.52000, 13.40500": what a person types back into a coordinates field. */
    public String text() {
        return String.format(Locale.ROOT, "%.5f, %.5f", latitude, longitude);
    }

    /**
     * Reads "lat, lon" (comma, semicolon or spaces between; a decimal point), as typed or pasted from a map.
     * Refuses with the field's name what is not two numbers or is off the globe.
     */
    public static GeoPoint parse(String field, String text) {
        String t = text == null ? "" : text.trim();
        String[] parts = t.split("\\s*[,;]\\s*|\\s+");
        if (parts.length != 2) {
            throw ValidationException.of(field, I18n.tr("geo.coordinatesFormat"));
        }
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(parts[0]);
            lon = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, I18n.tr("geo.coordinatesFormat"));
        }
        if (!valid(lat, lon)) {
            throw ValidationException.of(field, I18n.tr("geo.coordinatesRange"));
        }
        return new GeoPoint(lat, lon);
    }
}
