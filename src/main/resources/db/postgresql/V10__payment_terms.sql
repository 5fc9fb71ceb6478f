-- Payment terms kept on the booking by the services (payment.PaymentTerms), so "deposit overdue" and "balance
-- overdue" are index look-ups at a million bookings instead of a walk over the ledger:
--   deposit_minor   the deposit the terms ask for (its net share of the fee plus tax, in the booking's currency)
--   deposit_due_on  when it is due: days after the booking was made, or days before the event
--   balance_due_on  when the rest is due: days before the event
--   exchange_rate   booking currency -> agency base currency, for payouts and expenses of this booking in reports
ALTER TABLE booking
    ADD COLUMN deposit_minor BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN deposit_due_on DATE,
    ADD COLUMN balance_due_on DATE,
    ADD COLUMN exchange_rate DECIMAL(18, 8) NOT NULL DEFAULT 1 CHECK (exchange_rate > 0);

-- the deposit of the stored terms, rounded half-even as money.Rounding does (net share of the fee, then its tax)
UPDATE booking SET deposit_minor = CASE WHEN deposit_kind = 'AMOUNT' THEN LEAST(deposit_value, total_minor)
    ELSE fee_minor * deposit_value / 10000
        + CASE WHEN MOD(fee_minor * deposit_value, 10000) > 5000 THEN 1
               WHEN MOD(fee_minor * deposit_value, 10000) = 5000 THEN MOD(fee_minor * deposit_value / 10000, 2)
               ELSE 0 END END,
    balance_due_on = CAST(starts_at AT TIME ZONE time_zone AS DATE) - balance_due_days_before,
    deposit_due_on = CASE WHEN deposit_due_basis = 'EVENT'
        THEN CAST(starts_at AT TIME ZONE time_zone AS DATE) - deposit_due_days
        ELSE CAST(created_at AT TIME ZONE time_zone AS DATE) + deposit_due_days END;
UPDATE booking SET deposit_minor = deposit_minor + deposit_minor * tax_rate_bp / 10000
        + CASE WHEN MOD(deposit_minor * tax_rate_bp, 10000) > 5000 THEN 1
               WHEN MOD(deposit_minor * tax_rate_bp, 10000) = 5000 THEN MOD(deposit_minor * tax_rate_bp / 10000, 2)
               ELSE 0 END
    WHERE deposit_kind <> 'AMOUNT';
UPDATE booking SET deposit_due_on = balance_due_on WHERE deposit_due_on > balance_due_on;

CREATE INDEX booking_deposit_due_ix ON booking (payment_state, deposit_due_on);
CREATE INDEX booking_balance_due_ix ON booking (payment_state, balance_due_on);

-- the agency's defaults for new bookings' terms, and for invoices
ALTER TABLE agency
    ADD COLUMN deposit_due_basis VARCHAR(16) NOT NULL DEFAULT 'BOOKING' CHECK (deposit_due_basis IN ('BOOKING', 'EVENT')),
    ADD COLUMN invoice_due_days INT NOT NULL DEFAULT 14;

-- the last rate entered per currency: what a new payment or booking in that currency starts from
CREATE TABLE exchange_rate (
    currency    CHAR(3)        PRIMARY KEY,
    rate        DECIMAL(18, 8) NOT NULL CHECK (rate > 0),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- when an invoice went out and was paid; its amounts in the base currency (each rounded once, at issue), so
-- reports and the journal add up the same figures the invoices export shows
ALTER TABLE invoice ADD COLUMN sent_on DATE, ADD COLUMN paid_on DATE,
    ADD COLUMN base_subtotal_minor BIGINT NOT NULL DEFAULT 0, ADD COLUMN base_tax_minor BIGINT NOT NULL DEFAULT 0;
UPDATE invoice SET base_subtotal_minor = ROUND(subtotal_minor * exchange_rate), base_tax_minor = ROUND(tax_minor * exchange_rate);
CREATE INDEX invoice_status_ix ON invoice (status, due_date);
CREATE INDEX invoice_credited_ix ON invoice (credited_invoice_id);
CREATE INDEX payment_reverses_ix ON payment (reverses_payment_id);
