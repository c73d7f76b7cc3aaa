-- Firm settings: billable-time preview rounding, closed-matter policy, timers per user. A firm without a row uses
-- the defaults below (6 minutes, UP, closed matters refused, one running timer).
CREATE TABLE firm_settings (
    firm_id                    TEXT        PRIMARY KEY,
    rounding_increment_minutes INTEGER     NOT NULL DEFAULT 6 CHECK (rounding_increment_minutes BETWEEN 1 AND 60),
    rounding_direction         TEXT        NOT NULL DEFAULT 'UP' CHECK (rounding_direction IN ('UP', 'NEAREST', 'DOWN')),
    allow_closed_matters       BOOLEAN     NOT NULL DEFAULT false,
    max_running_timers         INTEGER     NOT NULL DEFAULT 1 CHECK (max_running_timers BETWEEN 1 AND 20),
    updated_at                 TIMESTAMPTZ NOT NULL,
    updated_by                 TEXT        NOT NULL,
    version                    BIGINT      NOT NULL
);

-- Time entries: captured first (matter optional), fixed later, approved, then tracked through Clio sync results.
-- Durations are whole seconds; work_date is a calendar date in the user's zone (time_zone); money is NUMERIC + ISO-4217.
CREATE TABLE time_entry (
    id                       UUID        PRIMARY KEY,
    firm_id                  TEXT        NOT NULL,
    user_id                  TEXT        NOT NULL,
    work_date                DATE        NOT NULL,
    time_zone                TEXT        NOT NULL,
    duration_seconds         BIGINT      NOT NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
    note                     TEXT        NOT NULL CHECK (char_length(note) <= 10000),
    matter_id                BIGINT      CHECK (matter_id > 0),
    pending_matter_reference TEXT,
    activity_description_id  BIGINT,
    non_billable             BOOLEAN     NOT NULL,
    rate_override_amount     NUMERIC,
    rate_override_currency   TEXT,
    status                   TEXT        NOT NULL
        CHECK (status IN ('DRAFT', 'APPROVED', 'SYNCING', 'SYNCED', 'SYNC_FAILED', 'VOIDED')),
    approved_by              TEXT,
    approved_at              TIMESTAMPTZ,
    published_revision       BIGINT,
    result_revision          BIGINT,
    clio_activity_id         BIGINT,
    clio_quantity_seconds    BIGINT,
    clio_price_amount        NUMERIC,
    clio_price_currency      TEXT,
    clio_total_amount        NUMERIC,
    clio_total_currency      TEXT,
    clio_billed              BOOLEAN,
    expected_rate_amount     NUMERIC,
    expected_rate_currency   TEXT,
    rate_mismatch            BOOLEAN     NOT NULL DEFAULT false,
    sync_failure_reason      TEXT,
    sync_failure_message     TEXT,
    sync_failure_retryable   BOOLEAN,
    last_synced_at           TIMESTAMPTZ,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    version                  BIGINT      NOT NULL
);
CREATE INDEX time_entry_user_date ON time_entry (firm_id, user_id, work_date);
CREATE INDEX time_entry_firm_date ON time_entry (firm_id, work_date);
CREATE INDEX time_entry_pending ON time_entry (firm_id, lower(btrim(pending_matter_reference)))
    WHERE matter_id IS NULL AND pending_matter_reference IS NOT NULL;

-- Timers live in the database so a restart loses nothing; elapsed time = accumulated_seconds + (now - running_since).
CREATE TABLE timer (
    id                       UUID        PRIMARY KEY,
    firm_id                  TEXT        NOT NULL,
    user_id                  TEXT        NOT NULL,
    state                    TEXT        NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'STOPPED')),
    started_at               TIMESTAMPTZ NOT NULL,
    running_since            TIMESTAMPTZ,
    accumulated_seconds      BIGINT      NOT NULL,
    stopped_at               TIMESTAMPTZ,
    work_date                DATE        NOT NULL,
    time_zone                TEXT        NOT NULL,
    entry_id                 UUID,
    note                     TEXT,
    matter_id                BIGINT,
    pending_matter_reference TEXT,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    version                  BIGINT      NOT NULL
);
CREATE INDEX timer_user_active ON timer (firm_id, user_id) WHERE state <> 'STOPPED';

-- Slim projection of clio.matter.changed.v1 (latest clio_updated_at wins; a tombstone deletes the row).
CREATE TABLE matter_projection (
    firm_id         TEXT        NOT NULL,
    clio_id         BIGINT      NOT NULL,
    display_number  TEXT        NOT NULL,
    description     TEXT        NOT NULL,
    client_name     TEXT,
    status          TEXT        NOT NULL,
    clio_updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (firm_id, clio_id)
);
CREATE INDEX matter_projection_display ON matter_projection (firm_id, lower(btrim(display_number)));

-- Latest Clio connection state per user, from connector.connection.status.v1 (latest occurred_at wins).
CREATE TABLE connection_status (
    firm_id                 TEXT        NOT NULL,
    user_id                 TEXT        NOT NULL,
    state                   TEXT        NOT NULL,
    region                  TEXT,
    clio_user_id            BIGINT,
    clio_account_id         BIGINT,
    reason                  TEXT,
    last_successful_sync_at TIMESTAMPTZ,
    occurred_at             TIMESTAMPTZ NOT NULL,
    event_id                UUID        NOT NULL,
    PRIMARY KEY (firm_id, user_id)
);

-- Audit trail: every change of an entry, with who, when, what, and the event sent or received. No foreign key on
-- purpose: the trail of a deleted draft stays readable by support.
CREATE TABLE time_entry_audit (
    id             BIGSERIAL   PRIMARY KEY,
    entry_id       UUID        NOT NULL,
    firm_id        TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    details        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    event_sent     UUID,
    event_received UUID
);
CREATE INDEX time_entry_audit_entry ON time_entry_audit (entry_id, id);
