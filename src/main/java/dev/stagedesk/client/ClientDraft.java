package dev.stagedesk.client;

import dev.stagedesk.common.Language;

/**
 * What a user types for a client: the editable fields, before validation. {@code language} null: the client's
 * documents are written in the agency's document language.
 */
public record ClientDraft(ClientKind kind, String name, String contactName, String email, String phone,
                          String addressLine1, String addressLine2, String postalCode, String city, String region,
                          String countryCode, String taxId, String notes, Language language) {

    /** A client whose documents are in the agency's document language. */
    public ClientDraft(ClientKind kind, String name, String contactName, String email, String phone,
                       String addressLine1, String addressLine2, String postalCode, String city, String region,
                       String countryCode, String taxId, String notes) {
        this(kind, name, contactName, email, phone, addressLine1, addressLine2, postalCode, city, region, countryCode,
                taxId, notes, null);
    }

    public static ClientDraft of(ClientKind kind, String name) {
        return new ClientDraft(kind, name, null, null, null, null, null, null, null, null, null, null, null);
    }

    public ClientDraft withLanguage(Language l) {
        return new ClientDraft(kind, name, contactName, email, phone, addressLine1, addressLine2, postalCode, city,
                region, countryCode, taxId, notes, l);
    }
}
