package dev.stagedesk.client;

/** What a user types for a client: the editable fields, before validation. */
public record ClientDraft(ClientKind kind, String name, String contactName, String email, String phone,
                          String addressLine1, String addressLine2, String postalCode, String city, String region,
                          String countryCode, String taxId, String notes) {

    public static ClientDraft of(ClientKind kind, String name) {
        return new ClientDraft(kind, name, null, null, null, null, null, null, null, null, null, null, null);
    }
}
