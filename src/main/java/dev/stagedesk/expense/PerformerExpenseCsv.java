package dev.stagedesk.expense;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;
import static dev.stagedesk.db.jooq.Tables.PERFORMER_EXPENSE;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.csv.Period;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** Performers' own expenses in CSV (docs/CSV.md); receipts stay in the console, they are not in the file. */
public final class PerformerExpenseCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "performer_id", "performer", "booking_number", "category",
            "description", "amount", "currency", "spent_on");

    @Override
    public String name() {
        return "expenses";
    }

    @Override
    public Permission alsoNeeds() {
        return Permission.EXPENSES_VIEW_ALL;
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
        exportRows(dsl, Period.ALL, sink);
    }

    @Override
    public boolean periodic() {
        return true;
    }

    /** Filtered on the date spent. */
    @Override
    public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        try (var cursor = dsl.select(PERFORMER_EXPENSE.ID, PERFORMER.ID, PERFORMER.STAGE_NAME, BOOKING.NUMBER,
                        PERFORMER_EXPENSE.CATEGORY, PERFORMER_EXPENSE.DESCRIPTION, PERFORMER_EXPENSE.AMOUNT_MINOR,
                        PERFORMER_EXPENSE.CURRENCY, PERFORMER_EXPENSE.SPENT_ON)
                .from(PERFORMER_EXPENSE).join(PERFORMER).on(PERFORMER.ID.eq(PERFORMER_EXPENSE.PERFORMER_ID))
                .leftJoin(BOOKING).on(BOOKING.ID.eq(PERFORMER_EXPENSE.BOOKING_ID))
                .where(PERFORMER_EXPENSE.DELETED_AT.isNull(), period.on(PERFORMER_EXPENSE.SPENT_ON)).orderBy(PERFORMER_EXPENSE.SPENT_ON, PERFORMER_EXPENSE.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                sink.accept(Arrays.asList(r.value1().toString(), r.value2().toString(), r.value3(),
                        CsvValues.text(r.value4()), r.value5(), CsvValues.text(r.value6()),
                        MoneyFormat.plain(r.value7(), Currencies.require(r.value8())), r.value8(),
                        CsvValues.date(r.value9())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        String currency = row.get("currency") == null ? "" : row.get("currency").strip();
        Long amount = MoneyParse.requiredMoney("amount", row.get("amount"), currency, AmountStyle.FILE, v);
        var spentOn = CsvValues.date("spent_on", row.get("spent_on"), v);
        if (spentOn == null && !v.errors().stream().anyMatch(e -> e.field().equals("spent_on"))) {
            v.add(new FieldError("spent_on", I18n.tr("validation.required")));
        }
        String booking = row.get("booking_number") == null || row.get("booking_number").isBlank() ? null
                : row.get("booking_number").strip();
        UUID performerId = Parse.uuid("performer_id", row.get("performer_id"), v);
        return new ExpenseService.ImportPerformerExpense(id, performerId, row.get("performer"), booking, row.get("category"),
                row.get("description"), amount == null ? 0 : amount, currency, spentOn);
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(PERFORMER_EXPENSE, PERFORMER_EXPENSE.ID.eq(id), PERFORMER_EXPENSE.DELETED_AT.isNull());
    }

    @Override
    public String columnFor(String field) {
        return switch (field == null ? "" : field) {
            case "bookingNumber" -> "booking_number";
            case "spentOn" -> "spent_on";
            default -> CsvSchema.super.columnFor(field);
        };
    }
}
