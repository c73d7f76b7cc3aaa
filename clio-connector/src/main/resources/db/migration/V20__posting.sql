-- Posting approved time entries to Clio exactly once (issue 6). Owned by com.caseclock.connector.posting.

-- One job per time entry: the latest approval event (latest revision wins, a void supersedes), and where its posting
-- stands. The consumer writes it and commits the Kafka offset; the PostingScheduler does the Clio work.
CREATE TABLE posting_job (
    time_entry_id      UUID        PRIMARY KEY,
    firm_id            TEXT        NOT NULL,
    user_id            TEXT        NOT NULL,
    kind               TEXT        NOT NULL CHECK (kind IN ('UPSERT', 'VOID')),
    revision           BIGINT      NOT NULL,
    source_event_id    UUID        NOT NULL,
    source_ce_type     TEXT        NOT NULL,
    source_ce_source   TEXT,
    source_topic       TEXT        NOT NULL,
    source_key         TEXT        NOT NULL,
    payload            TEXT        NOT NULL,      -- the approval event's JSON, as received
    -- every approval event answered by this job's next result: "<eventId>:<revision>"
    pending_sources    TEXT[]      NOT NULL DEFAULT '{}',
    state              TEXT        NOT NULL CHECK (state IN ('PENDING', 'WAITING_FOR_CONNECTION', 'DONE', 'FAILED')),
    attempts           INTEGER     NOT NULL DEFAULT 0,
    rate_limit_parks   INTEGER     NOT NULL DEFAULT 0,
    not_before         TIMESTAMPTZ NOT NULL,
    lease_owner        TEXT,
    lease_until        TIMESTAMPTZ,
    first_failure_at   TIMESTAMPTZ,
    last_failure_at    TIMESTAMPTZ,
    last_error         TEXT,
    last_result        TEXT,                      -- the last TimeEntrySyncResultV1 published (JSON), for re-publishing
    dead_letter_pending BOOLEAN    NOT NULL DEFAULT FALSE,
    dead_letter_reason TEXT,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX posting_job_due ON posting_job (firm_id, not_before) WHERE state = 'PENDING';
CREATE INDEX posting_job_waiting ON posting_job (firm_id, user_id) WHERE state = 'WAITING_FOR_CONNECTION';
CREATE INDEX posting_job_dead_letter ON posting_job (updated_at) WHERE dead_letter_pending;

-- Entry -> Clio activity. IN_FLIGHT is committed before the POST: a job finding it after a lost answer or a crash
-- looks the activity up in Clio before creating again.
CREATE TABLE activity_mapping (
    time_entry_id      UUID        PRIMARY KEY,
    firm_id            TEXT        NOT NULL,
    state              TEXT        NOT NULL CHECK (state IN ('IN_FLIGHT', 'CREATED', 'DELETED')),
    clio_activity_id   BIGINT,
    attempt_started_at TIMESTAMPTZ,
    revision_applied   BIGINT,                    -- revision Clio holds (CREATED) or was sent (IN_FLIGHT)
    clio_etag          TEXT,
    -- the create body of the attempt in flight (matter, user, date, quantity, note): what a recovery looks for
    in_flight_body     TEXT,
    -- no lookup before this instant: a request that got no answer may still be executing at Clio
    settle_until       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX activity_mapping_clio_id ON activity_mapping (firm_id, clio_activity_id)
    WHERE clio_activity_id IS NOT NULL;

-- Per firm: Clio answered 429; nothing of that firm is sent before not_before.
CREATE TABLE posting_firm_throttle (
    firm_id     TEXT        PRIMARY KEY,
    not_before  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
