package dev.stagedesk.cli;

import static dev.stagedesk.db.jooq.Tables.BOOKING;
import static dev.stagedesk.db.jooq.Tables.INVOICE;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.invoice.InvoiceDocuments;
import dev.stagedesk.payment.InvoiceKind;
import dev.stagedesk.invoice.InvoiceService;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.security.Actor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invoice", mixinStandardHelpOptions = true,
        description = "Issue a booking's deposit or final invoice; write invoices as PDF, one or a period's.",
        subcommands = {InvoiceCommand.Issue.class, InvoiceCommand.Pdf.class, InvoiceCommand.Sent.class})
final class InvoiceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static UUID booking(DSLContext dsl, String number) {
        UUID id = dsl.select(BOOKING.ID).from(BOOKING)
                .where(BOOKING.NUMBER.eq(number.strip()), BOOKING.DELETED_AT.isNull()).fetchOne(BOOKING.ID);
        if (id == null) {
            throw new UserFacingException(I18n.tr("cli.noBooking", number));
        }
        return id;
    }

    static String describe(CliStore.Invoicing app, UUID invoiceId) {
        var r = app.database().dsl().selectFrom(INVOICE).where(INVOICE.ID.eq(invoiceId)).fetchSingle();
        String amount = MoneyFormat.plain(r.getTotalMinor(), Currencies.require(r.getCurrency()));
        return InvoiceKind.CREDIT_NOTE.name().equals(r.getKind()) ? I18n.tr("cli.invoice.credited", r.getNumber(), amount, r.getCurrency())
                : I18n.tr("cli.invoice.issued", r.getNumber(), amount, r.getCurrency(), r.getDueDate());
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issues (numbers and locks) the deposit or final invoice of a booking.")
    static final class Issue extends StoreCommand<CliStore.Invoicing> {
        @Parameters(index = "0", paramLabel = "BOOKING-NUMBER")
        String booking;

        @Option(names = "--kind", defaultValue = "final", description = "deposit or final (default: ${DEFAULT-VALUE}).")
        String kind;

        @Option(names = "--notes", description = "Printed under the totals.")
        String notes;

        Issue() {
            super(CliStore::invoicing);
        }

        @Override
        protected int run(CliStore.Invoicing app, Actor actor) {
            if (!kind.equals("deposit") && !kind.equals("final")) {
                err().println(I18n.tr("cli.invoice.kind", kind));
                return 2;
            }
            UUID bookingId = booking(app.database().dsl(), booking);
            UUID id = app.invoices().issue(actor, bookingId, InvoiceKind.valueOf(kind.toUpperCase(Locale.ROOT)), notes);
            // issued all the same: what it lacks is said on stderr, so scripts reading stdout are not disturbed
            String lacks = InvoiceDocuments.lacksMessage(
                    app.invoiceDocuments().lacksForIssue(actor, bookingId));
            if (lacks != null) {
                err().println(I18n.tr("cli.warning", lacks));
            }
            out().println(describe(app, id));
            return 0;
        }
    }

    @Command(name = "pdf", mixinStandardHelpOptions = true,
            description = "One invoice or credit note as PDF (NUMBER --out FILE), or every one issued in a period "
                    + "(--from --to --out DIR).")
    static final class Pdf extends StoreCommand<CliStore.Invoicing> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NUMBER")
        String number;

        @Option(names = "--from", paramLabel = "DATE")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE")
        LocalDate to;

        @Option(names = "--out", required = true, paramLabel = "FILE|DIR")
        Path out;

        Pdf() {
            super(CliStore::invoicing);
        }

        @Override
        protected int run(CliStore.Invoicing app, Actor actor) {
            if (number != null) {
                if (from != null || to != null) {
                    err().println(I18n.tr("cli.invoice.pdfEither"));
                    return 2;
                }
                app.invoiceDocuments().save(actor, app.invoiceDocuments().byNumber(actor, number), out);
                err().println(I18n.tr("cli.invoice.pdfDone", number, out));
                return 0;
            }
            if (from == null || to == null) {
                err().println(I18n.tr("cli.invoice.pdfEither"));
                return 2;
            }
            int n = app.invoiceDocuments().batch(actor, from, to, out);
            err().println(I18n.tr("cli.invoice.batchDone", n, out));
            return 0;
        }
    }

    @Command(name = "sent", mixinStandardHelpOptions = true, description = "Records that an invoice went to the client.")
    static final class Sent extends StoreCommand<CliStore.Invoicing> {
        @Parameters(index = "0", paramLabel = "NUMBER")
        String number;

        @Option(names = "--on", paramLabel = "DATE", description = "Default: today.")
        LocalDate on;

        Sent() {
            super(CliStore::invoicing);
        }

        @Override
        protected int run(CliStore.Invoicing app, Actor actor) {
            app.invoices().execute(actor, new InvoiceService.MarkInvoiceSent(
                    app.invoiceDocuments().byNumber(actor, number), on));
            return 0;
        }
    }
}
