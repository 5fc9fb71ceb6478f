package dev.stagedesk.inquiry;

import dev.stagedesk.common.Display;
import dev.stagedesk.booking.BookingQuotes;
import dev.stagedesk.security.Actor;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** A booking's quotes for its Documents tab ({@link BookingQuotes}): the versions and their PDFs. */
public final class QuotesForBookings implements BookingQuotes {
    private final QuoteService quotes;
    private final QuoteDocuments documents;

    public QuotesForBookings(QuoteService quotes, QuoteDocuments documents) {
        this.quotes = quotes;
        this.documents = documents;
    }

    @Override
    public List<Version> versions(Actor actor, UUID inquiryId) {
        return quotes.versions(actor, inquiryId).stream().map(q -> new Version(q.id(), QuoteDocuments.reference(q),
                Display.label(q.status()), q.totalMinor(), q.currency(), QuoteDocuments.fileName(q))).toList();
    }

    @Override
    public void savePdf(Actor actor, UUID quoteId, Path file) {
        documents.save(actor, quoteId, file, false);
    }
}
