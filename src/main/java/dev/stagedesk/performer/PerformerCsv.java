package dev.stagedesk.performer;

import static dev.stagedesk.db.jooq.Tables.PERFORMER;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** Performers in CSV: see docs/CSV.md. Acts and genres are ';'-separated inside their field. */
public final class PerformerCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "stage_name", "legal_name", "email", "phone", "acts",
            "genres", "default_fee", "currency", "commission_percent", "withholding_percent", "home_city",
            "home_latitude", "home_longitude", "active", "notes");

    @Override
    public String name() {
        return "performers";
    }

    @Override
    public Permission alsoNeeds() {
        return Permission.PERFORMERS_VIEW;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.selectFrom(PERFORMER).where(PERFORMER.DELETED_AT.isNull()).orderBy(PERFORMER.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                Performer p = PerformerRepository.toPerformer(r);
                sink.accept(Arrays.asList(p.id().toString(), p.stageName(), text(p.legalName()), text(p.email()),
                        text(p.phone()), String.join(";", p.acts()), String.join(";", p.genres()),
                        MoneyFormat.plain(p.defaultFeeMinor(), Currencies.require(p.currency())), p.currency(),
                        Parse.percentText(p.commissionBp()), Parse.percentText(p.withholdingBp()),
                        text(p.homeCity()), Parse.decimalText(p.homeLatitude()),
                        Parse.decimalText(p.homeLongitude()), Boolean.toString(p.active()), text(p.notes())));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        String currencyCode = row.get("currency") == null ? null : row.get("currency").strip();
        Currency currency = Currencies.find(currencyCode);
        long fee = 0;
        if (currency == null) {
            v.add(new FieldError("currency", I18n.tr("money.currency.unknown", currencyCode)));
        } else if (row.get("default_fee") != null && !row.get("default_fee").isBlank()) {
            try {
                fee = MoneyFormat.parse(row.get("default_fee"), currency);
            } catch (IllegalArgumentException e) {
                v.add(new FieldError("default_fee", e.getMessage()));
            }
        }
        int commission = Parse.percentBp("commission_percent", row.get("commission_percent"), v);
        int withholding = Parse.percentBp("withholding_percent", row.get("withholding_percent"), v);
        Double lat = Parse.decimal("home_latitude", row.get("home_latitude"), v);
        Double lon = Parse.decimal("home_longitude", row.get("home_longitude"), v);
        boolean active = Parse.bool("active", row.get("active"), true, v);
        PerformerDraft draft = PerformerService.normalize(new PerformerDraft(row.get("stage_name"),
                row.get("legal_name"), row.get("email"), row.get("phone"), PerformerRepository.split(row.get("acts")),
                PerformerRepository.split(row.get("genres")), fee, currencyCode, commission, withholding,
                row.get("home_city"), lat, lon, active, row.get("notes")));
        if (currency != null) {
            PerformerService.validate(draft);
        }
        return new PerformerService.ImportPerformer(id, draft);
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(PERFORMER, PERFORMER.ID.eq(id));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
