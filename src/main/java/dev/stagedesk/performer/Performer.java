package dev.stagedesk.performer;

import dev.stagedesk.command.StoredRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An artist the agency books: a band, a DJ, a street performer, a celebrity. */
public record Performer(UUID id, String stageName, String legalName, String email, String phone, List<String> acts,
                        List<String> genres, long defaultFeeMinor, String currency, int commissionBp,
                        int withholdingBp, String homeCity, Double homeLatitude, Double homeLongitude,
                        boolean active, String notes, int version, Instant deletedAt) implements StoredRecord {

    public PerformerDraft toDraft() {
        return new PerformerDraft(stageName, legalName, email, phone, acts, genres, defaultFeeMinor, currency,
                commissionBp, withholdingBp, homeCity, homeLatitude, homeLongitude, active, notes);
    }

    @Override
    public String displayName() {
        return stageName;
    }

    @Override
    public Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stageName", stageName);
        m.put("legalName", legalName);
        m.put("email", email);
        m.put("phone", phone);
        m.put("acts", String.join(";", acts));
        m.put("genres", String.join(";", genres));
        m.put("defaultFeeMinor", defaultFeeMinor);
        m.put("currency", currency);
        m.put("commissionBp", commissionBp);
        m.put("withholdingBp", withholdingBp);
        m.put("homeCity", homeCity);
        m.put("homeLatitude", homeLatitude);
        m.put("homeLongitude", homeLongitude);
        m.put("active", active);
        m.put("notes", notes);
        m.put("deletedAt", deletedAt);
        return m;
    }
}
