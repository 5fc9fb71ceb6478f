package dev.stagedesk.command;

import dev.stagedesk.common.Ids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The identifiers one synced command gives the rows it creates: UUID v7 whose time is the command's time and whose
 * random part is a hash of the mutation id and a counter. The desktop that ran the command first and the endpoint
 * that runs it again make the same ids, so the rows the endpoint sends back are the desktop's own rows.
 */
public final class DerivedIds implements Ids {
    private final byte[] seed;
    private final long millis;
    private int counter;

    public DerivedIds(UUID mutationId, Instant at) {
        this.seed = mutationId.toString().getBytes(StandardCharsets.US_ASCII);
        this.millis = at.toEpochMilli();
    }

    @Override
    public synchronized UUID next() {
        byte[] hash;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed);
            sha.update(ByteBuffer.allocate(4).putInt(counter++).array());
            hash = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(hash);
        long rand1 = b.getLong();
        long rand2 = b.getLong();
        long msb = (millis << 16) | 0x7000L | (rand1 & 0x0FFFL);
        long lsb = (rand2 & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
