package dev.stagedesk.payout;

import static dev.stagedesk.db.jooq.Tables.ASSIGNMENT;
import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.common.BookingStatus;
import dev.stagedesk.command.Command;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.ExportOnlyCsv;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.csv.Period;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.payment.ExchangeRates;
import dev.stagedesk.security.Permission;
import dev.stagedesk.settings.AgencyFacts;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Payouts in CSV, export only (docs/CSV.md): one line per gig of a live booking, with the gross payout, the
 * agency's commission, the withholding and the net as {@link PayoutSplit} computes them.
 */
public final class PayoutCsv extends ExportOnlyCsv {
    private static final List<String> COLUMNS = List.of("assignment_id", "performer", "booking_number", "gig_start",
            "role", "currency", "gross", "commission", "withholding", "net", "payout_status", "paid_on",
            "paid_method", "paid_reference", "exchange_rate", "base_gross", "base_commission", "base_withholding",
            "base_currency");

    public PayoutCsv() {
        super("payouts", COLUMNS, Permission.PAYOUTS_VIEW_ALL);
    }

    /**
     * Accrual basis: gigs that start in the period (agency's time zone); cash basis: payouts paid in the period.
     * Base amounts at the booking's exchange rate, each rounded once per gig ({@code Rounding.toBase}).
     */
    @Override
    public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        String base = ExchangeRates.baseCurrency(dsl);
        var baseCurrency = Currencies.require(base);
        try (var cursor = dsl.select(ASSIGNMENT.ID, PERFORMER.STAGE_NAME, BOOKING.NUMBER, ASSIGNMENT.STARTS_AT,
                        BOOKING.TIME_ZONE, ASSIGNMENT.ROLE, ASSIGNMENT.CURRENCY, ASSIGNMENT.PAYOUT_MINOR,
                        ASSIGNMENT.COMMISSION_BP, ASSIGNMENT.WITHHOLDING_BP, ASSIGNMENT.PAYOUT_STATUS,
                        ASSIGNMENT.PAID_ON, ASSIGNMENT.PAID_METHOD, ASSIGNMENT.PAID_REFERENCE, BOOKING.EXCHANGE_RATE)
                .from(ASSIGNMENT).join(BOOKING).on(BOOKING.ID.eq(ASSIGNMENT.BOOKING_ID))
                .join(PERFORMER).on(PERFORMER.ID.eq(ASSIGNMENT.PERFORMER_ID))
                .where(ASSIGNMENT.DELETED_AT.isNull(), BOOKING.DELETED_AT.isNull(), BOOKING.STATUS.ne(BookingStatus.CANCELLED.name()),
                        inPeriod(dsl, period))
                .orderBy(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ID).fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                var currency = Currencies.require(r.value7());
                PayoutSplit s = PayoutSplit.of(r.value8(), r.value9(), r.value10());
                sink.accept(Arrays.asList(r.value1().toString(), r.value2(), r.value3(),
                        CsvValues.local(r.value4(), r.value5()), r.value6(), r.value7(),
                        MoneyFormat.plain(s.grossMinor(), currency), MoneyFormat.plain(s.commissionMinor(), currency),
                        MoneyFormat.plain(s.withholdingMinor(), currency), MoneyFormat.plain(s.netMinor(), currency),
                        r.value11(), CsvValues.date(r.value12()), CsvValues.text(r.value13()),
                        CsvValues.text(r.value14()), r.value15().stripTrailingZeros().toPlainString(),
                        MoneyFormat.plain(Rounding.toBase(s.grossMinor(), r.value15()), baseCurrency),
                        MoneyFormat.plain(Rounding.toBase(s.commissionMinor(), r.value15()), baseCurrency),
                        MoneyFormat.plain(Rounding.toBase(s.withholdingMinor(), r.value15()), baseCurrency), base));
            }
        }
    }

    /** Which gigs a period means for payouts: paid in it (cash) or played in it (accrual). */
    public static Condition inPeriod(DSLContext dsl, Period period) {
        if (period.all()) {
            return DSL.noCondition();
        }
        if (period.cash()) {
            // a paid-on date means paid; asking for the status as well made H2 walk every paid gig ever (12 s at 1M)
            return ASSIGNMENT.PAID_ON.between(period.from(), period.to());
        }
        ZoneId zone = AgencyFacts.zone(dsl);
        return ASSIGNMENT.STARTS_AT.ge(period.from().atStartOfDay(zone).toInstant())
                .and(ASSIGNMENT.STARTS_AT.lt(period.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        throw new UserFacingException(I18n.tr("csv.exportOnly", "payouts", "assignments"));
    }
}
