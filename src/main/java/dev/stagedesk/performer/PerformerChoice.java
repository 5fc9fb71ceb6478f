package dev.stagedesk.performer;

import java.util.UUID;

/** A performer in a picker (for example when linking a user to their performer record). */
public record PerformerChoice(UUID id, String stageName, String legalName) {
    @Override
    public String toString() {
        return legalName == null ? stageName : stageName + " (" + legalName + ")";
    }
}
