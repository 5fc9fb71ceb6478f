package dev.stagedesk.cli;

import dev.stagedesk.catalogue.ServicePackage;
import dev.stagedesk.common.Display;
import dev.stagedesk.common.FieldError;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.common.Validator;
import dev.stagedesk.inquiry.Inquiry;
import dev.stagedesk.inquiry.Quote;
import dev.stagedesk.inquiry.QuoteDocuments;
import dev.stagedesk.inquiry.QuoteDraft;
import dev.stagedesk.inquiry.QuoteLine;
import dev.stagedesk.inquiry.QuoteService;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.Currencies;
import dev.stagedesk.money.MoneyFormat;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.security.Actor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quote", mixinStandardHelpOptions = true,
        description = "An inquiry's quote: list its versions, save a new version, write a version as PDF.",
        subcommands = {QuoteCommand.ListVersions.class, QuoteCommand.Create.class, QuoteCommand.Pdf.class})
final class QuoteCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every version, newest first.")
    static final class ListVersions extends StoreCommand<CliStore.Quotes> {
        @Parameters(index = "0", paramLabel = "INQUIRY_ID")
        UUID inquiry;

        ListVersions() {
            super(CliStore::quotes);
        }

        @Override
        protected int run(CliStore.Quotes app, Actor actor) {
            List<Quote> versions = app.quotes().versions(actor, inquiry);
            Quote newer = null;
            for (Quote q : versions) {
                out().printf("%s  v%d  %-10s  %s  valid until %s%n", q.id(), q.versionNo(), q.status(),
                        MoneyFormat.display(q.totalMinor(), Currencies.require(q.currency())), q.validUntil());
                if (newer != null) {
                    QuoteService.changes(q, newer).forEach(c -> out().println("      v" + (q.versionNo() + 1) + ": " + c));
                }
                newer = q;
            }
            if (versions.isEmpty()) {
                err().println(I18n.tr("cli.quote.none"));
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Saves a new version of the inquiry's quote (the previous one is superseded).")
    static final class Create extends StoreCommand<CliStore.Quotes> {
        @Parameters(index = "0", paramLabel = "INQUIRY_ID")
        UUID inquiry;

        @Option(names = "--package", paramLabel = "PACKAGE_ID",
                description = "Start from a package: its name, duration and base price become the first line.")
        UUID packageId;

        @Option(names = "--line", paramLabel = "DESCRIPTION;QTY;UNIT_PRICE",
                description = "A line, e.g. \"Travel;2;49.50\". Repeat for more lines.")
        List<String> lines = new ArrayList<>();

        @Option(names = "--discount", paramLabel = "AMOUNT", description = "Off the lines' sum, before tax.")
        String discount;

        @Option(names = "--tax", paramLabel = "PERCENT", description = "Tax rate (default: the agency's).")
        String tax;

        @Option(names = "--valid-until", paramLabel = "YYYY-MM-DD", required = true)
        String validUntil;

        @Option(names = "--notes")
        String notes;

        Create() {
            super(CliStore::quotes);
        }

        @Override
        protected int run(CliStore.Quotes app, Actor actor) {
            Inquiry i = app.inquiries().find(inquiry);
            Validator v = new Validator();
            List<QuoteLine> parsed = new ArrayList<>();
            if (packageId != null) {
                var p = app.packages().find(packageId).orElse(null);
                if (p == null || p.deletedAt() != null) {
                    v.add(new FieldError("--package", I18n.tr("quote.packageUnknown")));
                } else if (!p.currency().equals(i.currency())) {
                    v.add(new FieldError("--package", I18n.tr("quote.packageCurrency", p.currency(), i.currency())));
                } else {
                    parsed.add(QuoteLine.of(packageLine(p), 1, p.basePriceMinor()));
                }
            }
            for (int n = 0; n < lines.size(); n++) {
                String[] parts = lines.get(n).split(";", -1);
                String field = "--line " + (n + 1);
                if (parts.length != 3) {
                    v.add(new FieldError(field, I18n.tr("cli.quote.lineShape", lines.get(n))));
                    continue;
                }
                Integer qty = Parse.integer(field, parts[1], v);
                Long price = MoneyParse.requiredMoney(field, parts[2], i.currency(), AmountStyle.FILE, v);
                if (qty != null && price != null) {
                    try {
                        parsed.add(QuoteLine.of(parts[0].strip(), qty, price));
                    } catch (ArithmeticException e) {
                        v.add(new FieldError(field, I18n.tr("money.parse.tooLarge", parts[2].strip())));
                    }
                }
            }
            Long discountMinor = MoneyParse.money("--discount", discount, i.currency(), v);
            int taxBp = tax == null ? app.settings().requireAgency().defaultTaxRateBp() : Parse.percentBp("--tax", tax, v);
            LocalDate until = null;
            try {
                until = LocalDate.parse(validUntil.strip());
            } catch (DateTimeParseException e) {
                v.add(new FieldError("--valid-until", I18n.tr("validation.date", validUntil)));
            }
            if (v.hasErrors()) {
                throw new ValidationException(v.errors());
            }
            int latest = app.quotes().latest(actor, inquiry).map(Quote::versionNo).orElse(0);
            Quote q = app.quotes().save(actor, inquiry, latest, new QuoteDraft(packageId, parsed,
                    discountMinor == null ? 0 : discountMinor, taxBp, until, notes));
            out().println(q.id());
            err().println(I18n.tr("cli.quote.saved", q.versionNo(),
                    MoneyFormat.display(q.totalMinor(), Currencies.require(q.currency()))));
            return 0;
        }
    }

    @Command(name = "pdf", mixinStandardHelpOptions = true, description = "Writes a quote version as PDF.")
    static final class Pdf extends StoreCommand<CliStore.Quotes> {
        @Parameters(index = "0", paramLabel = "QUOTE_ID")
        UUID quote;

        @Option(names = "--out", paramLabel = "FILE", required = true)
        Path out;

        @Option(names = "--sent", description = "Also mark the version as sent to the client (the inquiry becomes quoted).")
        boolean sent;

        Pdf() {
            super(CliStore::quotes);
        }

        @Override
        protected int run(CliStore.Quotes app, Actor actor) {
            Quote q = app.quoteDocuments().save(actor, quote, out, sent);
            err().println(I18n.tr("cli.quote.pdf", out, Display.inSentence(q.status())));
            return 0;
        }
    }

    /** The first line a package gives a quote: "Brass band, 3 sets (4:00)". */
    static String packageLine(ServicePackage p) {
        return QuoteDocuments.packageLine(p);
    }
}
