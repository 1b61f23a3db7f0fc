-- Where another process rings a running scheduler loop to wake it at once after a change
-- (schedule/doorbell.rs): an abstract socket name ("@…") or a socket path. NULL: none.
ALTER TABLE scheduler_runs ADD COLUMN doorbell TEXT;
