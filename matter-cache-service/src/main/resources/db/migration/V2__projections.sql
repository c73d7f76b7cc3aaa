-- Projections of the compacted Clio topics (matters, clients, rates), the deletion markers that keep stale snapshots
-- from resurrecting deleted records, per-firm freshness, replay bookkeeping and matter lookup answers.
-- Every projection row is keyed by (firm_id, Clio id) and carries the Clio updated_at it was built from: upserts only
-- apply a strictly newer clio_updated_at (the version guard), so stale or repeated events change nothing.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- unaccent() is only STABLE (it depends on the dictionary search path); pinning the dictionary makes it safe to
-- declare IMMUTABLE, so it can be used in generated columns and index expressions.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Search folding: accents removed, lower case, every run of non-alphanumerics turned into one space.
-- "Smith & Jones" -> "smith jones", "Müller" -> "muller", "00042-O'Brien" -> "00042 o brien".
CREATE OR REPLACE FUNCTION mc_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT btrim(regexp_replace(lower(f_unaccent($1)), '[^[:alnum:]]+', ' ', 'g')) $$;

CREATE TABLE matter (
    firm_id                      TEXT        NOT NULL,
    clio_id                      BIGINT      NOT NULL,
    display_number               TEXT        NOT NULL,
    description                  TEXT        NOT NULL,
    status                       TEXT        NOT NULL CHECK (status IN ('OPEN', 'PENDING', 'CLOSED')),
    client_clio_id               BIGINT,
    client_name                  TEXT,
    responsible_attorney_clio_id BIGINT,
    responsible_attorney_name    TEXT,
    billable                     BOOLEAN     NOT NULL,
    open_date                    DATE,
    pending_date                 DATE,
    close_date                   DATE,
    custom_rate                  JSONB,
    clio_updated_at              TIMESTAMPTZ NOT NULL,
    clio_etag                    TEXT,
    last_event_id                UUID        NOT NULL,
    applied_at                   TIMESTAMPTZ NOT NULL DEFAULT now(),
    display_key                  TEXT GENERATED ALWAYS AS (mc_fold(display_number)) STORED,
    -- leading digits of the display number without leading zeros: "00123-Smith" -> "123"
    number_key                   TEXT GENERATED ALWAYS AS
                                     (ltrim(substring(display_number FROM '^[0-9]+'), '0')) STORED,
    -- folded display number, description and client name: set by trigger matter_search_text (one mc_fold call per
    -- row instead of one per part keeps ingest fast)
    search_text                  TEXT        NOT NULL DEFAULT '',
    search_words                 TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
    PRIMARY KEY (firm_id, clio_id)
);
CREATE FUNCTION matter_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_text := mc_fold(NEW.display_number || ' ' || NEW.description || ' ' || coalesce(NEW.client_name, ''));
    RETURN NEW;
END $$;
CREATE TRIGGER matter_search_text BEFORE INSERT OR UPDATE OF display_number, description, client_name ON matter
    FOR EACH ROW EXECUTE FUNCTION matter_search_text();
CREATE INDEX matter_search_trgm ON matter USING gin (firm_id, search_text gin_trgm_ops);
CREATE INDEX matter_search_words ON matter USING gin (firm_id, search_words);
CREATE INDEX matter_display_key ON matter (firm_id, display_key text_pattern_ops);
CREATE INDEX matter_number_key ON matter (firm_id, number_key);
CREATE INDEX matter_client ON matter (firm_id, client_clio_id);

CREATE TABLE client (
    firm_id         TEXT        NOT NULL,
    clio_id         BIGINT      NOT NULL,
    type            TEXT        NOT NULL CHECK (type IN ('PERSON', 'COMPANY')),
    name            TEXT        NOT NULL,
    first_name      TEXT,
    last_name       TEXT,
    primary_email   TEXT,
    clio_updated_at TIMESTAMPTZ NOT NULL,
    clio_etag       TEXT,
    last_event_id   UUID        NOT NULL,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    search_text     TEXT GENERATED ALWAYS AS
                        (mc_fold(name) || ' ' || coalesce(mc_fold(first_name), '') || ' '
                         || coalesce(mc_fold(last_name), '') || ' ' || coalesce(mc_fold(primary_email), '')) STORED,
    search_words    TSVECTOR GENERATED ALWAYS AS
                        (to_tsvector('simple'::regconfig, mc_fold(name) || ' ' || coalesce(mc_fold(first_name), '')
                         || ' ' || coalesce(mc_fold(last_name), ''))) STORED,
    PRIMARY KEY (firm_id, clio_id)
);
CREATE INDEX client_search_trgm ON client USING gin (firm_id, search_text gin_trgm_ops);
CREATE INDEX client_search_words ON client USING gin (firm_id, search_words);

-- A Clio user's default hourly rate and group memberships (UserRateChangedV1).
CREATE TABLE user_rate (
    firm_id               TEXT        NOT NULL,
    user_clio_id          BIGINT      NOT NULL,
    user_name             TEXT        NOT NULL,
    default_rate_amount   NUMERIC,
    default_rate_currency TEXT,
    group_clio_ids        BIGINT[]    NOT NULL,
    clio_updated_at       TIMESTAMPTZ NOT NULL,
    clio_etag             TEXT,
    last_event_id         UUID        NOT NULL,
    applied_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (firm_id, user_clio_id)
);

-- Client (contact) custom rates (ClientRateChangedV1).
CREATE TABLE client_rate (
    firm_id         TEXT        NOT NULL,
    clio_id         BIGINT      NOT NULL,
    contact_clio_id BIGINT      NOT NULL,
    user_clio_id    BIGINT,
    group_clio_id   BIGINT,
    rate_amount     NUMERIC     NOT NULL,
    rate_currency   TEXT        NOT NULL,
    flat_rate       BOOLEAN     NOT NULL,
    clio_updated_at TIMESTAMPTZ NOT NULL,
    clio_etag       TEXT,
    last_event_id   UUID        NOT NULL,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (firm_id, clio_id)
);
CREATE INDEX client_rate_contact ON client_rate (firm_id, contact_clio_id);

-- Activity descriptions (categories) and their rates (ActivityDescriptionRateChangedV1).
CREATE TABLE activity_description (
    firm_id         TEXT        NOT NULL,
    clio_id         BIGINT      NOT NULL,
    name            TEXT        NOT NULL,
    rate_type       TEXT        NOT NULL CHECK (rate_type IN ('USER', 'FLAT_RATE', 'CUSTOM')),
    rate_amount     NUMERIC,
    rate_currency   TEXT,
    clio_updated_at TIMESTAMPTZ NOT NULL,
    clio_etag       TEXT,
    last_event_id   UUID        NOT NULL,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (firm_id, clio_id)
);

-- Tombstones delete the projection row and leave a marker with the tombstone's time (ce_time, else the Kafka record
-- timestamp). A snapshot whose clio_updated_at is not newer than the marker is stale and is not applied, so a late
-- snapshot cannot resurrect a deleted record. kind: matter | client | user | client-rate | activity-description.
CREATE TABLE deletion_marker (
    firm_id    TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    clio_id    BIGINT      NOT NULL,
    deleted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (firm_id, kind, clio_id)
);

-- Freshness: per firm, topic and partition, the last applied event (one row per partition so parallel partition
-- consumers never contend on a row).
CREATE TABLE firm_freshness (
    firm_id         TEXT        NOT NULL,
    topic           TEXT        NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    last_event_time TIMESTAMPTZ NOT NULL,
    last_applied_at TIMESTAMPTZ NOT NULL,
    events_applied  BIGINT      NOT NULL,
    PRIMARY KEY (firm_id, topic, kafka_partition)
);

-- Replay bookkeeping, one row per consuming channel of a compacted topic. No row = this database has never been
-- filled from that topic, so the consumer seeks to the beginning whatever offsets the consumer group has committed.
-- caught_up_at: first time the consumer lag reached 0 after the (re)build began (the backfill is complete).
CREATE TABLE replay_state (
    channel      TEXT        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    caught_up_at TIMESTAMPTZ
);

-- Answers to on-demand matter lookups (MatterLookupAnsweredV1), read by the lookup status endpoint.
CREATE TABLE matter_lookup_answer (
    lookup_id       UUID        PRIMARY KEY,
    firm_id         TEXT        NOT NULL,
    query           TEXT        NOT NULL,
    outcome         TEXT        NOT NULL,
    matter_clio_ids BIGINT[]    NOT NULL,
    message         TEXT,
    answered_at     TIMESTAMPTZ NOT NULL
);
