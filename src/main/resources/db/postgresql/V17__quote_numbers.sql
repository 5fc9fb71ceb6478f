-- Quotes are numbered like bookings: Q-2026-0001, a sequence per year. Every version of an inquiry's quote carries
-- the same number ("Q-2026-0001 v2"). Before, the number was made up from the inquiry's id ("Q-FED008 v2").
-- Existing quotes get numbers in the order their inquiries were first quoted, per year of that first quote.
ALTER TABLE quote ADD COLUMN number VARCHAR(32);

CREATE TEMPORARY TABLE quote_number_plan AS
SELECT f.inquiry_id,
       f.yr,
       ROW_NUMBER() OVER (PARTITION BY f.yr ORDER BY f.first_at, f.inquiry_id) AS seq
FROM (SELECT inquiry_id, MIN(created_at) AS first_at, CAST(EXTRACT(YEAR FROM MIN(created_at)) AS INT) AS yr
      FROM quote GROUP BY inquiry_id) f;

UPDATE quote q SET number = (SELECT 'Q-' || CAST(p.yr AS VARCHAR) || '-' || LPAD(CAST(p.seq AS VARCHAR), 4, '0')
                             FROM quote_number_plan p WHERE p.inquiry_id = q.inquiry_id);

-- the yearly counters continue after the numbers given out here
INSERT INTO number_sequence (series, period, last_value)
SELECT 'QUOTE', CAST(yr AS INT), MAX(seq) FROM quote_number_plan GROUP BY yr
ON CONFLICT (series, period) DO UPDATE SET last_value = EXCLUDED.last_value;

DROP TABLE quote_number_plan;

ALTER TABLE quote ALTER COLUMN number SET NOT NULL;
CREATE INDEX quote_number_ix ON quote (number);
