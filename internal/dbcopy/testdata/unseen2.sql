-- Unseen-schema hazards, second round (h-dbhaz2): names PostgreSQL reserves or
-- chooses itself, comments, events, per-group AUTO_INCREMENT, and values
-- that were already right (kept here so that they stay right).
SET sql_mode = '';
CREATE TABLE syscols (id INT PRIMARY KEY, xmin INT, ctid INT, oid INT, tableoid INT, cmax INT, xmin_ INT);
INSERT INTO syscols VALUES (1, 2, 3, 4, 5, 6, 7);
CREATE TABLE a_b (id INT PRIMARY KEY, x INT, KEY c (x));
CREATE TABLE a (id INT PRIMARY KEY, x INT, KEY b_c (x));
CREATE TABLE items (id INT PRIMARY KEY AUTO_INCREMENT, v INT);
CREATE TABLE items_id_seq (id INT PRIMARY KEY);
CREATE TABLE tp (id INT PRIMARY KEY);
CREATE TABLE tp_pkey (id INT PRIMARY KEY);
INSERT INTO items VALUES (1, 1), (2, 2); INSERT INTO items_id_seq VALUES (9); INSERT INTO tp VALUES (1); INSERT INTO tp_pkey VALUES (2);
CREATE TABLE commented (id INT PRIMARY KEY COMMENT 'the key', v VARCHAR(10) COMMENT 'it''s "v"') COMMENT 'table''s comment';
INSERT INTO commented VALUES (1, 'a');
CREATE TABLE grp (g INT, n INT AUTO_INCREMENT, v INT, PRIMARY KEY (g, n)) ENGINE=MyISAM;
INSERT INTO grp (g, v) VALUES (1, 1), (1, 2), (2, 3);
CREATE PROCEDURE proc1() SELECT 1;
CREATE EVENT ev1 ON SCHEDULE EVERY 1 DAY DISABLE DO SELECT 1;
CREATE TABLE fkp (id INT PRIMARY KEY);
CREATE TABLE fkc (id INT PRIMARY KEY, p1 INT, p2 INT,
  CONSTRAINT fk_setnull FOREIGN KEY (p1) REFERENCES fkp(id) ON DELETE SET NULL,
  CONSTRAINT fk_updcasc FOREIGN KEY (p2) REFERENCES fkp(id) ON UPDATE CASCADE ON DELETE RESTRICT);
INSERT INTO fkp VALUES (1), (2); INSERT INTO fkc VALUES (1, 1, 2);
CREATE TABLE enums (id INT PRIMARY KEY, e ENUM('', 'a') NOT NULL DEFAULT 'a', s SET('a', 'b c', 'd'));
INSERT INTO enums VALUES (1, '', 'd,a'), (2, 'a', 'a,b c,d');
CREATE TABLE tz (id INT PRIMARY KEY, ts TIMESTAMP(6) NULL DEFAULT NULL, tm TIME(1) NULL);
SET time_zone = '+05:30'; INSERT INTO tz VALUES (1, '2024-01-01 05:30:00', '-00:30:00'); SET time_zone = '+00:00';
INSERT INTO tz VALUES (2, '2038-01-19 03:14:07.999999', '-00:00:00.5');
CREATE TABLE defs2 (id INT PRIMARY KEY, sn VARCHAR(10) DEFAULT 'NULL', se VARCHAR(10) NOT NULL DEFAULT '', neg INT DEFAULT -1);
INSERT INTO defs2 (id) VALUES (1);
CREATE TABLE cs (id INT PRIMARY KEY, sj VARCHAR(10) CHARACTER SET sjis, gb VARCHAR(10) CHARACTER SET gbk, cy VARCHAR(10) CHARACTER SET cp1251, u2 VARCHAR(10) CHARACTER SET ucs2, u32 VARCHAR(10) CHARACTER SET utf32);
INSERT INTO cs VALUES (1, '日本語', '中文字', 'Привет', 'Ωμέγα', '😀x');
CREATE TABLE esc (id INT PRIMARY KEY, t TEXT);
INSERT INTO esc VALUES (1, '\\.'), (2, 'a\\nb\\'), (3, 'x\r\ny\r');
CREATE TABLE `a``b` (`c``d` INT PRIMARY KEY); INSERT INTO `a``b` VALUES (1);
CREATE TABLE orph_p (id INT PRIMARY KEY);
CREATE TABLE orph_c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk_orph FOREIGN KEY (pid) REFERENCES orph_p(id));
SET foreign_key_checks = 0; INSERT INTO orph_p VALUES (1); INSERT INTO orph_c VALUES (1, 1), (2, 99), (3, 98), (4, NULL); SET foreign_key_checks = 1;
CREATE TABLE nu_p (id INT PRIMARY KEY, code INT, KEY k_code (code));
CREATE TABLE nu_c (id INT PRIMARY KEY, c INT, CONSTRAINT fk_nonuniq FOREIGN KEY (c) REFERENCES nu_p(code));
INSERT INTO nu_p VALUES (1, 5), (2, 5); INSERT INTO nu_c VALUES (1, 5);
