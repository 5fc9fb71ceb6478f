package dev.stagedesk.invoice;

import dev.stagedesk.money.Rounding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of every invoice and credit note, in one place: a line's net is quantity times unit price;
 * its tax is the net times the line's rate, rounded half-even to a minor unit ({@link Rounding}), once per
 * line; the invoice's tax is the sum of its lines' taxes, and its total the sum of nets plus that tax. Half-even
 * rounding is symmetric, so a negated line (a deduction, a credit note) has exactly the negated tax.
 */
public final class InvoiceMath {
    private InvoiceMath() {
    }

    /** A priced line with its net and tax worked out. */
    public record Line(String description, int quantity, long unitPriceMinor, int taxRateBp, long netMinor,
                       long taxMinor) {
    }

    /** The tax of each rate: what the net at that rate adds up to and the tax on it (sum of the lines'). */
    public record RateTotal(long netMinor, long taxMinor) {
    }

    public record Totals(long subtotalMinor, long taxMinor, long totalMinor, Map<Integer, RateTotal> byRate) {
    }

    public static Line line(String description, int quantity, long unitPriceMinor, int taxRateBp) {
        long net = Math.multiplyExact(quantity, unitPriceMinor);
        return new Line(description, quantity, unitPriceMinor, taxRateBp, net, Rounding.applyBasisPoints(net, taxRateBp));
    }

    /** The same line with the opposite sign: a deduction, or a credit note's line. */
    public static Line negate(Line l, String description) {
        return line(description, l.quantity(), Math.negateExact(l.unitPriceMinor()), l.taxRateBp());
    }

    public static Totals totals(List<Line> lines) {
        long net = 0;
        long tax = 0;
        Map<Integer, RateTotal> byRate = new TreeMap<>();
        for (Line l : lines) {
            net = Math.addExact(net, l.netMinor());
            tax = Math.addExact(tax, l.taxMinor());
            byRate.merge(l.taxRateBp(), new RateTotal(l.netMinor(), l.taxMinor()),
                    (a, b) -> new RateTotal(a.netMinor() + b.netMinor(), a.taxMinor() + b.taxMinor()));
        }
        return new Totals(net, tax, Math.addExact(net, tax), byRate);
    }
}
