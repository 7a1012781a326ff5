-- MariaDB-only shapes of h-db6's unseen round.
SET sql_mode = '';
-- c1: system versioning with its period columns declared.
CREATE TABLE audit_log (id INT PRIMARY KEY, v VARCHAR(10),
  rs TIMESTAMP(6) GENERATED ALWAYS AS ROW START, re TIMESTAMP(6) GENERATED ALWAYS AS ROW END,
  PERIOD FOR SYSTEM_TIME(rs, re)) WITH SYSTEM VERSIONING;
INSERT INTO audit_log (id, v) VALUES (1, 'a'), (2, 'b');
UPDATE audit_log SET v = 'a2' WHERE id = 1;
DELETE FROM audit_log WHERE id = 2;
-- c2: history kept in a partition of its own.
CREATE TABLE audit_part (id INT PRIMARY KEY, v INT) WITH SYSTEM VERSIONING
  PARTITION BY SYSTEM_TIME (PARTITION p_hist HISTORY, PARTITION p_cur CURRENT);
INSERT INTO audit_part VALUES (1, 1);
UPDATE audit_part SET v = 2;
-- c3: a key whose default is a sequence's next value.
CREATE SEQUENCE ticket_seq START WITH 1000 INCREMENT BY 10;
CREATE TABLE ticket (id BIGINT NOT NULL DEFAULT NEXTVAL(ticket_seq) PRIMARY KEY, t VARCHAR(10));
INSERT INTO ticket (t) VALUES ('a'), ('b');
-- c6 (a key between VARCHAR and INT columns) dropped: MariaDB 10.11 refuses
-- to create it even with foreign_key_checks = 0.
-- Third batch (written before running it).
-- e19: a long UNIQUE key on TEXT (MariaDB 10.4+ keeps a hash), one value
-- past PostgreSQL's btree entry.
CREATE TABLE oc_uniq_long (id INT PRIMARY KEY, body TEXT, UNIQUE KEY u_body (body));
INSERT INTO oc_uniq_long SELECT 1, GROUP_CONCAT(MD5(seq) ORDER BY seq SEPARATOR '') FROM seq_1_to_200;
INSERT INTO oc_uniq_long VALUES (2, 'short'), (3, NULL), (4, NULL);
-- e35: the same on two columns, USING HASH.
CREATE TABLE oc_uniq_pair (id INT PRIMARY KEY, a VARCHAR(2000), b VARCHAR(2000), UNIQUE KEY u_ab (a, b) USING HASH);
INSERT INTO oc_uniq_pair SELECT 1, GROUP_CONCAT(MD5(seq) ORDER BY seq SEPARATOR ''), 'x' FROM seq_1_to_60;
INSERT INTO oc_uniq_pair VALUES (2, 'a', 'b');
-- e36: and on a BLOB.
CREATE TABLE oc_uniq_blob (id INT PRIMARY KEY, h BLOB, UNIQUE KEY u_h (h));
INSERT INTO oc_uniq_blob SELECT 1, UNHEX(GROUP_CONCAT(MD5(seq) ORDER BY seq SEPARATOR '')) FROM seq_1_to_300;
-- e1: a NO PAD key holding 'a' and 'a '.
CREATE TABLE oc_nopad (k VARCHAR(10) COLLATE utf8mb4_nopad_bin PRIMARY KEY, v INT);
INSERT INTO oc_nopad VALUES ('a', 1), ('a ', 2);
