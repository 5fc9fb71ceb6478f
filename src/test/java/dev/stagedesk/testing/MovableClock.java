package dev.stagedesk.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move forward to make holds expire and deadlines pass. {@link #withZone} gives a view in that zone
 * that moves with this one (so {@code LocalDate.now(clock.withZone(agencyZone))} is the agency's date, as with the
 * real clock).
 */
public final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /** Moves to a moment (forward, as time goes). */
    public void set(Instant at) {
        now.updateAndGet(t -> {
            if (at.isBefore(t)) {
                throw new IllegalArgumentException("a clock does not go back: " + at + " is before " + t);
            }
            return at;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MovableClock(now, zone);
    }
}
