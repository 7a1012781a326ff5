-- +goose Up
-- A turn's follow-up state is stored on the turn's last message, so that a
-- turn is one INSERT and no UPDATE of its session's row. sessions.state and
-- sessions.last_seq become a checkpoint: the state as of message last_seq
-- (all of a session's history before this migration). A session's state is
-- its newest message's after last_seq that has one, else sessions.state.
-- Adding a nullable column rewrites no row.
ALTER TABLE messages ADD COLUMN state TEXT;

-- +goose Down
-- Fold every session's newest state back into its row, as the old code
-- expects it, before the column goes.
UPDATE sessions SET
    state = coalesce((SELECT m.state FROM messages m
        WHERE m.session_id = sessions.id AND m.seq > sessions.last_seq AND m.state IS NOT NULL
        ORDER BY m.seq DESC LIMIT 1), state),
    last_seq = max(last_seq, coalesce((SELECT max(m.seq) FROM messages m WHERE m.session_id = sessions.id), 0));
ALTER TABLE messages DROP COLUMN state;
