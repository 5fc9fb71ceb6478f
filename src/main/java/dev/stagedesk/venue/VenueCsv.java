package dev.stagedesk.venue;

import static dev.stagedesk.db.jooq.Tables.VENUE;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** Venues in CSV: see docs/CSV.md. */
public final class VenueCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "name", "address_line1", "address_line2",
            "postal_code", "city", "region", "country_code", "latitude", "longitude", "capacity", "contact_name",
            "contact_phone", "notes");

    @Override
    public String name() {
        return "venues";
    }

    @Override
    public Permission alsoNeeds() {
        return Permission.CLIENTS_VIEW;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.selectFrom(VENUE).where(VENUE.DELETED_AT.isNull()).orderBy(VENUE.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                Venue x = VenueRepository.toVenue(r);
                sink.accept(Arrays.asList(x.id().toString(), x.name(), text(x.addressLine1()), text(x.addressLine2()),
                        text(x.postalCode()), x.city(), text(x.region()), text(x.countryCode()),
                        Parse.decimalText(x.latitude()), Parse.decimalText(x.longitude()),
                        x.capacity() == null ? "" : x.capacity().toString(), text(x.contactName()),
                        text(x.contactPhone()), text(x.notes())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        Double lat = Parse.decimal("latitude", row.get("latitude"), v);
        Double lon = Parse.decimal("longitude", row.get("longitude"), v);
        Integer capacity = Parse.integer("capacity", row.get("capacity"), v);
        VenueDraft draft = VenueService.normalize(new VenueDraft(row.get("name"), row.get("address_line1"),
                row.get("address_line2"), row.get("postal_code"), row.get("city"), row.get("region"),
                row.get("country_code"), lat, lon, capacity, row.get("contact_name"), row.get("contact_phone"),
                row.get("notes")));
        VenueService.validate(draft);
        return new VenueService.ImportVenue(id, draft);
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(VENUE, VENUE.ID.eq(id));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
