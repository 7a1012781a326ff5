-- +goose Up
-- A chat turn is a question and its reply. Since this migration a turn is
-- one row: the reply's, numbered as before, carrying the question's text in
-- question; the question is message seq - 1, with the reply's time (see
-- internal/store/folded.go). One row per turn instead of two halves a
-- turn's index insertions. Rows written before stay as they are, and
-- readers take both forms. A nullable column without a default rewrites
-- no row.
ALTER TABLE messages ADD COLUMN question text;

-- +goose Down
-- Unfold every folded turn back into its question row before the column
-- goes.
INSERT INTO messages (session_id, seq, role, text, created_at)
    SELECT session_id, seq - 1, 'user', question, created_at FROM messages WHERE question IS NOT NULL;
ALTER TABLE messages DROP COLUMN question;
