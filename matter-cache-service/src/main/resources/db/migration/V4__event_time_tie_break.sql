-- When two snapshots of a record carry the same Clio updated_at (Clio's times have whole seconds), the one the
-- connector published later wins: each projection row keeps the publishing event's time (ce_time / occurredAt,
-- milliseconds). Unlike "later on the partition", that survives a rebuild that re-reads the topic while records
-- fetched before it are still being applied. NULL for rows written before this column existed.
ALTER TABLE matter ADD COLUMN event_occurred_at TIMESTAMPTZ;
ALTER TABLE client ADD COLUMN event_occurred_at TIMESTAMPTZ;
ALTER TABLE user_rate ADD COLUMN event_occurred_at TIMESTAMPTZ;
ALTER TABLE client_rate ADD COLUMN event_occurred_at TIMESTAMPTZ;
ALTER TABLE activity_description ADD COLUMN event_occurred_at TIMESTAMPTZ;
