-- +goose Up
-- SQLite's migration 00007 adds a turn journal (see
-- internal/store/sqlite/journal.go); PostgreSQL needs none. This keeps the
-- two engines' migration numbers the same.
SELECT 1;

-- +goose Down
SELECT 1;
