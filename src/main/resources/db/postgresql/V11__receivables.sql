-- What has been invoiced on a booking (issued invoices less credit notes, the booking's currency), kept by
-- InvoiceService, and what of it is still open: receivables at a million bookings are then an index range
-- over the bookings that owe something instead of grouping every invoice and payment ever written.
ALTER TABLE booking ADD invoiced_minor BIGINT NOT NULL DEFAULT 0;
UPDATE booking b SET invoiced_minor = (SELECT COALESCE(SUM(i.total_minor), 0) FROM invoice i
        WHERE i.booking_id = b.id AND i.status <> 'DRAFT' AND i.deleted_at IS NULL)
    WHERE EXISTS (SELECT 1 FROM invoice i WHERE i.booking_id = b.id);
ALTER TABLE booking ADD receivable_minor BIGINT GENERATED ALWAYS AS (GREATEST(invoiced_minor - paid_minor, 0)) STORED;
CREATE INDEX booking_receivable_ix ON booking (receivable_minor);

-- payouts still owed at a date: unpaid gigs by start, and gigs paid after the date
CREATE INDEX assignment_status_starts_ix ON assignment (payout_status, starts_at);
CREATE INDEX assignment_paid_on_ix ON assignment (paid_on);
