-- "Who is available?" checks every performer against one window at once: it reads the assignments near the
-- window by their start, across performers (the (performer_id, starts_at) index serves one performer).
CREATE INDEX assignment_starts_ix ON assignment (starts_at);
