package dev.stagedesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the previous hash and every field of the entry: the link of the chain. */
final class AuditHash {
    private AuditHash() {
    }

    static String of(AuditEntry e) {
        String content = String.join("\u001f", e.prevHash(), Long.toString(e.seq()), e.id().toString(),
                Long.toString(e.occurredAt().toEpochMilli()), e.actor(), e.action(), e.entityType(),
                String.valueOf(e.entityId()), e.changes());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
