-- +goose Up
-- Turns are appended to message_journal, a table without an index, and
-- moved into messages in bulk by the committer every so often (journal.go).
-- A row of messages also goes into its (session_id, seq) primary key, and
-- with many sessions talking at once each session's newest entries sit on
-- their own leaf: every turn dirtied one 4 KiB page of that index, a WAL
-- frame per turn. Moved in bulk, a session's leaf is written once per fold
-- instead of once per turn. Readers read both tables; a session's rows in
-- the journal are always newer than its rows in messages (a fold moves
-- every row). The columns are those of messages, in the same order. No
-- foreign key: with one, emptying the journal deletes row by row, looking
-- up each row's session; without, it frees the pages whole. The committer
-- writes only for sessions it has found, and a fold drops the rows of a
-- session deleted since (journal.go).
CREATE TABLE message_journal (
    session_id     TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text           TEXT NOT NULL,
    intent         TEXT NOT NULL DEFAULT '',
    refused        INTEGER NOT NULL DEFAULT 0,
    citations      TEXT NOT NULL DEFAULT '[]',
    latency_us     INTEGER NOT NULL DEFAULT 0,
    prompt_version TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    state          TEXT,
    question       TEXT
);

-- +goose Down
INSERT INTO messages (session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, state, question)
    SELECT session_id, seq, role, text, intent, refused, citations, latency_us, prompt_version, created_at, state, question
    FROM message_journal ORDER BY rowid;
DROP TABLE message_journal;
