-- +goose Up
CREATE TABLE sessions (
    id              TEXT PRIMARY KEY,
    profile_slug    TEXT NOT NULL REFERENCES profiles (slug) ON DELETE CASCADE,
    profile_version INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT '{}',
    last_seq        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE messages (
    session_id     TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text           TEXT NOT NULL,
    intent         TEXT NOT NULL DEFAULT '',
    refused        INTEGER NOT NULL DEFAULT 0,
    citations      TEXT NOT NULL DEFAULT '[]',
    latency_us     INTEGER NOT NULL DEFAULT 0,
    prompt_version TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- +goose Down
DROP TABLE messages;
DROP TABLE sessions;
