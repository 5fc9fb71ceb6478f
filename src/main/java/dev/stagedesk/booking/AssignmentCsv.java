package dev.stagedesk.booking;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

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
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Assignments in CSV (docs/CSV.md): a performer (by stage name) on a booking (by number). Importing runs the
 * same conflict check as the console; {@link #allowingConflicts} is the admin's {@code --allow-conflicts}.
 */
public final class AssignmentCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "booking_number", "performer_id", "performer", "role", "payout",
            "currency", "call_time", "commission_percent", "withholding_percent", "payout_status", "paid_on",
            "paid_method", "paid_reference");

    private final String overrideReason;

    public AssignmentCsv() {
        this(null);
    }

    private AssignmentCsv(String overrideReason) {
        this.overrideReason = overrideReason;
    }

    /** The same import, saving conflicting rows with this reason (admins only; each is audited). */
    public AssignmentCsv allowingConflicts(String reason) {
        return new AssignmentCsv(reason);
    }

    @Override
    public String name() {
        return "assignments";
    }

    /** The payout columns are the Payouts screen's: blank for a user without {@code PAYOUTS_VIEW_ALL}. */
    @Override
    public List<String> visibleTo(Actor actor, List<String> row) {
        if (actor.can(Permission.PAYOUTS_VIEW_ALL)) {
            return row;
        }
        List<String> narrowed = new ArrayList<>(row);
        for (String column : PAYOUT_COLUMNS) {
            narrowed.set(COLUMNS.indexOf(column), "");
        }
        return narrowed;
    }

    private static final List<String> PAYOUT_COLUMNS = List.of("payout", "commission_percent", "withholding_percent",
            "payout_status", "paid_on", "paid_method", "paid_reference");

    @Override
    public Permission alsoNeeds() {
        return Permission.BOOKINGS_VIEW_ALL;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    /** Files written before the performer's id was exported name the performer by stage name only. */
    @Override
    public Set<String> optionalColumns() {
        return Set.of("performer_id");
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.select(ASSIGNMENT.ID, BOOKING.NUMBER, PERFORMER.ID, PERFORMER.STAGE_NAME, ASSIGNMENT.ROLE,
                        ASSIGNMENT.PAYOUT_MINOR, ASSIGNMENT.CURRENCY, ASSIGNMENT.CALL_TIME, BOOKING.TIME_ZONE,
                        ASSIGNMENT.COMMISSION_BP, ASSIGNMENT.WITHHOLDING_BP, ASSIGNMENT.PAYOUT_STATUS,
                        ASSIGNMENT.PAID_ON, ASSIGNMENT.PAID_METHOD, ASSIGNMENT.PAID_REFERENCE)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull()).orderBy(ASSIGNMENT.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(Arrays.asList(r.value1().toString(), r.value2(), r.value3().toString(), r.value4(),
                        r.value5(), MoneyFormat.plain(r.value6(), Currencies.require(r.value7())), r.value7(),
                        r.value8() == null ? "" : CsvValues.local(r.value8(), r.value9()),
                        Parse.percentText(r.value10()), Parse.percentText(r.value11()), r.value12(),
                        CsvValues.date(r.value13()), CsvValues.text(r.value14()), CsvValues.text(r.value15())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        String currency = blankToNull(row.get("currency"));
        Long payout = currency == null ? null : MoneyParse.money("payout", row.get("payout"), currency, v);
        if (currency == null && blankToNull(row.get("payout")) != null) {
            v.add(new FieldError("currency", I18n.tr("validation.required")));
        }
        LocalDateTime call = null;
        String callText = blankToNull(row.get("call_time"));
        if (callText != null) {
            try {
                call = LocalDateTime.parse(callText.replace('T', ' '), CsvValues.LOCAL);
            } catch (DateTimeParseException e) {
                v.add(new FieldError("call_time", I18n.tr("csv.dateTime", callText)));
            }
        }
        Integer commission = blankToNull(row.get("commission_percent")) == null ? null
                : Parse.percentBp("commission_percent", row.get("commission_percent"), v);
        Integer withholding = blankToNull(row.get("withholding_percent")) == null ? null
                : Parse.percentBp("withholding_percent", row.get("withholding_percent"), v);
        PayoutStatus status = Codes.read(PayoutStatus.class, row.get("payout_status"), "payout_status", v,
                I18n.tr("assignment.csv.status"));
        var paidOn = blankToNull(row.get("paid_on")) == null ? null : CsvValues.date("paid_on", row.get("paid_on"), v);
        UUID performerId = Parse.uuid("performer_id", row.get("performer_id"), v);
        return new AssignmentService.ImportAssignment(id, blankToNull(row.get("booking_number")), performerId,
                blankToNull(row.get("performer")), row.get("role"), payout, call, commission, withholding,
                status, paidOn,

                blankToNull(row.get("paid_method")), blankToNull(row.get("paid_reference")), overrideReason);
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(ASSIGNMENT, ASSIGNMENT.ID.eq(id), ASSIGNMENT.DELETED_AT.isNull());
    }

    @Override
    public String columnFor(String field) {
        return switch (field == null ? "" : field) {
            case "bookingNumber" -> "booking_number";
            case "callTime" -> "call_time";
            case "payoutStatus" -> "payout_status";
            case "paidOn" -> "paid_on";
            case "method" -> "paid_method";
            case "reference" -> "paid_reference";
            case "commission" -> "commission_percent";
            case "withholding" -> "withholding_percent";
            default -> CsvSchema.super.columnFor(field);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
