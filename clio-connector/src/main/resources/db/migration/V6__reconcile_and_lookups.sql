-- Reconciliation: a full listing of matters and contacts (daily, or when support forces a re-sync) marks every id it
-- sees; ids published before and not seen by a complete listing were deleted in Clio and get tombstones.
ALTER TABLE clio_record ADD COLUMN last_seen_at TIMESTAMPTZ;
ALTER TABLE firm_sync ADD COLUMN next_reconcile_at TIMESTAMPTZ;
ALTER TABLE sync_watermark ADD COLUMN full_pass BOOLEAN NOT NULL DEFAULT FALSE;

-- "Look up this matter on demand" commands waiting for the firm's sync worker.
CREATE TABLE pending_lookup (
    lookup_id    UUID        PRIMARY KEY,
    firm_id      TEXT        NOT NULL,
    query        TEXT        NOT NULL,
    requested_by TEXT,
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_lookup_firm ON pending_lookup (firm_id, received_at);
