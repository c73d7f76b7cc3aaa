-- Transactional outbox: events recorded in the same transaction as the state change they announce, published
-- afterwards by the relay (com.caseclock.service.outbox.OutboxRelay) in id order, then marked sent.
CREATE TABLE outbox_event (
    id          BIGSERIAL   PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    kafka_key   TEXT        NOT NULL,
    ce_type     TEXT        NOT NULL,
    subject     TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     TEXT,                         -- NULL: a tombstone on a compacted topic
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER     NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;
