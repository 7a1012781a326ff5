-- +goose Up
-- Parley's SQLite store keeps a turn's follow-up state on the turn's last
-- message (its migration 00005) rather than updating the session's row per
-- turn. PostgreSQL keeps updating the row (there the UPDATE is a HOT update
-- in a statement that runs anyway, and what would replace it cost more), so
-- its turns leave this column NULL; it exists so that both engines share
-- one goose version (dbcopy refuses a source newer than its target) and a
-- copied SQLite database keeps its messages' states. A nullable column
-- without a default rewrites no row.
ALTER TABLE messages ADD COLUMN state jsonb;

-- +goose Down
-- Fold any newer state a message carries (copied from SQLite) back into its
-- session's row before the column goes.
UPDATE sessions SET
    state = coalesce((SELECT m.state FROM messages m
        WHERE m.session_id = sessions.id AND m.seq > sessions.last_seq AND m.state IS NOT NULL
        ORDER BY m.seq DESC LIMIT 1), sessions.state),
    last_seq = greatest(sessions.last_seq, coalesce((SELECT max(m.seq) FROM messages m WHERE m.session_id = sessions.id), 0));
ALTER TABLE messages DROP COLUMN state;
