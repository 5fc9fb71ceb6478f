package dev.stagedesk.venue;

/** What a user types for a venue, before validation. Coordinates in decimal degrees (WGS 84). */
public record VenueDraft(String name, String addressLine1, String addressLine2, String postalCode, String city,
                         String region, String countryCode, Double latitude, Double longitude, Integer capacity,
                         String contactName, String contactPhone, String notes) {

    public static VenueDraft of(String name, String city) {
        return new VenueDraft(name, null, null, null, city, null, null, null, null, null, null, null, null);
    }
}
