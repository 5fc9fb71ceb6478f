-- Minutes without keyboard or mouse before the console locks and asks for the password again (0 = never).
ALTER TABLE agency ADD COLUMN idle_lock_minutes INT NOT NULL DEFAULT 15;
ALTER TABLE agency ADD CONSTRAINT agency_idle_lock_ck CHECK (idle_lock_minutes BETWEEN 0 AND 1440);
