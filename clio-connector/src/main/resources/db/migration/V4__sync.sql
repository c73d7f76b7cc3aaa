-- Per firm: whose connection syncs it, when it is next due, who holds the lease, and the first backfill's progress.
CREATE TABLE firm_sync (
    firm_id               TEXT        PRIMARY KEY,
    sync_user_id          TEXT        NOT NULL,
    next_poll_at          TIMESTAMPTZ NOT NULL,
    lease_owner           TEXT,
    lease_until           TIMESTAMPTZ,
    backfill_completed_at TIMESTAMPTZ,
    records_done          BIGINT      NOT NULL DEFAULT 0,
    records_estimated     BIGINT,
    last_error            TEXT,
    last_error_at         TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX firm_sync_due ON firm_sync (next_poll_at);

-- Per firm and resource (matters, contacts): the updated_since watermark of the last complete pass, the cursor of a
-- pass in progress (so a throttled pass resumes where it stopped), and when it last succeeded.
CREATE TABLE sync_watermark (
    firm_id          TEXT        NOT NULL,
    resource         TEXT        NOT NULL,
    updated_since    TIMESTAMPTZ,
    pass_started_at  TIMESTAMPTZ,
    next_page_url    TEXT,
    last_success_at  TIMESTAMPTZ,
    PRIMARY KEY (firm_id, resource)
);

-- What was last published per Clio record, so an unchanged record (same etag) is not published again and
-- reconciliation knows which ids exist.
CREATE TABLE clio_record (
    firm_id         TEXT        NOT NULL,
    resource        TEXT        NOT NULL,
    clio_id         BIGINT      NOT NULL,
    etag            TEXT,
    clio_updated_at TIMESTAMPTZ,
    published_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (firm_id, resource, clio_id)
);
