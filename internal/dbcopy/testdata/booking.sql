-- A hotel-booking / ERP schema (Dolibarr-, QloApps-like; h-db): geometry,
-- application-time periods, keys across databases and names, JSON-derived
-- columns, triggers and functions. The 1700-column survey table is added
-- by the test (PostgreSQL stops at 1600 columns).
SET sql_mode = '';
CREATE TABLE llx_hotel (rowid INT PRIMARY KEY, name VARCHAR(50), location POINT NOT NULL, area POLYGON NULL, route LINESTRING NULL, shape GEOMETRY NULL, SPATIAL KEY sp_loc (location)) COMMENT 'hôtels 🏨';
INSERT INTO llx_hotel VALUES (1, 'Sea', ST_GeomFromText('POINT(2.35 48.85)', 4326), ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'), ST_GeomFromText('LINESTRING(0 0,1 1,2 2)'), ST_GeomFromText('GEOMETRYCOLLECTION EMPTY')),
  (2, 'Hill', ST_GeomFromText('POINT(-0.1 51.5)', 4326), NULL, NULL, ST_GeomFromText('MULTIPOINT(1 1,2 2)'));
-- Application-time period with a WITHOUT OVERLAPS key (MariaDB 10.5+).
CREATE TABLE llx_room_rate (room_id INT NOT NULL, price DECIMAL(10,2) UNSIGNED ZEROFILL, valid_from DATE NOT NULL, valid_to DATE NOT NULL,
  PERIOD FOR valid_period (valid_from, valid_to), UNIQUE KEY no_overlap (room_id, valid_period WITHOUT OVERLAPS));
INSERT INTO llx_room_rate VALUES (1, 80, '2024-01-01', '2024-06-01'), (1, 95, '2024-06-01', '2025-01-01');
-- A multi-tenant tree: composite self-reference.
CREATE TABLE llx_category (entity INT NOT NULL, id INT NOT NULL, parent_id INT NULL, label VARCHAR(50), PRIMARY KEY (entity, id),
  CONSTRAINT fk_cat_parent FOREIGN KEY (entity, parent_id) REFERENCES llx_category (entity, id) ON DELETE CASCADE ON UPDATE RESTRICT);
INSERT INTO llx_category VALUES (1, 1, NULL, 'root'), (1, 2, 1, 'child'), (2, 1, NULL, 'other root');
-- A key on a unique pair that is not the primary key.
CREATE TABLE llx_societe (rowid INT PRIMARY KEY, entity INT NOT NULL, code_client VARCHAR(24), UNIQUE KEY uk_code (entity, code_client));
CREATE TABLE llx_facture (rowid INT PRIMARY KEY, entity INT, client_code VARCHAR(24), `desc` TEXT, `key` INT, `interval` INT, `offset` INT,
  FOREIGN KEY (entity, client_code) REFERENCES llx_societe (entity, code_client) ON UPDATE CASCADE);
INSERT INTO llx_societe VALUES (1, 1, 'CU001'), (2, 1, NULL); INSERT INTO llx_facture VALUES (1, 1, 'CU001', 'first', 1, 2, 3), (2, 1, NULL, NULL, NULL, NULL, NULL);
-- A key into another database on the same server (OTHERDB: the test names it).
CREATE TABLE llx_user_link (id INT PRIMARY KEY, user_id INT, FOREIGN KEY (user_id) REFERENCES OTHERDB.users (id));
INSERT INTO llx_user_link VALUES (1, 1);
-- Columns derived from JSON, indexed; JSON checked by json_valid that an
-- old row breaks (the check was added later, without validation).
CREATE TABLE llx_booking (id INT PRIMARY KEY, props LONGTEXT, guest VARCHAR(50) AS (JSON_UNQUOTE(JSON_EXTRACT(props, '$.guest'))) STORED, nights INT AS (JSON_EXTRACT(props, '$.nights')) VIRTUAL, KEY k_guest (guest));
INSERT INTO llx_booking (id, props) VALUES (1, '{"guest": "Zoë", "nights": 3}'), (2, 'not json at all'), (3, NULL);
SET check_constraint_checks = 0;
ALTER TABLE llx_booking ADD CONSTRAINT props_json CHECK (json_valid(props));
SET check_constraint_checks = 1;
-- A text key that ends in a NUL byte and one that does not.
CREATE TABLE llx_const (name VARBINARY(20) NOT NULL, label VARCHAR(20) NOT NULL, PRIMARY KEY (name, label));
INSERT INTO llx_const VALUES ('MAIN', CONCAT('a', CHAR(0))), ('MAIN', 'a');
-- Booleans as installers declare them.
CREATE TABLE llx_options (id INT PRIMARY KEY, active BOOLEAN NOT NULL DEFAULT TRUE, visible BOOL DEFAULT FALSE, qty INT(11) DEFAULT '0', rate DECIMAL(4,1) UNSIGNED ZEROFILL DEFAULT '1.5');
INSERT INTO llx_options (id) VALUES (1); INSERT INTO llx_options VALUES (2, 0, 1, 5, 99.9);
-- Logic that lives in the database.
CREATE FUNCTION llx_total(p DECIMAL(10,2), n INT) RETURNS DECIMAL(12,2) DETERMINISTIC RETURN p * n;
CREATE TRIGGER llx_booking_bi BEFORE INSERT ON llx_booking FOR EACH ROW SET NEW.props = IFNULL(NEW.props, '{}');
CREATE TABLE llx_checked (id INT PRIMARY KEY, email VARCHAR(100), CONSTRAINT email_ok CHECK (email REGEXP '^[^@]+@[^@]+$'));
INSERT INTO llx_checked VALUES (1, 'a@b.c');
-- A lookup table keyed by TINYINT(1) (ids 0-3), referenced by a TINYINT(4).
CREATE TABLE llx_c_status (id TINYINT(1) PRIMARY KEY, label VARCHAR(10));
INSERT INTO llx_c_status VALUES (0, 'draft'), (1, 'valid'), (2, 'paid'), (3, 'void');
CREATE TABLE llx_ticket (id INT PRIMARY KEY, status_id TINYINT(4), FOREIGN KEY (status_id) REFERENCES llx_c_status (id));
INSERT INTO llx_ticket VALUES (1, 2), (2, 0);
