-- Global search (Ctrl+K) finds invoices by number and payments by reference from their first characters, in
-- any case: upper-cased copies kept by the database, each read through its own index as a range (PostgreSQL: in
-- the "C" collation, so a prefix range is one in byte order, as in H2).
ALTER TABLE invoice ADD number_key VARCHAR(64) COLLATE "C" GENERATED ALWAYS AS (UPPER(number)) STORED;
CREATE INDEX invoice_number_key_ix ON invoice (number_key);
ALTER TABLE payment ADD reference_key VARCHAR(120) COLLATE "C" GENERATED ALWAYS AS (UPPER(reference)) STORED;
CREATE INDEX payment_reference_key_ix ON payment (reference_key);

-- Notifications: a user's list newest first, and the bell's unread count, off one index each.
CREATE INDEX notification_user_created_ix ON notification (user_id, created_at);
-- the rules look up whether an event was already announced (to anyone) by its key
CREATE INDEX notification_dedupe_ix ON notification (dedupe_key);
