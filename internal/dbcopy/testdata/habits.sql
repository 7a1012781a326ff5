-- A mobile habit-tracker / notes app database (Android Room, Northwind-like
-- exports; h-db): SQLite's type affinity as apps really use it. One
-- statement per line: the test splits on ";\n".
CREATE TABLE [Order Details] ([OrderID] INTEGER NOT NULL, [ProductID] INTEGER NOT NULL, [UnitPrice] NUMERIC NOT NULL DEFAULT 0, [Quantity] SMALLINT NOT NULL DEFAULT 1, [Discount] REAL NOT NULL DEFAULT 0, PRIMARY KEY ("OrderID", "ProductID"));
INSERT INTO [Order Details] VALUES (10248, 11, 14, 12, 0), (10248, 42, 9.8, 10, 0.15);
CREATE TABLE habits (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(10) NOT NULL, code TEXT, created DATETIME, done_on DATE, archived BOOLEAN NOT NULL DEFAULT 'f', color UNSIGNED BIG INT, note NVARCHAR(20), body CLOB, ratio DOUBLE PRECISION, "order" INT8, "group" NATIVE CHARACTER(70), "sort-key" VARYING CHARACTER(5));
INSERT INTO habits VALUES (1, 'Drink water every two hours', '007', 1700000000, '2024-01-05', 't', 4294967295, 'n', 'b', 0.5, 1, 'g', 'abcdefgh');
INSERT INTO habits VALUES (2, 'Run', '42', '2024-01-02 03:04:05', '2024-1-5', 'false', 18, NULL, NULL, 1e20, 2, NULL, NULL);
INSERT INTO habits VALUES (3, 'Read', 'x', '2024-01-02T03:04:05.000+01:00', NULL, 'TRUE', -1, NULL, NULL, NULL, 3, NULL, NULL);
INSERT INTO habits VALUES (4, 'Sleep', NULL, 1700000000.5, NULL, 0, NULL, NULL, NULL, NULL, 4, NULL, NULL);
INSERT INTO habits VALUES (5, 'Walk the dog around the block', '0042', '2024-01-02 03:04:05', '2024-01-05', 'False', 9007199254740993, 'ñ', 'clob', -0.0, 5, 'x', 'y');
CREATE TABLE checkins (habit_id INTEGER NOT NULL REFERENCES habits(id) ON DELETE CASCADE, day INTEGER NOT NULL, value, PRIMARY KEY (habit_id, day)) WITHOUT ROWID;
INSERT INTO checkins VALUES (1, 19700, 1), (1, 19701, 'skipped'), (2, 19700, 2.5), (2, 19702, x'01');
CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT UNIQUE ON CONFLICT REPLACE, habit_id INTEGER REFERENCES habit_old(id), kind INTEGER REFERENCES kinds);
INSERT INTO tags VALUES (1, 'health', 1, 7), (2, 'sport', 99, NULL);
CREATE TABLE strict_t (id INTEGER PRIMARY KEY, a ANY, n INT, t TEXT) STRICT;
INSERT INTO strict_t VALUES (1, 1, 1, 'x'), (2, 'one', 2, 'y'), (3, x'ff', 3, 'z'), (4, 1.25, 4, NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT, updated INTEGER NOT NULL DEFAULT (strftime('%s','now')), ts TEXT DEFAULT CURRENT_TIMESTAMP, neg INT DEFAULT -1, pos INT DEFAULT +5, blob_default BLOB DEFAULT x'00ff', flag BOOLEAN DEFAULT TRUE, q TEXT DEFAULT 'it''s');
INSERT INTO settings (key, value) VALUES ('theme', 'dark'), ('nul', 'a' || char(0) || 'b');
CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT COLLATE NOCASE, body TEXT, pinned INTEGER DEFAULT 0);
CREATE INDEX notes_title_desc ON notes (title COLLATE BINARY DESC, id);
CREATE TRIGGER notes_touch AFTER UPDATE ON notes BEGIN UPDATE notes SET pinned = pinned WHERE id = NEW.id; END;
INSERT INTO notes VALUES (1, 'Hello', 'Ünïcode 😀', 1), (2, 'hello', CAST(x'C328' AS TEXT), 0);
CREATE TABLE mixed_key (k PRIMARY KEY, v TEXT) WITHOUT ROWID;
INSERT INTO mixed_key VALUES (1, 'int one'), ('1', 'text one'), (1.5, 'real');
CREATE TABLE android_metadata (locale TEXT);
INSERT INTO android_metadata VALUES ('en_US');
CREATE TABLE room_master_table (id INTEGER PRIMARY KEY, identity_hash TEXT);
INSERT INTO room_master_table VALUES (42, 'abc123');
ANALYZE;
