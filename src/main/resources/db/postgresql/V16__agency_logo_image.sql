-- The agency's logo itself, kept in the store (issue 18): invoices and quotes carry it even after the file chosen
-- in Settings -> Billing was moved or deleted, and backups include it. logo_path keeps the name of that file.
ALTER TABLE agency ADD COLUMN logo_image BYTEA;
