-- How many days of automatic daily backups (DATA/backups/auto-YYYY-MM-DD.zip) are kept; 0 turns them off.
ALTER TABLE agency ADD COLUMN backup_keep_days INT NOT NULL DEFAULT 14;
ALTER TABLE agency ADD CONSTRAINT agency_backup_keep_ck CHECK (backup_keep_days BETWEEN 0 AND 3650);
