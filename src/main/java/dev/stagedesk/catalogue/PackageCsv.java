package dev.stagedesk.catalogue;

import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** Packages in CSV: see docs/CSV.md. Prices are plain decimals in the row's currency ("1250.00"). */
public final class PackageCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "name", "description", "duration_minutes",
            "base_price", "currency", "performers_needed", "performer_act", "active");

    @Override
    public String name() {
        return "packages";
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
        for (var r : dsl.selectFrom(SERVICE_PACKAGE).where(SERVICE_PACKAGE.DELETED_AT.isNull())
                .orderBy(SERVICE_PACKAGE.ID).fetch()) {
            ServicePackage p = PackageRepository.toPackage(r);
            sink.accept(Arrays.asList(p.id().toString(), p.name(), text(p.description()),
                    Integer.toString(p.durationMinutes()),
                    MoneyFormat.plain(p.basePriceMinor(), Currencies.require(p.currency())), p.currency(),
                    Integer.toString(p.performersNeeded()), text(p.performerAct()), Boolean.toString(p.active())));
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        String currency = row.get("currency") == null ? null : row.get("currency").strip().toUpperCase(Locale.ROOT);
        Integer minutes = Parse.integer("duration_minutes", row.get("duration_minutes"), v);
        Long price = MoneyParse.money("base_price", row.get("base_price"), currency, v);
        Integer needed = Parse.integer("performers_needed", row.get("performers_needed"), v);
        boolean active = Parse.bool("active", row.get("active"), true, v);
        PackageDraft draft = PackageService.normalize(new PackageDraft(row.get("name"), row.get("description"), minutes,
                price, currency, needed, row.get("performer_act"), active));
        if (v.hasErrors()) {
            return null;
        }
        PackageService.validate(draft);
        return new PackageService.ImportPackage(id, draft);
    }

    @Override
    public String columnFor(String field) {
        return switch (field) {
            case "duration" -> "duration_minutes";
            case "basePrice" -> "base_price";
            default -> CsvSchema.super.columnFor(field);
        };
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(SERVICE_PACKAGE, SERVICE_PACKAGE.ID.eq(id));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
