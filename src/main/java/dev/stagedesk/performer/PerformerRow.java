package dev.stagedesk.performer;

import java.util.UUID;

public record PerformerRow(UUID id, String stageName, String acts, String genres, String homeCity,
                           long defaultFeeMinor, String currency, int commissionBp, boolean active) {
}
