package dev.stagedesk.common;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Row identifiers: time-ordered UUID v7, so desktops can create records offline without collisions. */
public interface Ids {
    UUID next();

    /** The production source of identifiers. */
    static Ids timeOrdered() {
        return UuidCreator::getTimeOrderedEpoch;
    }
}
