-- A CaseClock user's connection to their Clio login. Tokens are encrypted at rest (AES-GCM, key from configuration);
-- the ciphertext is bound to the firm and user (associated data), so a row's tokens cannot be swapped into another.
CREATE TABLE clio_connection (
    firm_id                 TEXT        NOT NULL,
    user_id                 TEXT        NOT NULL,
    region                  TEXT        NOT NULL CHECK (region IN ('US', 'EU', 'CA', 'AU')),
    state                   TEXT        NOT NULL CHECK (state IN ('CONNECTED', 'NEEDS_RECONNECT')),
    clio_user_id            BIGINT,
    clio_account_id         BIGINT,
    clio_user_name          TEXT,
    access_token            BYTEA,
    refresh_token           BYTEA,
    access_token_expires_at TIMESTAMPTZ,
    last_error              TEXT,
    connected_at            TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (firm_id, user_id)
);

-- OAuth 2.0 "state" values handed to the browser: bound to the user who started the flow, single use, short-lived.
CREATE TABLE oauth_state (
    state       TEXT        PRIMARY KEY,
    firm_id     TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    region      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    consumed_at TIMESTAMPTZ
);
