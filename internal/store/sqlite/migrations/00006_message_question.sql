-- +goose Up
-- A chat turn is a question and its reply. Since this migration a turn is
-- one row: the reply's, numbered as before, carrying the question's text in
-- question; the question is message seq - 1, with the reply's time. One row
-- per turn instead of two halves the B-tree insertions of a turn (the
-- table's and the primary key's). Rows written before stay as they are,
-- and readers take both forms. Adding a nullable column rewrites no row.
ALTER TABLE messages ADD COLUMN question TEXT;

-- +goose Down
-- Unfold every folded turn back into its question row before the column
-- goes.
INSERT INTO messages (session_id, seq, role, text, created_at)
    SELECT session_id, seq - 1, 'user', question, created_at FROM messages WHERE question IS NOT NULL;
ALTER TABLE messages DROP COLUMN question;
