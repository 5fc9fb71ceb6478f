package dev.stagedesk.settings;

import static dev.stagedesk.db.jooq.Tables.AGENCY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jooq.DSLContext;

/**
 * The agency's time zone, its "today" and its base currency, read inside whatever transaction or query asks:
 * the one place rules about "today where the agency is" and "in the base currency" get them from. Before
 * the agency is set up: UTC and EUR.
 */
public final class AgencyFacts {
    private AgencyFacts() {
    }

    public static ZoneId zone(DSLContext dsl) {
        return ZoneId.of(dsl.select(AGENCY.TIME_ZONE).from(AGENCY).limit(1).fetchOptional(AGENCY.TIME_ZONE).orElse("UTC"));
    }

    public static LocalDate today(DSLContext dsl, Instant now) {
        return LocalDate.ofInstant(now, zone(dsl));
    }

    public static String baseCurrency(DSLContext dsl) {
        return dsl.select(AGENCY.BASE_CURRENCY).from(AGENCY).limit(1).fetchOptional(AGENCY.BASE_CURRENCY)
                .map(String::strip).orElse("EUR");
    }
}
