package dev.stagedesk.cli;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Parse;
import dev.stagedesk.common.Validator;
import dev.stagedesk.db.jooq.Tables;
import dev.stagedesk.money.AmountStyle;
import dev.stagedesk.money.MoneyParse;
import dev.stagedesk.payment.PaymentService;
import dev.stagedesk.security.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "payment", mixinStandardHelpOptions = true,
        description = "The payment ledger: record money received or refunded; reverse a wrong entry.",
        subcommands = {PaymentCommand.Record.class, PaymentCommand.Reverse.class})
final class PaymentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "record", mixinStandardHelpOptions = true, description = "Records a payment on a booking.")
    static final class Record extends StoreCommand<CliStore.Payments> {
        @Parameters(index = "0", paramLabel = "BOOKING-NUMBER")
        String booking;

        @Option(names = "--amount", required = true, description = "In the booking's currency, e.g. 450.00 or 450,00 (docs/CLI.md: amounts).")
        String amount;

        @Option(names = "--kind", defaultValue = "balance", description = "deposit, balance, other or refund.")
        String kind;

        @Option(names = "--method", defaultValue = "bank_transfer",
                description = "bank_transfer, card, cash, cheque, paypal or other.")
        String method;

        @Option(names = "--date", paramLabel = "DATE", description = "Received on (default: today).")
        LocalDate date;

        @Option(names = "--reference")
        String reference;

        @Option(names = "--rate", paramLabel = "RATE",
                description = "Exchange rate to the base currency, e.g. 1.0825 or 1,0825 (default: the last one entered).")
        String rate;

        Record() {
            super(CliStore::payments);
        }

        @Override
        protected int run(CliStore.Payments app, Actor actor) {
            UUID bookingId = InvoiceCommand.booking(app.database().dsl(), booking);
            String currency = app.database().dsl().select(Tables.BOOKING.CURRENCY)
                    .from(Tables.BOOKING).where(Tables.BOOKING.ID.eq(bookingId))
                    .fetchSingle().value1();
            Validator v = new Validator();
            Long minor = MoneyParse.requiredMoney("--amount", amount, currency, AmountStyle.FILE, v);
            BigDecimal typedRate = Parse.rate("--rate", rate, v);
            v.throwIfAny();
            LocalDate on = date != null ? date : app.agencyToday();
            UUID id = app.payments().record(actor, new PaymentService.RecordPayment(bookingId,
                    kind.toUpperCase(Locale.ROOT), minor, method.toUpperCase(Locale.ROOT), on, reference, null, typedRate));
            out().println(I18n.tr("cli.payment.recorded", id, booking));
            return 0;
        }
    }

    @Command(name = "reverse", mixinStandardHelpOptions = true,
            description = "Undoes a payment with an entry of the opposite sign (the ledger is never edited).")
    static final class Reverse extends StoreCommand<CliStore.Payments> {
        @Parameters(index = "0", paramLabel = "PAYMENT-ID")
        UUID payment;

        @Option(names = "--reason", required = true)
        String reason;

        Reverse() {
            super(CliStore::payments);
        }

        @Override
        protected int run(CliStore.Payments app, Actor actor) {
            UUID id = app.payments().reverse(actor, payment, reason);
            out().println(I18n.tr("cli.payment.reversed", payment, id));
            return 0;
        }
    }
}
