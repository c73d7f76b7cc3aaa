-- Inbox: one row per (consumer, event id) handled. Consumers insert first, in the same transaction as their side
-- effects, and treat "already there" as "already done", so a redelivered or replayed event changes nothing.
CREATE TABLE processed_event (
    consumer        TEXT        NOT NULL,
    event_id        UUID        NOT NULL,
    ce_type         TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    processed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
