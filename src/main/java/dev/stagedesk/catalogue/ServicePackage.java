package dev.stagedesk.catalogue;

import dev.stagedesk.command.StoredRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A package of the agency's service catalogue ("DJ set, 4 hours"): what quotes and bookings start from. */
public record ServicePackage(UUID id, String name, String description, int durationMinutes, long basePriceMinor,
                             String currency, int performersNeeded, String performerAct, boolean active, int version,
                             Instant updatedAt, Instant deletedAt) implements StoredRecord {

    public PackageDraft toDraft() {
        return new PackageDraft(name, description, durationMinutes, basePriceMinor, currency, performersNeeded,
                performerAct, active);
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("durationMinutes", durationMinutes);
        m.put("basePriceMinor", basePriceMinor);
        m.put("currency", currency);
        m.put("performersNeeded", performersNeeded);
        m.put("performerAct", performerAct);
        m.put("active", active);
        m.put("deletedAt", deletedAt);
        return m;
    }
}
