package dev.stagedesk.booking;

import dev.stagedesk.common.BookingStatus;
import static dev.stagedesk.db.jooq.Tables.BOOKING;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.Codes;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Permission;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Bookings in CSV: see docs/CSV.md. A new booking keeps the row's number when it is free (moving from another
 * system), or gets the next one when blank; times are local to the row's time zone; the fee is before tax.
 */
public final class BookingCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "number", "status", "title", "client_id", "venue_id",
            "package_id", "starts_at", "ends_at", "time_zone", "currency", "fee", "tax_percent", "slots_needed",
            "contact_on_day", "notes", "cancellation_reason");

    @Override
    public String name() {
        return "bookings";
    }

    @Override
    public Permission alsoNeeds() {
        return Permission.BOOKINGS_VIEW_ALL;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.selectFrom(BOOKING).where(BOOKING.DELETED_AT.isNull()).orderBy(BOOKING.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                Booking b = Booking.of(r);
                sink.accept(Arrays.asList(b.id().toString(), b.number(), b.status().name(), b.title(),
 b.clientId().toString(),
                        b.venueId() == null ? "" : b.venueId().toString(),
                        b.packageId() == null ? "" : b.packageId().toString(),
                        CsvValues.local(b.startsAt(), b.timeZone()), CsvValues.local(b.endsAt(), b.timeZone()),
                        b.timeZone(), b.currency(), MoneyFormat.plain(b.feeMinor(), Currencies.require(b.currency())),
                        Parse.percentText(b.taxRateBp()), Integer.toString(b.slotsNeeded()),
                        CsvValues.text(b.contactOnDay()), CsvValues.text(b.notes()),
                        CsvValues.text(b.cancellationReason())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        UUID client = Parse.uuid("client_id", row.get("client_id"), v);
        if (client == null && v.errors().stream().noneMatch(e -> e.field().equals("client_id"))) {
            v.add(new FieldError("client_id", I18n.tr("validation.required")));
        }
        UUID venue = Parse.uuid("venue_id", row.get("venue_id"), v);
        UUID pkg = Parse.uuid("package_id", row.get("package_id"), v);
        ZoneId zone = CsvValues.zone("time_zone", row.get("time_zone"), v);
        var start = CsvValues.local("starts_at", row.get("starts_at"), zone, v);
        var end = CsvValues.local("ends_at", row.get("ends_at"), zone, v);
        String currency = row.get("currency") == null ? null : row.get("currency").strip().toUpperCase(Locale.ROOT);
        Long fee = MoneyParse.money("fee", row.get("fee"), currency, v);
        if (fee == null && v.errors().stream().noneMatch(e -> e.field().equals("fee"))) {
            v.add(new FieldError("fee", I18n.tr("validation.required")));
        }
        int tax = Parse.percentBp("tax_percent", row.get("tax_percent"), v);
        Integer slots = Parse.integer("slots_needed", row.get("slots_needed"), v);
        String code = row.get("status") == null ? "" : row.get("status").strip().toUpperCase(Locale.ROOT);
        BookingStatus status = Codes.read(BookingStatus.class, code, "status", v, I18n.tr("validation.oneOf", code,
                String.join(", ", Codes.all(BookingStatus.class))));
        if (status == null && code.isEmpty()) {
            v.add(new FieldError("status", I18n.tr("validation.oneOf", code, String.join(", ", Codes.all(BookingStatus.class)))));
        }
        if (v.hasErrors()) {
            return null;
        }
        BookingDraft draft = BookingService.normalize(new BookingDraft(row.get("title"), client, venue, pkg, start, end,
                zone.getId(), currency, fee, tax, slots == null ? 1 : slots, row.get("contact_on_day"), row.get("notes")));
        BookingService.shape(draft, v);
        return v.hasErrors() ? null
                : new BookingService.ImportBooking(id, row.get("number"), draft, status, row.get("cancellation_reason"));
    }

    @Override
    public String columnFor(String field) {
        return switch (field) {
            case "client" -> "client_id";
            case "venue" -> "venue_id";
            case "package" -> "package_id";
            case "taxRate" -> "tax_percent";
            case "reason" -> "cancellation_reason";
            default -> CsvSchema.super.columnFor(field);
        };
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(BOOKING, BOOKING.ID.eq(id));
    }
}
