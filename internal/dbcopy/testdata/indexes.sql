-- SQLite partial and expression indexes: rebuilt in PostgreSQL where
-- both engines agree on their meaning, reported with their SQL otherwise.
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, deleted_at DATETIME, active BOOLEAN NOT NULL DEFAULT 1, status TEXT, nick TEXT COLLATE NOCASE);
CREATE UNIQUE INDEX users_live_email ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX users_lower_name ON users (lower(name));
CREATE INDEX users_open ON users (status, id DESC) WHERE active = 1 AND status IN ('open', 'held');
CREATE INDEX users_nick ON users (id) WHERE nick = 'x';
CREATE INDEX users_like ON users (id) WHERE email LIKE '%@example.org';
INSERT INTO users VALUES (1, 'a@x', 'Ann', NULL, 1, 'open', 'X');
INSERT INTO users VALUES (2, 'b@x', 'Ben', '2024-01-02 03:04:05', 0, 'held', 'x');
INSERT INTO users VALUES (3, 'Äa@x', 'Äa', NULL, 1, NULL, NULL);
INSERT INTO users VALUES (4, 'äa@x', 'äa', NULL, 1, 'open', NULL);
-- SQLite's lower() folds ASCII only: these two are distinct there.
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT);
CREATE UNIQUE INDEX accounts_lower_email ON accounts (lower(email));
INSERT INTO accounts VALUES (1, 'Äa@x'), (2, 'äa@x'), (3, 'b@x')
