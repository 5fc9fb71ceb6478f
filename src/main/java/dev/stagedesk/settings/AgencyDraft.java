package dev.stagedesk.settings;

/** The editable agency settings, as typed. */
public record AgencyDraft(String name, String baseCurrency, String timeZone, String legalName, String addressLine1,
                          String postalCode, String city, String countryCode, String taxId, String email,
                          String phone, String bankDetails, int defaultTaxRateBp, int holdExpiryDays, int challengeHours,
                          int idleLockMinutes, int backupKeepDays) {

    public static AgencyDraft initial(String name, String baseCurrency, String timeZone) {
        return new AgencyDraft(name, baseCurrency, timeZone, null, null, null, null, null, null, null, null, null,
                0, 14, 48, 15, 14);
    }
}
