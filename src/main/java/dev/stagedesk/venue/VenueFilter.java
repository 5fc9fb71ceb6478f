package dev.stagedesk.venue;

/** List filters: city prefix (null = all), only venues without coordinates, whether deleted ones show too. */
public record VenueFilter(String city, boolean missingCoordinates, boolean includeDeleted) {
    public static final VenueFilter NONE = new VenueFilter(null, false, false);
}
