package dev.stagedesk.venue;

import java.util.UUID;

/** One line of the venues list. */
public record VenueRow(UUID id, String name, String addressLine1, String city, String countryCode, Double latitude,
                       Double longitude, Integer capacity, boolean deleted) {
}
