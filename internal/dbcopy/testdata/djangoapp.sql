-- A Django/Rails app on SQLite (h-db4): integer keys that are not the
-- rowid, descending index columns, empty names, and datetimes written in
-- the formats apps use. One statement per line: the test splits on ";\n".
CREATE TABLE "django_migrations" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "app" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "applied" datetime NOT NULL);
INSERT INTO django_migrations VALUES (1, 'auth', '0001', '2024-01-02 03:04:05.123456'), (2, 'auth', '0002', '2024-01-02T03:04:05Z'), (3, 'shop', '0001', '2024-01-02T03:04:05.5+05:30'), (4, 'shop', '0002', '2024-01-02T03:04'), (5, 'shop', '0003', '2024/01/02 03:04:05'), (6, 'shop', '0004', 2460311.5), (7, 'shop', '0005', '2024-01-02 03:04:05.25 +01:00'), (8, 'shop', '0006', '2024-01-02 03:04:05 +0100');
CREATE TABLE "shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "created_at" datetime NOT NULL, "deleted_at" datetime NULL);
INSERT INTO shop_product VALUES (1, 'Tea', '2024-01-02 03:04:05', NULL), (2, 'Tea', '2024-01-03 03:04:05', '2024-02-01 00:00:00');
CREATE INDEX "shop_product_created" ON "shop_product" ("created_at" DESC, "name");
CREATE UNIQUE INDEX "shop_product_live_name" ON "shop_product" ("name") WHERE "deleted_at" IS NULL;
CREATE TABLE legacy (x INTEGER PRIMARY KEY DESC, v text);
INSERT INTO legacy VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (NULL, 'null key');
CREATE TABLE legacy_text (x INTEGER PRIMARY KEY DESC, v text);
INSERT INTO legacy_text VALUES (1, 'a'), (2, 'b'), (3, 'c'), ('abc', 'text key'), (4.5, 'real key');
CREATE TABLE checkins (id INTEGER PRIMARY KEY, v text) WITHOUT ROWID;
INSERT INTO checkins VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e');
CREATE TABLE checkins_text (id INTEGER PRIMARY KEY, v text) WITHOUT ROWID;
INSERT INTO checkins_text VALUES (1, 'a'), (2, 'b'), (3, 'c'), ('x', 'text key');
CREATE TABLE accounts (id INTEGER PRIMARY KEY, name text);
CREATE TABLE tokens (id INTEGER PRIMARY KEY, account_id TEXT REFERENCES accounts(id), owner_id INT REFERENCES accounts(id));
INSERT INTO accounts VALUES (1, 'a');
INSERT INTO tokens VALUES (1, '1', 1);
CREATE TABLE odd ("" int, x int, "_" int);
INSERT INTO odd VALUES (1, 2, 3);
CREATE TABLE "" (x int);
INSERT INTO "" VALUES (5)
