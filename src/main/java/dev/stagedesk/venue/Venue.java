package dev.stagedesk.venue;

import dev.stagedesk.command.StoredRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A place where performances happen. */
public record Venue(UUID id, String name, String addressLine1, String addressLine2, String postalCode, String city,
                    String region, String countryCode, Double latitude, Double longitude, Integer capacity,
                    String contactName, String contactPhone, String notes, int version, Instant updatedAt,
                    Instant deletedAt) implements StoredRecord {

    public VenueDraft toDraft() {
        return new VenueDraft(name, addressLine1, addressLine2, postalCode, city, region, countryCode, latitude,
                longitude, capacity, contactName, contactPhone, notes);
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("addressLine1", addressLine1);
        m.put("addressLine2", addressLine2);
        m.put("postalCode", postalCode);
        m.put("city", city);
        m.put("region", region);
        m.put("countryCode", countryCode);
        m.put("latitude", latitude);
        m.put("longitude", longitude);
        m.put("capacity", capacity);
        m.put("contactName", contactName);
        m.put("contactPhone", contactPhone);
        m.put("notes", notes);
        m.put("deletedAt", deletedAt);
        return m;
    }
}
