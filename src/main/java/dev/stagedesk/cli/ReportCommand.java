package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.csv.Period;
import dev.stagedesk.document.AtomicFile;
import dev.stagedesk.report.FinancialReport;
import dev.stagedesk.document.ReportTable;
import dev.stagedesk.document.TableExport;
import dev.stagedesk.security.Actor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports for a period as text, CSV or PDF: financials, performers, revenue.")
final class ReportCommand extends StoreCommand<CliStore.Reports> {
    @Parameters(index = "0", paramLabel = "REPORT", description = "financials, performers, or revenue.")
    String report;

    @Option(names = "--from", required = true, paramLabel = "DATE")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "DATE")
    LocalDate to;

    @Option(names = "--basis", defaultValue = "accrual", description = "financials: cash or accrual (default: ${DEFAULT-VALUE}).")
    String basis;

    @Option(names = "--by", defaultValue = "client", description = "revenue: client, performer, package or month.")
    String by;

    @Option(names = "--format", defaultValue = "text", description = "text, csv or pdf (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--excel", description = "CSV for spreadsheets in decimal-comma locales: BOM, semicolons, decimal comma.")
    boolean excel;

    @Option(names = "--no-totals", description = "CSV without the totals row.")
    boolean noTotals;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (required for pdf).")
    Path out;

    ReportCommand() {
        super(CliStore::reports);
    }

    @Override
    protected int run(CliStore.Reports app, Actor actor) {
        if (!List.of("text", "csv", "pdf").contains(format)) {
            err().println(I18n.tr("cli.report.format", format));
            return 2;
        }
        Period period = new Period(from, to, basis);
        FinancialReport r = app.financialReport();
        ReportTable table = switch (report) {
            case "financials" -> r.financialsTable(r.financials(actor, period));
            case "performers" -> r.performerEarnings(actor, period);
            case "revenue" -> {
                FinancialReport.By dim;
                try {
                    dim = FinancialReport.By.valueOf(by.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    err().println(I18n.tr("cli.report.by", by));
                    yield null;
                }
                yield r.revenueBy(actor, period, dim);
            }
            default -> {
                err().println(I18n.tr("cli.report.unknown", report));
                yield null;
            }
        };
        if (table == null) {
            return 2;
        }
        if (format.equals("pdf")) {
            if (out == null) {
                err().println(I18n.tr("cli.report.pdfOut"));
                return 2;
            }
            AtomicFile.write(out, o -> TableExport.pdf(table, o));
            return 0;
        }
        if (format.equals("csv")) {
            TableExport.CsvOptions options = new TableExport.CsvOptions(excel, !noTotals);
            if (out != null) {
                AtomicFile.writeText(out, w -> TableExport.csv(table, options, w));
            } else {
                TableExport.csv(table, options, out());
                out().flush();
            }
            return 0;
        }
        PrintWriter p = out();
        p.println(table.title());
        if (table.subtitle() != null) {
            p.println(table.subtitle());
        }
        p.println();
        text(table, p);
        p.flush();
        return 0;
    }

    /** Columns padded to their widest cell; numbers to the right. */
    static void text(ReportTable table, PrintWriter p) {
        int n = table.columns().size();
        int[] width = new int[n];
        List<List<Object>> all = new ArrayList<>(table.rows());
        if (table.totals() != null) {
            all.add(table.totals());
        }
        for (int i = 0; i < n; i++) {
            width[i] = table.columns().get(i).name().length();
            for (List<Object> row : all) {
                width[i] = Math.max(width[i], TableExport.display(row.get(i)).length());
            }
        }
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < n; i++) {
            head.append(pad(table.columns().get(i).name(), width[i], table.columns().get(i).kind() != ReportTable.Kind.TEXT))
                    .append(i < n - 1 ? "  " : "");
        }
        p.println(head.toString().stripTrailing());
        p.println("-".repeat(head.length()));
        for (int r = 0; r < all.size(); r++) {
            if (table.totals() != null && r == all.size() - 1) {
                p.println("-".repeat(head.length()));
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(pad(TableExport.display(all.get(r).get(i)), width[i],
                        table.columns().get(i).kind() != ReportTable.Kind.TEXT)).append(i < n - 1 ? "  " : "");
            }
            p.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
