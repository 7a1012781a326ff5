-- h-db14's unseen SQLite schema: a kitchen inventory and recipe app
-- (an Android/Flutter app's file, later edited by a Python script).
-- A STRICT table, a WITHOUT ROWID table, MySQL-flavoured type names
-- ('INT(11)', 'VARCHAR', 'TINYINT(1)', 'BOOLEAN', 'DATETIME', 'DOUBLE'),
-- dates as text in several formats, AUTOINCREMENT, partial and
-- expression indexes, and views with comparisons and conditions.
CREATE TABLE category (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name VARCHAR NOT NULL UNIQUE,
  sort_order INT(11) DEFAULT 0,
  hidden BOOLEAN DEFAULT 0
);
CREATE TABLE item (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  category_id INT(11) REFERENCES category(id) ON DELETE SET NULL,
  name VARCHAR(100) NOT NULL,
  barcode TEXT,
  qty DOUBLE NOT NULL DEFAULT 0,
  unit VARCHAR(8) DEFAULT 'pcs',
  min_qty DECIMAL(6,2),
  is_fav TINYINT(1) DEFAULT 0,
  expires DATE,
  added_at DATETIME DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP
);
CREATE TABLE stock_move (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES item(id),
  delta REAL NOT NULL,
  at TEXT NOT NULL,
  note TEXT
) STRICT;
CREATE TABLE recipe_item (
  recipe TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  amount NUMERIC,
  optional BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (recipe, item_id)
) WITHOUT ROWID;
CREATE TABLE shopping (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id INTEGER REFERENCES item(id),
  wanted INT,
  done BOOLEAN,
  done_at DATETIME
);
CREATE TABLE prefs (k TEXT PRIMARY KEY, v);
CREATE INDEX item_expiring ON item(expires) WHERE expires IS NOT NULL;
CREATE INDEX item_name_lower ON item(lower(name));
CREATE UNIQUE INDEX item_barcode ON item(barcode) WHERE barcode IS NOT NULL AND barcode <> '';
CREATE INDEX shopping_open ON shopping(item_id) WHERE done = 0;
CREATE INDEX move_item_at ON stock_move(item_id, at DESC);

INSERT INTO category (id, name, sort_order, hidden) VALUES (1, 'Dairy 🥛', 1, 0), (2, 'Produce', '2', 'false'), (3, 'Frozen', 3, 1), (7, 'Spices', NULL, NULL);
DELETE FROM category WHERE id = 7;
INSERT INTO category (name, sort_order, hidden) VALUES ('Bakery', 4, 'f');
INSERT INTO item (id, category_id, name, barcode, qty, unit, min_qty, is_fav, expires, added_at, updated_at) VALUES
  (1, 1, 'Milk', '4006381333931', 2, 'l', 1, 1, '2024-03-10', '2024-03-01 08:00:00', '2024-03-01T08:00:00Z'),
  (2, 2, 'Äpfel', '', 6.5, 'pcs', 4, 0, NULL, '2024-03-01T09:15:30', '2024-03-02 10:00:00.123'),
  (3, 3, 'Peas', NULL, 0, 'g', '250', 'true', '2025-01-31', '2024-02-29 12:00', 1709251200),
  (4, NULL, 'Mystery jar', '0012345', 1, NULL, NULL, 0, '2024-02-30', '2024-03-05 07:00:00', NULL),
  (5, 1, 'Butter', '4006381333948', 0.25, 'kg', 0.5, 'yes', '2024-04-01', '2024-03-06 18:30:00+01:00', '2024-03-06'),
  (6, 4, 'Sourdough', 'SD-1', 1, 'loaf', NULL, 0, '2024-03-08', CURRENT_TIMESTAMP, NULL);
INSERT INTO stock_move (id, item_id, delta, at, note) VALUES
  (1, 1, 2.0, '2024-03-01 08:00:00', 'bought'), (2, 2, 6.5, '2024-03-01 09:15:30', NULL),
  (3, 1, -0.5, '2024-03-02 07:00:00', 'breakfast ☕'), (4, 3, -250, '2024-03-03 19:00:00', ''), (5, 5, 0.25, '2024-03-06 18:30:00', 'x');
INSERT INTO recipe_item VALUES ('Pancakes', 1, 0.3, 0), ('Pancakes', 5, '0.05', 'TRUE'), ('Apple pie', 2, 4, FALSE), ('Apple pie', 5, 0.125, 0), ('Apple pie', 6, NULL, 1);
INSERT INTO shopping (item_id, wanted, done, done_at) VALUES (1, 2, 0, NULL), (3, 1, 1, '2024-03-04 10:00:00'), (5, 1, 'no', NULL), (NULL, 3, 0, ''), (2, '12', 1, '1709546400');
INSERT INTO prefs VALUES ('theme', 'dark'), ('font_scale', 1.15), ('last_sync', 1709251200), ('avatar', X'89504E47');

CREATE VIEW low_stock AS
  SELECT i.id, i.name, i.qty, i.min_qty, i.qty < i.min_qty AS low, i.qty = 0
  FROM item i WHERE i.min_qty IS NOT NULL;
CREATE VIEW category_counts AS
  SELECT c.name, count(i.id) AS items, sum(i.is_fav) AS favs, sum(i.qty = 0) AS empty, NOT c.hidden AS shown
  FROM category c LEFT JOIN item i ON i.category_id = c.id GROUP BY c.id;
CREATE VIEW open_shopping AS
  SELECT s.id, coalesce(i.name, '?') AS name, s.wanted FROM shopping s LEFT JOIN item i ON i.id = s.item_id WHERE NOT s.done;
CREATE VIEW recipe_needs AS
  SELECT r.recipe, i.name, r.amount, r.optional, r.amount > i.qty AS short
  FROM recipe_item r JOIN item i ON i.id = r.item_id WHERE r.optional = 0;
CREATE VIEW item_moves AS
  SELECT i.name, count(m.id) AS moves, sum(m.delta) AS net, max(m.at) AS last_at
  FROM item i JOIN stock_move m ON m.item_id = i.id GROUP BY i.name HAVING count(m.id) > 0;
