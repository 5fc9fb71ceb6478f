package dev.stagedesk.cli;

import dev.stagedesk.security.Actor;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "credit-note", mixinStandardHelpOptions = true,
        description = "Credits the whole of an issued invoice with a numbered credit note; the invoice becomes credited.")
final class CreditNoteCommand extends StoreCommand<CliStore.Invoicing> {
    @Parameters(index = "0", paramLabel = "INVOICE-NUMBER")
    String number;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Printed on the credit note.")
    String reason;

    CreditNoteCommand() {
        super(CliStore::invoicing);
    }

    @Override
    protected int run(CliStore.Invoicing app, Actor actor) {
        UUID id = app.invoices().credit(actor, app.invoiceDocuments().byNumber(actor, number), reason);
        out().println(InvoiceCommand.describe(app, id));
        return 0;
    }
}
