package dev.stagedesk.settings;

import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The agency that runs this store: identity, base currency, time zone, and the defaults of its rules. */
public record Agency(UUID id, String name, Currency baseCurrency, ZoneId timeZone, String legalName,
                     String addressLine1, String postalCode, String city, String countryCode, String taxId,
                     String email, String phone, String bankDetails, int defaultTaxRateBp, int holdExpiryDays, int challengeHours,
                     int idleLockMinutes, int backupKeepDays, int version) {

    public AgencyDraft toDraft() {
        return new AgencyDraft(name, baseCurrency.getCurrencyCode(), timeZone.getId(), legalName, addressLine1,
                postalCode, city, countryCode, taxId, email, phone, bankDetails, defaultTaxRateBp, holdExpiryDays,
                challengeHours, idleLockMinutes, backupKeepDays);
    }

    Map<String, Object> auditFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        AgencyDraft d = toDraft();
        m.put("name", d.name());
        m.put("baseCurrency", d.baseCurrency());
        m.put("timeZone", d.timeZone());
        m.put("legalName", d.legalName());
        m.put("addressLine1", d.addressLine1());
        m.put("postalCode", d.postalCode());
        m.put("city", d.city());
        m.put("countryCode", d.countryCode());
        m.put("taxId", d.taxId());
        m.put("email", d.email());
        m.put("phone", d.phone());
        m.put("bankDetails", d.bankDetails());
        m.put("defaultTaxRateBp", d.defaultTaxRateBp());
        m.put("holdExpiryDays", d.holdExpiryDays());
        m.put("challengeHours", d.challengeHours());
        m.put("idleLockMinutes", d.idleLockMinutes());
        m.put("backupKeepDays", d.backupKeepDays());
        return m;
    }
}
