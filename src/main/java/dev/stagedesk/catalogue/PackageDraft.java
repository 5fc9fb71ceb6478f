package dev.stagedesk.catalogue;

/**
 * What a user types for a package, before validation. {@code performerAct} is the kind of act needed ("DJ",
 * "String quartet"), matched against performers' acts when assigning.
 */
public record PackageDraft(String name, String description, Integer durationMinutes, Long basePriceMinor,
                           String currency, Integer performersNeeded, String performerAct, boolean active) {

    public static PackageDraft of(String name, int minutes, long priceMinor, String currency) {
        return new PackageDraft(name, null, minutes, priceMinor, currency, 1, null, true);
    }
}
