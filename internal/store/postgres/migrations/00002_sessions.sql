-- +goose Up
CREATE TABLE sessions (
    id              text PRIMARY KEY,
    profile_slug    text NOT NULL REFERENCES profiles (slug) ON DELETE CASCADE,
    profile_version integer NOT NULL,
    state           jsonb NOT NULL DEFAULT '{}',
    last_seq        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE messages (
    session_id     text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq            integer NOT NULL,
    role           text NOT NULL CHECK (role IN ('user', 'assistant')),
    text           text NOT NULL,
    intent         text NOT NULL DEFAULT '',
    refused        boolean NOT NULL DEFAULT false,
    citations      jsonb NOT NULL DEFAULT '[]',
    latency_us     bigint NOT NULL DEFAULT 0,
    prompt_version text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- +goose Down
DROP TABLE messages;
DROP TABLE sessions;
