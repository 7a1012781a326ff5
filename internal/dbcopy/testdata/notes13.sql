-- A desktop notes app on SQLite (h-db13), written as Electron apps (through
-- better-sqlite3) and Rails' sqlite3 adapter write them: booleans as 't'/'f'
-- beside 0/1, times as Unix epochs beside ISO text, '' in date columns,
-- text in INTEGER columns, WITHOUT ROWID tables, AUTOINCREMENT, partial and
-- expression indexes, and foreign keys declared but broken by rows written
-- with foreign_keys off (SQLite's default). One statement per line group:
-- the test splits on ";\n".
CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY);
INSERT INTO schema_migrations VALUES ('20230101000000'), ('20230615120000'), ('20240301090000');
CREATE TABLE ar_internal_metadata (key varchar NOT NULL PRIMARY KEY, value varchar, created_at datetime(6) NOT NULL, updated_at datetime(6) NOT NULL);
INSERT INTO ar_internal_metadata VALUES ('environment', 'production', '2023-01-01 00:00:00.123456', '2024-03-01 09:00:00.000001');
CREATE TABLE notebooks (id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER REFERENCES notebooks(id) ON DELETE CASCADE, title TEXT NOT NULL, archived BOOLEAN DEFAULT 'f', sort_order INTEGER DEFAULT 0, created_at DATETIME NOT NULL, updated_at DATETIME);
INSERT INTO notebooks VALUES (1, NULL, 'Inbox', 'f', 0, '2023-01-01 10:00:00', '2023-01-01 10:00:00');
INSERT INTO notebooks VALUES (2, NULL, 'Work 💼', 't', 1, '2023-02-01T08:30:00.000Z', NULL);
INSERT INTO notebooks VALUES (3, 2, 'Projects', 0, 2, 1675240200, 1675240200);
INSERT INTO notebooks VALUES (5, 2, 'Archive', 1, 'last', '2023-03-01 00:00:00', '');
INSERT INTO notebooks VALUES (6, 4, 'Orphan of a deleted notebook', 'f', 3, '2023-04-01 00:00:00', NULL);
DELETE FROM sqlite_sequence WHERE name = 'notebooks';
INSERT INTO sqlite_sequence VALUES ('notebooks', 20);
CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, notebook_id INTEGER NOT NULL REFERENCES notebooks(id), title TEXT, body TEXT, is_pinned INTEGER NOT NULL DEFAULT 0, is_todo BOOLEAN, due_date DATE, created_time INTEGER NOT NULL, updated_time INTEGER, deleted_at DATETIME, word_count INTEGER, latitude REAL, uuid TEXT NOT NULL UNIQUE);
INSERT INTO notes VALUES (1, 1, 'Shopping', 'milk
eggs', 0, 'f', '2024-01-05', 1704067200000, 1704067200123, NULL, 2, 52.52, '6f1c0a7e-0001-4000-8000-000000000001');
INSERT INTO notes VALUES (2, 1, 'Ünïcödé — ✓', 'multi-byte: 日本語 🎉', 1, 't', '', 1704153600000, NULL, NULL, '3', NULL, '6f1c0a7e-0001-4000-8000-000000000002');
INSERT INTO notes VALUES (3, 3, 'Plan', NULL, 1, 1, '2024-02-29', 1709164800000, 1709164800000, '2024-03-01 12:00:00', 0, -33.8688, '6f1c0a7e-0001-4000-8000-000000000003');
INSERT INTO notes VALUES (4, 99, 'Lost note', 'notebook 99 never existed', 0, 0, NULL, 1700000000000, NULL, NULL, NULL, 0.1, '6f1c0a7e-0001-4000-8000-000000000004');
INSERT INTO notes VALUES (7, 5, '', '', 0, NULL, '2024-13-01', 1700000000000, 1700000000000, 1700000000, 'many', 'n/a', '6f1c0a7e-0001-4000-8000-000000000007');
INSERT INTO notes VALUES (8, 2, 'Quotes', 'it''s "fine"	tab', 0, 'f', '2024-01-31', 1706659200000, 1706659200000, '', 12, 1e-7, '6F1C0A7E-0001-4000-8000-000000000008');
CREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL COLLATE NOCASE, color TEXT CHECK (color IS NULL OR length(color) = 7));
INSERT INTO tags VALUES (1, 'urgent', '#ff0000'), (2, 'Home', NULL), (3, 'café', '#00ff00');
CREATE UNIQUE INDEX tags_name ON tags (name);
CREATE TABLE note_tags (note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE, tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE, added_at INTEGER, PRIMARY KEY (note_id, tag_id)) WITHOUT ROWID;
INSERT INTO note_tags VALUES (1, 2, 1704067200), (2, 1, 1704153600), (3, 1, NULL), (3, 3, 1709164800), (4, 2, 1700000000), (8, 42, 1706659200);
CREATE TABLE settings (key TEXT PRIMARY KEY, value, updated_at TEXT) WITHOUT ROWID;
INSERT INTO settings VALUES ('theme', 'dark', '2024-01-01T00:00:00Z'), ('fontSize', 14, NULL), ('zoom', 1.25, NULL), ('sync.enabled', 'true', ''), ('sync.token', x'00ff10', NULL), ('window', '{"w":1280,"h":800,"max":false}', NULL);
CREATE TABLE attachments (id INTEGER PRIMARY KEY, note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL, file_name TEXT NOT NULL, mime TEXT, size INTEGER, sha1 BLOB, data BLOB, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
INSERT INTO attachments VALUES (1, 1, 'list.txt', 'text/plain', 11, x'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3', x'6d696c6b0a65676773', '2024-01-01 00:00:00');
INSERT INTO attachments VALUES (2, 3, 'empty.bin', 'application/octet-stream', 0, x'', x'', '2024-02-29 12:00:00');
INSERT INTO attachments VALUES (3, 77, 'nul.bin', NULL, 3, NULL, x'000100', 1709251200);
INSERT INTO attachments VALUES (4, NULL, 'detached.png', 'image/png', '1.5 KB', NULL, NULL, NULL);
CREATE TABLE sync_log (at INTEGER, kind TEXT, item_id INTEGER, ok BOOLEAN);
INSERT INTO sync_log VALUES (1704067200, 'push', 1, 't'), (1704067200, 'push', 1, 't'), (1704067201, 'pull', NULL, 'f'), (NULL, 'error', 2, 0), (1704067200, 'push', 1, 't');
CREATE INDEX notes_live ON notes (notebook_id, updated_time DESC) WHERE deleted_at IS NULL;
CREATE INDEX notes_title_lower ON notes (lower(title));
CREATE INDEX notes_pinned ON notes (created_time) WHERE is_pinned = 1;
CREATE INDEX attachments_ext ON attachments (substr(file_name, -4));
CREATE VIEW note_flags AS SELECT id, is_pinned = 1 AS pinned, due_date IS NULL AS no_due, notebook_id IN (1, 2) AS inbox_or_work FROM notes;
CREATE VIEW notebook_stats AS SELECT notebook_id, count(*) AS n, sum(is_pinned == 1) AS pinned, sum(deleted_at IS NOT NULL) AS deleted, sum(title = '') AS untitled FROM notes GROUP BY notebook_id;
CREATE VIEW pinned_notes AS SELECT n.id, n.title, b.title AS notebook FROM notes n JOIN notebooks b ON b.id = n.notebook_id WHERE n.is_pinned = 1;
CREATE TRIGGER notes_touch AFTER UPDATE OF body ON notes BEGIN UPDATE notes SET updated_time = CAST(strftime('%s','now') AS INTEGER) * 1000 WHERE id = NEW.id; END
