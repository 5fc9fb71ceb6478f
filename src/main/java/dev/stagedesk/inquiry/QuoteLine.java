package dev.stagedesk.inquiry;

/** One line of a quote: {@code amountMinor} = quantity x unit price. */
public record QuoteLine(String description, int quantity, long unitPriceMinor, long amountMinor) {

    public static QuoteLine of(String description, int quantity, long unitPriceMinor) {
        return new QuoteLine(description, quantity, unitPriceMinor, Math.multiplyExact(quantity, unitPriceMinor));
    }
}
