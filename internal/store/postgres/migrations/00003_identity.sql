-- +goose Up
CREATE TABLE oauth_clients (
    id            text PRIMARY KEY,
    name          text NOT NULL,
    secret_hash   bytea,
    redirect_uris text NOT NULL DEFAULT '',
    scopes        text NOT NULL DEFAULT '',
    grant_types   text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL
);

CREATE TABLE users (
    id            text PRIMARY KEY,
    username      text NOT NULL UNIQUE,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    created_at    timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    key_hash     bytea NOT NULL UNIQUE,
    hint         text NOT NULL,
    scopes       text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE signing_keys (
    id          text PRIMARY KEY,
    algorithm   text NOT NULL,
    private_jwk text NOT NULL,
    created_at  timestamptz NOT NULL,
    retired_at  timestamptz,
    expires_at  timestamptz
);

CREATE TABLE auth_codes (
    code_hash      bytea PRIMARY KEY,
    client_id      text NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    user_id        text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri   text NOT NULL,
    scopes         text NOT NULL DEFAULT '',
    code_challenge text NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    family_id      text
);

CREATE TABLE refresh_families (
    id         text PRIMARY KEY,
    client_id  text NOT NULL,
    subject    text NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    family_id  text NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    scopes     text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE revoked_access_tokens (
    jti        text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

CREATE TABLE login_failures (
    key          text PRIMARY KEY,
    failures     bigint NOT NULL,
    last_failure timestamptz NOT NULL
);

CREATE TABLE usage_quotas (
    subject text NOT NULL,
    month   text NOT NULL,
    used    bigint NOT NULL,
    PRIMARY KEY (subject, month)
);

-- +goose Down
DROP TABLE usage_quotas;
DROP TABLE login_failures;
DROP TABLE revoked_access_tokens;
DROP TABLE refresh_tokens;
DROP TABLE refresh_families;
DROP TABLE auth_codes;
DROP TABLE signing_keys;
DROP TABLE api_keys;
DROP TABLE users;
DROP TABLE oauth_clients;
