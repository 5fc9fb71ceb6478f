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
