package dev.stagedesk.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stagedesk.money.Rounding;
import dev.stagedesk.payment.PaymentTerms;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The invoice arithmetic: one rounding rule per line, totals from the lines, deposits that add back up. */
class InvoiceProperties {

    @Provide
    Arbitrary<List<InvoiceMath.Line>> lines() {
        Arbitrary<InvoiceMath.Line> line = Combinators.combine(Arbitraries.integers().between(1, 50),
                        Arbitraries.longs().between(-5_000_000, 50_000_000), Arbitraries.of(0, 500, 700, 1000, 1900, 2000, 2125))
                .as((q, unit, rate) -> InvoiceMath.line("x", q, unit, rate));
        return line.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property
    void totalIsLinesPlusTaxEachLineRoundedOnce(@ForAll("lines") List<InvoiceMath.Line> lines) {
        InvoiceMath.Totals t = InvoiceMath.totals(lines);
        long net = 0;
        long tax = 0;
        for (InvoiceMath.Line l : lines) {
            assertThat(l.netMinor()).isEqualTo((long) l.quantity() * l.unitPriceMinor());
            assertThat(l.taxMinor()).isEqualTo(Rounding.applyBasisPoints(l.netMinor(), l.taxRateBp()));
            net += l.netMinor();
            tax += l.taxMinor();
        }
        assertThat(t.subtotalMinor()).isEqualTo(net);
        assertThat(t.taxMinor()).isEqualTo(tax);
        assertThat(t.totalMinor()).isEqualTo(net + tax);
        assertThat(t.byRate().values().stream().mapToLong(InvoiceMath.RateTotal::taxMinor).sum()).isEqualTo(tax);
        assertThat(t.byRate().values().stream().mapToLong(InvoiceMath.RateTotal::netMinor).sum()).isEqualTo(net);
    }

    @Property
    void aCreditNoteCancelsItsInvoiceExactly(@ForAll("lines") List<InvoiceMath.Line> lines) {
        List<InvoiceMath.Line> credit = lines.stream().map(l -> InvoiceMath.negate(l, l.description())).toList();
        assertThat(InvoiceMath.totals(credit).totalMinor()).isEqualTo(-InvoiceMath.totals(lines).totalMinor());
        assertThat(InvoiceMath.totals(credit).taxMinor()).isEqualTo(-InvoiceMath.totals(lines).taxMinor());
    }

    /** The final invoice as the service builds it: the fee, less each deposit invoice's lines. */
    @Property
    void finalPlusDepositInvoicesIsTheBookingTotal(@ForAll @LongRange(min = 0, max = 100_000_000) long fee,
                                                   @ForAll @IntRange(min = 0, max = 2500) int taxBp,
                                                   @ForAll boolean percent,
                                                   @ForAll @LongRange(min = 0, max = 200_000_000) long value) {
        long depositValue = percent ? value % 10_001 : value;
        PaymentTerms.Deposit d = PaymentTerms.deposit(fee, taxBp, percent ? PaymentTerms.PERCENT : PaymentTerms.AMOUNT,
                depositValue);
        InvoiceMath.Line depositLine = InvoiceMath.line("deposit", 1, d.netMinor(), taxBp);
        InvoiceMath.Totals deposit = InvoiceMath.totals(List.of(depositLine));
        List<InvoiceMath.Line> finalLines = new ArrayList<>();
        finalLines.add(InvoiceMath.line("fee", 1, fee, taxBp));
        finalLines.add(InvoiceMath.negate(depositLine, "less deposit"));
        InvoiceMath.Totals fin = InvoiceMath.totals(finalLines);
        assertThat(deposit.totalMinor()).isEqualTo(d.totalMinor());
        assertThat(fin.totalMinor() + deposit.totalMinor()).isEqualTo(PaymentTerms.total(fee, taxBp));
        assertThat(fin.taxMinor() + deposit.taxMinor()).isEqualTo(Rounding.applyBasisPoints(fee, taxBp));
        assertThat(fin.totalMinor()).isGreaterThanOrEqualTo(0);
    }
}
