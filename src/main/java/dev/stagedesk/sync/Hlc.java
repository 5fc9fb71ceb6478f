package dev.stagedesk.sync;

/**
 * A hybrid logical clock: the wall clock in milliseconds, and a counter that orders events within one millisecond
 * or when the wall clock went back. Text form {@code millis-counter-device}, zero-padded so text order is time
 * order: last-writer-wins compares these.
 */
public record Hlc(long millis, int counter) {

    /** The clock after an event at wall time {@code wall}, given the last one. */
    public static Hlc tick(long lastMillis, int lastCounter, long wall) {
        if (wall > lastMillis) {
            return new Hlc(wall, 0);
        }
        return new Hlc(lastMillis, lastCounter + 1);
    }

    public String text(int device) {
        return String.format("%015d-%06d-%04d", millis, counter, device);
    }
}
