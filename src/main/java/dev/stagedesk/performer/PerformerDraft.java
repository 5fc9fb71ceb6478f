package dev.stagedesk.performer;

import java.util.List;

/** What a user types for a performer. Fee in minor units of {@code currency}; percentages in basis points. */
public record PerformerDraft(String stageName, String legalName, String email, String phone, List<String> acts,
                             List<String> genres, long defaultFeeMinor, String currency, int commissionBp,
                             int withholdingBp, String homeCity, Double homeLatitude, Double homeLongitude,
                             boolean active, String notes) {
    public PerformerDraft {
        acts = acts == null ? List.of() : List.copyOf(acts);
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
