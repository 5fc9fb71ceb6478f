package dev.stagedesk.inquiry;

import static dev.stagedesk.db.jooq.Tables.INQUIRY;

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

/** Inquiries in CSV: see docs/CSV.md. Times are local to the row's time zone. */
public final class InquiryCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "client_id", "event_type", "starts_at", "ends_at",
            "time_zone", "dates_tbd", "venue_id", "free_address", "guest_count", "budget", "currency", "source",
            "status", "lost_reason", "notes", "follow_up_on");

    @Override
    public String name() {
        return "inquiries";
    }

    @Override
    public Permission alsoNeeds() {
        return Permission.INQUIRIES_VIEW;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.selectFrom(INQUIRY).where(INQUIRY.DELETED_AT.isNull()).orderBy(INQUIRY.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                Inquiry i = Inquiry.of(r);
                sink.accept(Arrays.asList(i.id().toString(), i.clientId().toString(), i.eventType(),
                        CsvValues.local(i.startsAt(), i.timeZone()), CsvValues.local(i.endsAt(), i.timeZone()),
                        i.timeZone(), Boolean.toString(i.datesTbd()), i.venueId() == null ? "" : i.venueId().toString(),
                        CsvValues.text(i.freeAddress()), i.guestCount() == null ? "" : i.guestCount().toString(),
                        i.budgetMinor() == null ? "" : MoneyFormat.plain(i.budgetMinor(), Currencies.require(i.currency())),
                        i.currency(), i.source(), i.status().name(), CsvValues
.text(i.lostReason()), CsvValues.text(i.notes()),
                        CsvValues.date(i.followUpOn())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        UUID client = Parse.uuid("client_id", row.get("client_id"), v);
        if (client == null && !v.hasErrors()) {
            v.add(new FieldError("client_id", I18n.tr("validation.required")));
        }
        ZoneId zone = CsvValues.zone("time_zone", row.get("time_zone"), v);
        boolean tbd = Parse.bool("dates_tbd", row.get("dates_tbd"), false, v);
        var start = CsvValues.local("starts_at", row.get("starts_at"), zone, v);
        var end = CsvValues.local("ends_at", row.get("ends_at"), zone, v);
        String currency = row.get("currency") == null ? null : row.get("currency").strip().toUpperCase(Locale.ROOT);
        Long budget = MoneyParse.money("budget", row.get("budget"), currency, v);
        Integer guests = Parse.integer("guest_count", row.get("guest_count"), v);
        UUID venue = Parse.uuid("venue_id", row.get("venue_id"), v);
        var followUp = CsvValues.date("follow_up_on", row.get("follow_up_on"), v);
        String source = row.get("source") == null ? null : row.get("source").strip().toUpperCase(Locale.ROOT);
        String code = row.get("status") == null ? "" : row.get("status").strip().toUpperCase(Locale.ROOT);
        String allowed = String.join(", ", Codes.all(InquiryStatus.class));
        InquiryStatus status = Codes.read(InquiryStatus.class, code, "status", v, I18n.tr("validation.oneOf", code, allowed));
        if (code.isEmpty()) {
            v.add(new FieldError("status", I18n.tr("validation.oneOf", code, allowed)));
        }
        if (v.hasErrors()) {
            return null;
        }
        if (!tbd && start != null && end != null && !end.isAfter(start)) {
            v.add(new FieldError("ends_at", I18n.tr("booking.endBeforeStart")));
            return null;
        }
        return new InquiryService.ImportInquiry(id, new InquiryDraft(client, row.get("event_type"), start, end,
                zone.getId(), tbd, venue, row.get("free_address"), guests, budget, currency, source, row.get("notes"),
                followUp), status, row.get("lost_reason"));
    }

    @Override
    public String columnFor(String field) {
        return switch (field) {
            case "client" -> "client_id";
            case "venue" -> "venue_id";
            case "budget" -> "budget";
            default -> CsvSchema.super.columnFor(field);
        };
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(INQUIRY, INQUIRY.ID.eq(id));
    }
}
