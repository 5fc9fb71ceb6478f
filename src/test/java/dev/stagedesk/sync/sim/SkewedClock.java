package dev.stagedesk.sync.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A desktop's clock: the world's time, off by a fixed amount (desktops' clocks never agree exactly). */
final class SkewedClock extends Clock {
    private final Clock world;
    private final Duration offset;

    SkewedClock(Clock world, Duration offset) {
        this.world = world;
        this.offset = offset;
    }

    @Override
    public Instant instant() {
        return world.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return world.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SkewedClock(world.withZone(zone), offset);
    }
}
