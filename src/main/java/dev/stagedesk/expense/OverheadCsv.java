package dev.stagedesk.expense;

import static dev.stagedesk.db.jooq.Tables.OVERHEAD_EXPENSE;

import dev.stagedesk.csv.ExportOnlyCsv;
import dev.stagedesk.csv.CsvValues;
import dev.stagedesk.csv.Period;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.Rounding;
import dev.stagedesk.payment.ExchangeRates;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** The agency's overhead expenses in CSV, export only, with each amount in the base currency. Filtered on the date spent. */
public final class OverheadCsv extends ExportOnlyCsv {
    private static final List<String> COLUMNS = List.of("expense_id", "spent_on", "category", "vendor", "description",
            "amount", "currency", "exchange_rate", "base_amount", "base_currency", "method", "recurring");

    public OverheadCsv() {
        super("overhead", COLUMNS, Permission.REPORTS_VIEW);
    }

    @Override
    public void exportRows(DSLContext dsl, Period period, Consumer<List<String>> sink) {
        String base = ExchangeRates.baseCurrency(dsl);
        var baseCurrency = Currencies.require(base);
        try (var cursor = dsl.selectFrom(OVERHEAD_EXPENSE).where(OVERHEAD_EXPENSE.DELETED_AT.isNull(),
                period.on(OVERHEAD_EXPENSE.SPENT_ON)).orderBy(OVERHEAD_EXPENSE.SPENT_ON, OVERHEAD_EXPENSE.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                var c = Currencies.require(r.getCurrency());
                sink.accept(Arrays.asList(r.getId().toString(), CsvValues.date(r.getSpentOn()), r.getCategory(),
                        r.getVendor(), CsvValues.text(r.getDescription()), MoneyFormat.plain(r.getAmountMinor(), c),
                        r.getCurrency(), r.getExchangeRate().stripTrailingZeros().toPlainString(),
                        MoneyFormat.plain(Rounding.toBase(r.getAmountMinor(), r.getExchangeRate()), baseCurrency),
                        base, r.getMethod(), r.getRecurringExpenseId() == null ? "no" : "yes"));
            }
        }
    }
}
