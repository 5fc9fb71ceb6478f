package dev.stagedesk.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagedesk.common.I18n;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Google's Geocoding API (JSON over HTTPS) with the agency's key. {@code baseUrl} is Google's unless a test points it
 * at WireMock. Statuses other than OK / ZERO_RESULTS become a message naming Google's status.
 */
public final class GoogleGeocoder implements Geocoder {
    public static final String GOOGLE = "https://maps.googleapis.com";

    private final HttpClient http;
    private final String baseUrl;
    private final String key;

    public GoogleGeocoder(String baseUrl, String key) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.baseUrl = baseUrl;
        this.key = key;
    }

    @Override
    public Optional<Place> locate(String address) {
        URI uri = URI.create(baseUrl + "/maps/api/geocode/json?address="
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        JsonNode body;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new GeocodingException(I18n.tr("geo.googleFailed", "HTTP " + r.statusCode()));
            }
            body = new ObjectMapper().readTree(r.body());
        } catch (IOException e) {
            throw new GeocodingException(I18n.tr("geo.offline"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeocodingException(I18n.tr("geo.offline"));
        }
        String status = body.path("status").asText();
        if ("ZERO_RESULTS".equals(status)) {
            return Optional.empty();
        }
        if (!"OK".equals(status)) {
            throw new GeocodingException(I18n.tr("geo.googleFailed", status
                    + (body.has("error_message") ? ": " + body.path("error_message").asText() : "")));
        }
        JsonNode first = body.path("results").path(0);
        JsonNode loc = first.path("geometry").path("location");
        double lat = loc.path("lat").asDouble(Double.NaN);
        double lng = loc.path("lng").asDouble(Double.NaN);
        if (!GeoPoint.valid(lat, lng)) {
            throw new GeocodingException(I18n.tr("geo.googleFailed", "no coordinates"));
        }
        return Optional.of(new Place(new GeoPoint(lat, lng), first.path("formatted_address").asText(null)));
    }
}
