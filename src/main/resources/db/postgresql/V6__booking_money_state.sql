-- What a booking costs the client (fee + tax, minor units of its currency), what has been paid towards it, and
-- the payment state derived from the two. Kept on the booking by the services (and the payment ledger), so
-- the bookings list can filter on the payment state at a million bookings without adding up payments.
-- one ALTER for the three columns
ALTER TABLE booking
    ADD COLUMN total_minor BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN paid_minor BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN payment_state VARCHAR(16) NOT NULL DEFAULT 'UNPAID' CHECK (payment_state IN ('UNPAID', 'PARTLY_PAID', 'PAID'));

-- one pass over the bookings: the tax rounded half-even to a whole minor unit, as money.Rounding does;
-- what was paid, from the payment ledger; the state from the two
UPDATE booking b SET
    total_minor = fee_minor + (fee_minor * tax_rate_bp) / 10000
        + CASE WHEN MOD(fee_minor * tax_rate_bp, 10000) > 5000 THEN 1
               WHEN MOD(fee_minor * tax_rate_bp, 10000) = 5000 THEN MOD((fee_minor * tax_rate_bp) / 10000, 2)
               ELSE 0 END,
    paid_minor = COALESCE((SELECT SUM(p.amount_minor) FROM payment p
        WHERE p.booking_id = b.id AND p.deleted_at IS NULL), 0);

UPDATE booking SET payment_state = CASE WHEN paid_minor <= 0 THEN 'UNPAID'
    WHEN paid_minor < total_minor THEN 'PARTLY_PAID' ELSE 'PAID' END
    WHERE paid_minor > 0;

CREATE INDEX booking_payment_state_ix ON booking (payment_state, starts_at, id);
