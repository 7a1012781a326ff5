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
