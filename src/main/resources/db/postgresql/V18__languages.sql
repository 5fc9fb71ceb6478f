-- Issue 19: a second language. The language a client's documents are written in (quotes, invoices, credit notes):
-- 'en' or 'de'; NULL means the agency's document language, a setting of its own (existing agencies keep English,
-- the language every document was written in until now). An invoice keeps the language it was written in, so an
-- issued invoice prints the same words every time even when the client's language changes later; invoices from
-- before this migration were English.
ALTER TABLE client ADD COLUMN language VARCHAR(8);
ALTER TABLE client ADD CONSTRAINT client_language_ck CHECK (language IN ('en', 'de'));

ALTER TABLE agency ADD COLUMN document_language VARCHAR(8) NOT NULL DEFAULT 'en';
ALTER TABLE agency ADD CONSTRAINT agency_document_language_ck CHECK (document_language IN ('en', 'de'));

ALTER TABLE invoice ADD COLUMN language VARCHAR(8) NOT NULL DEFAULT 'en';
ALTER TABLE invoice ADD CONSTRAINT invoice_language_ck CHECK (language IN ('en', 'de'));

-- ---------------------------------------------------------------- PostgreSQL only: no double booking, even in a race
-- The conflict check (booking.ConflictCheck, in every command that places a performer) refuses overlaps; on the
-- server several sync requests run at once, so the store refuses them too: no two assignments of a performer whose
-- windows overlap (half-open: back to back is fine) on confirmed bookings, unless an admin let the overlap through
-- (conflict_override_reason) or it was deleted. Checked at commit, so a command that moves several bookings (a
-- series) may pass through an overlap on its way. A refusal is SQLSTATE 23P01 (exclusion_violation).
-- Whether the booking is confirmed lives on the booking; an exclusion constraint sees one row, so the assignment
-- keeps a copy (booking_confirmed), kept by the two triggers below. H2 has neither the column nor the constraint.
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;

ALTER TABLE assignment ADD COLUMN booking_confirmed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE assignment a SET booking_confirmed = TRUE
    WHERE EXISTS (SELECT 1 FROM booking b WHERE b.id = a.booking_id AND b.status = 'CONFIRMED' AND b.deleted_at IS NULL);

CREATE FUNCTION assignment_booking_confirmed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.booking_confirmed := EXISTS (SELECT 1 FROM booking b WHERE b.id = NEW.booking_id
        AND b.status = 'CONFIRMED' AND b.deleted_at IS NULL);
    RETURN NEW;
END
$$;
CREATE TRIGGER assignment_booking_confirmed_trg BEFORE INSERT OR UPDATE OF booking_id ON assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_booking_confirmed();

CREATE FUNCTION booking_confirmed_to_assignments() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE assignment SET booking_confirmed = (NEW.status = 'CONFIRMED' AND NEW.deleted_at IS NULL)
        WHERE booking_id = NEW.id AND booking_confirmed <> (NEW.status = 'CONFIRMED' AND NEW.deleted_at IS NULL);
    RETURN NULL;
END
$$;
CREATE TRIGGER booking_confirmed_trg AFTER UPDATE OF status, deleted_at ON booking
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
    EXECUTE FUNCTION booking_confirmed_to_assignments();

ALTER TABLE assignment ADD CONSTRAINT assignment_no_double_booking EXCLUDE USING gist
    (performer_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (booking_confirmed AND deleted_at IS NULL AND conflict_override_reason IS NULL)
    DEFERRABLE INITIALLY DEFERRED;
