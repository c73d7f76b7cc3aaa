-- Each firm receives Clio's webhook deliveries on its own unguessable path: POST /webhooks/clio/{hook_token}.
CREATE TABLE firm_webhook_path (
    firm_id    TEXT PRIMARY KEY,
    hook_token TEXT NOT NULL UNIQUE
);

-- Webhooks registered at Clio (one per firm and model). The shared secret, from the creation answer or the
-- activation handshake, is encrypted like the OAuth tokens.
CREATE TABLE clio_webhook (
    clio_webhook_id BIGINT      PRIMARY KEY,
    firm_id         TEXT        NOT NULL,
    model           TEXT,
    shared_secret   BYTEA,
    status          TEXT,
    expires_at      TIMESTAMPTZ,
    checked_at      TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX clio_webhook_firm ON clio_webhook (firm_id, model);

-- Records Clio told us about by webhook and that the firm's next sync run must fetch (or tombstone).
CREATE TABLE pending_change (
    firm_id     TEXT        NOT NULL,
    resource    TEXT        NOT NULL,
    clio_id     BIGINT      NOT NULL,
    event       TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (firm_id, resource, clio_id)
);
