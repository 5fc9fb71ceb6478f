package dev.stagedesk.client;

import static dev.stagedesk.db.jooq.Tables.CLIENT;

import dev.stagedesk.command.Command;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.csv.CsvSchema;
import dev.stagedesk.security.Permission;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/** Clients in CSV: see docs/CSV.md. */
public final class ClientCsv implements CsvSchema {
    private static final List<String> COLUMNS = List.of("id", "kind", "name", "contact_name", "email", "phone",
            "address_line1", "address_line2", "postal_code", "city", "region", "country_code", "tax_id", "notes",
            "language");

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public Permission alsoNeeds() {
        return Permission.CLIENTS_VIEW;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    /** Files written before clients had a document language still import (their clients: the agency's language). */
    @Override
    public Set<String> optionalColumns() {
        return Set.of("language");
    }

    @Override
    public void exportRows(DSLContext dsl, Consumer<List<String>> sink) {
        try (var cursor = dsl.selectFrom(CLIENT).where(CLIENT.DELETED_AT.isNull()).orderBy(CLIENT.ID)
                .fetchSize(2000).fetchLazy()) {
            for (var r : cursor) {
                Client c = ClientRepository.toClient(r);
                sink.accept(Arrays.asList(c.id().toString(), c.kind().name(), c.name(), text(c.contactName()),
                        text(c.email()), text(c.phone()), text(c.addressLine1()), text(c.addressLine2()),
                        text(c.postalCode()), text(c.city()), text(c.region()), text(c.countryCode()), text(c.taxId()),
                        text(c.notes()), c.language() == null ? "" : c.language().code()));
            }
        }
    }

    @Override
    public Command<?> parse(UUID id, Map<String, String> row, Validator v) {
        ClientKind kind = Parse.enumValue("kind", row.get("kind"), ClientKind.class, v);
        Language language = language(row.get("language"), v);
        ClientDraft draft = ClientService.normalize(new ClientDraft(kind, row.get("name"), row.get("contact_name"),
                row.get("email"), row.get("phone"), row.get("address_line1"), row.get("address_line2"),
                row.get("postal_code"), row.get("city"), row.get("region"), row.get("country_code"),
                row.get("tax_id"), row.get("notes"), language));
        if (kind != null) {
            ClientService.validate(draft);
        }
        return new ClientService.ImportClient(id, draft);
    }

    @Override
    public boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(CLIENT, CLIENT.ID.eq(id));
    }

    /** "de", "en" (any case), or blank for the agency's document language. */
    static Language language(String code, Validator v) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Optional<Language> l = Language.ofCode(code);
        if (l.isEmpty()) {
            v.add(new FieldError("language", I18n.tr("validation.oneOf", code.strip(),
                    String.join(", ", Language.codes()))));
        }
        return l.orElse(null);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
