-- A gig or booking overlaps a window when it starts before the window ends and ends after it starts. Read from a
-- start index, the lookback before the window must cover the longest one stored; with the 31 days a booking may
-- last as the bound, "who is available" read a month of assignments at the xl store. The length, kept by the
-- database and indexed, gives the real longest in one index step (usually hours).
-- PostgreSQL: whole minutes rounded up (H2's DATEDIFF counts minute boundaries; equal for times on the minute, and
-- never shorter than the window, which is what a lookback needs)
ALTER TABLE assignment ADD COLUMN length_minutes INT
    GENERATED ALWAYS AS (CAST(CEIL(EXTRACT(EPOCH FROM (ends_at - starts_at)) / 60) AS INT)) STORED;
CREATE INDEX assignment_length_ix ON assignment (length_minutes);
ALTER TABLE booking ADD COLUMN length_minutes INT
    GENERATED ALWAYS AS (CAST(CEIL(EXTRACT(EPOCH FROM (ends_at - starts_at)) / 60) AS INT)) STORED;
CREATE INDEX booking_length_ix ON booking (length_minutes);
