package dev.stagedesk.client;

import java.time.Instant;
import java.util.UUID;

/** One line of the clients list. */
public record ClientRow(UUID id, ClientKind kind, String name, String contactName, String email, String phone,
                        String city, String countryCode, Instant updatedAt, boolean deleted) {
}
