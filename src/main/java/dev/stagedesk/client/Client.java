package dev.stagedesk.client;

import dev.stagedesk.command.StoredRecord;
import dev.stagedesk.common.Language;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A client as stored: a person or a company who books performers. {@code language}: the language of the documents
 * they receive (null: the agency's document language).
 */
public record Client(UUID id, ClientKind kind, String name, String contactName, String email, String phone,
                     String addressLine1, String addressLine2, String postalCode, String city, String region,
                     String countryCode, String taxId, String notes, Language language, int version,
                     Instant updatedAt, Instant deletedAt) implements StoredRecord {

    public ClientDraft toDraft() {
        return new ClientDraft(kind, name, contactName, email, phone, addressLine1, addressLine2, postalCode, city,
                region, countryCode, taxId, notes, language);
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("name", name);
        m.put("contactName", contactName);
        m.put("email", email);
        m.put("phone", phone);
        m.put("addressLine1", addressLine1);
        m.put("addressLine2", addressLine2);
        m.put("postalCode", postalCode);
        m.put("city", city);
        m.put("region", region);
        m.put("countryCode", countryCode);
        m.put("taxId", taxId);
        m.put("notes", notes);
        m.put("language", language == null ? null : language.code());
        m.put("deletedAt", deletedAt);
        return m;
    }
}
