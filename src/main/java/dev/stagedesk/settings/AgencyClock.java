package dev.stagedesk.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The clock of the agency: the application's clock in the agency's time zone (Settings), read from the store at
 * every call, so a changed zone counts at once. The one source of "today" for screens, the command line and the
 * rules that run on their own: {@code LocalDate.now(agencyClock)} and {@link #today()} are the agency's date,
 * not the machine's or UTC's. Before the agency is set up: UTC (as {@link AgencyFacts}).
 */
public final class AgencyClock extends Clock implements Supplier<LocalDate> {
    private final Clock base;
    private final DSLContext dsl;

    public AgencyClock(Clock base, DSLContext dsl) {
        this.base = base;
        this.dsl = dsl;
    }

    /** Today where the agency is. */
    public LocalDate today() {
        return LocalDate.ofInstant(base.instant(), getZone());
    }

    @Override
    public LocalDate get() {
        return today();
    }

    @Override
    public ZoneId getZone() {
        return AgencyFacts.zone(dsl);
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return base.withZone(zone);
    }

    @Override
    public Instant instant() {
        return base.instant();
    }

    @Override
    public long millis() {
        return base.millis();
    }
}
