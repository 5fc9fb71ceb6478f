package dev.stagedesk.client;

/** List filters: kind (null = all), city prefix (null = all), whether deleted clients show too. */
public record ClientFilter(ClientKind kind, String city, boolean includeDeleted) {
    public static final ClientFilter NONE = new ClientFilter(null, null, false);
}
