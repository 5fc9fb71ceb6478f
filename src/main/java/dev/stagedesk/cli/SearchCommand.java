package dev.stagedesk.cli;

import dev.stagedesk.search.GlobalSearchQuery;
import dev.stagedesk.security.Actor;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "The console's global search (Ctrl+K): clients, venues, performers, inquiries, bookings, "
                + "invoices by number, payments by reference. Prints kind, id, title, details.")
final class SearchCommand extends StoreCommand<CliStore.Search> {
    @Parameters(index = "0", arity = "1..*", paramLabel = "TEXT")
    List<String> text;

    @Option(names = "--per-kind", defaultValue = "5")
    int perKind;

    SearchCommand() {
        super(CliStore::search);
    }

    @Override
    protected int run(CliStore.Search app, Actor actor) {
        GlobalSearchQuery.Results results = app.globalSearch().search(actor, String.join(" ", text), Math.max(1, perKind));
        for (GlobalSearchQuery.Hit h : results.all()) {
            out().println(String.join("\t", h.kind().name().toLowerCase(Locale.ROOT), h.id().toString(),
                    h.title(), h.detail()));
        }
        return results.isEmpty() ? 1 : 0;
    }
}
