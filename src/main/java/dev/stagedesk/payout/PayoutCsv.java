package dev.stagedesk.payout;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Payouts in CSV, export only (docs/CSV.md): one line per gig of a live booking, with the gross payout, the
 * agency's commission, the withholding and the net as {@link PayoutSplit} computes them.
 */
public final class PayoutCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("assignment_id", "performer", "booking_number", "gig_start",
            "role", "currency", "gross", "commission", "withholding", "net", "payout_status", "paid_on",
            "paid_method", "paid_reference");

    @Override
    public String name() {
        return "payouts";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public boolean importable() {
        return false;
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.select(ASSIGNMENT.ID, PERFORMER.STAGE_NAME, BOOKING.NUMBER, ASSIGNMENT.STARTS_AT,
                        BOOKING.TIME_ZONE, ASSIGNMENT.ROLE, ASSIGNMENT.CURRENCY, ASSIGNMENT.PAYOUT_MINOR,
                        ASSIGNMENT.COMMISSION_BP, ASSIGNMENT.WITHHOLDING_BP, ASSIGNMENT.PAYOUT_STATUS,
                        ASSIGNMENT.PAID_ON, ASSIGNMENT.PAID_METHOD, ASSIGNMENT.PAID_REFERENCE)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(), BOOKING.STATUS.ne("CANCELLED"))
                .orderBy(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ID).fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                var currency = Currencies.require(r.value7());
                PayoutSplit s = PayoutSplit.of(r.value8(), r.value9(), r.value10());
                sink.accept(Arrays.asList(r.value1().toString(), r.value2(), r.value3(),
                        CsvValues.local(r.value4(), r.value5()), r.value6(), r.value7(),
                        MoneyFormat.plain(s.grossMinor(), currency), MoneyFormat.plain(s.commissionMinor(), currency),
                        MoneyFormat.plain(s.withholdingMinor(), currency), MoneyFormat.plain(s.netMinor(), currency),
                        r.value11(), CsvValues.date(r.value12()), CsvValues.text(r.value13()),
                        CsvValues.text(r.value14())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        throw new UserFacingException(I18n.tr("csv.exportOnly", "payouts", "assignments"));
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return false;
    }
}
