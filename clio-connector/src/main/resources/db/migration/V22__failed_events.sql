-- Support tooling (issue 10). Owned by com.caseclock.connector.support.

-- Index of the connector's dead-letter topic (clio-connector.dead-letter.v1), filled by support.FailedEventIndexer,
-- so support searches never scan the topic. One row per failed event: a record dead-lettered again (e.g. after a
-- replay that failed once more) adds a FAILED history row to the same failed_event (same source topic and ce_id).
CREATE TABLE failed_event (
    id                 UUID        PRIMARY KEY,
    dedup_key          TEXT        NOT NULL UNIQUE,  -- "<source topic>|<ce_id>", or the dead-letter record's position
    state              TEXT        NOT NULL CHECK (state IN ('OPEN', 'REPLAYED', 'RESOLVED')),
    service            TEXT        NOT NULL,         -- the consuming service that failed
    source_topic       TEXT,                         -- where the original event was read (replays go there)
    source_partition   INTEGER,
    source_offset      BIGINT,
    record_key         TEXT,
    ce_id              TEXT,
    ce_type            TEXT,
    firm_id            TEXT,
    user_id            TEXT,
    time_entry_id      UUID,
    matter_id          BIGINT,                       -- Clio matter id, where known
    reason_code        TEXT        NOT NULL,         -- FailureReason name, INVALID_EVENT or HANDLER_ERROR
    reason_text        TEXT        NOT NULL,         -- the plain-word explanation
    error_class        TEXT,
    error_message      TEXT,
    clio_status        INTEGER,
    clio_body          TEXT,                         -- tokens and secrets redacted
    attempts           INTEGER     NOT NULL DEFAULT 1,
    first_failure_at   TIMESTAMPTZ NOT NULL,
    last_failure_at    TIMESTAMPTZ NOT NULL,
    failure_count      INTEGER     NOT NULL DEFAULT 1,
    original_headers   JSONB       NOT NULL DEFAULT '{}'::jsonb,  -- the original record's non-dead-letter headers
    original_value     TEXT,                         -- the original event (JSON), as it was consumed
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX failed_event_firm_time ON failed_event (firm_id, last_failure_at DESC);
CREATE INDEX failed_event_time ON failed_event (last_failure_at DESC);
CREATE INDEX failed_event_entry ON failed_event (time_entry_id) WHERE time_entry_id IS NOT NULL;
CREATE INDEX failed_event_user ON failed_event (firm_id, user_id);
CREATE INDEX failed_event_matter ON failed_event (firm_id, matter_id) WHERE matter_id IS NOT NULL;

-- What happened to a failed event: every failure (one per dead-letter record), replay and resolution, with who did it.
CREATE TABLE failed_event_history (
    id              BIGSERIAL   PRIMARY KEY,
    failed_event_id UUID        NOT NULL REFERENCES failed_event (id),
    action          TEXT        NOT NULL CHECK (action IN ('FAILED', 'REPLAYED', 'RESOLVED')),
    at              TIMESTAMPTZ NOT NULL,
    actor           TEXT,                            -- the caller's subject (JWT sub) for REPLAYED/RESOLVED
    actor_firm_id   TEXT,
    detail          TEXT,                            -- failure reason, replay target, or the resolution comment
    dl_partition    INTEGER,                         -- the dead-letter record of a FAILED row (de-duplication)
    dl_offset       BIGINT
);
CREATE INDEX failed_event_history_event ON failed_event_history (failed_event_id, id);
CREATE UNIQUE INDEX failed_event_history_dl ON failed_event_history (dl_partition, dl_offset)
    WHERE dl_partition IS NOT NULL;

-- Posting: what Clio last answered to a failing job (status, redacted body, exception class), for its dead letter.
ALTER TABLE posting_job ADD COLUMN last_clio_status INTEGER;
ALTER TABLE posting_job ADD COLUMN last_clio_body TEXT;
ALTER TABLE posting_job ADD COLUMN last_error_class TEXT;
