-- Gitea / Nextcloud / Drupal-like tables (h-db6's unseen round): shapes no
-- other fixture has. Written with their expectations (unseen4_test.go)
-- before dbcopy ran on them. Loaded without strict mode, as dumps are.
SET sql_mode = '';
-- c4: two ON UPDATE columns in one table, DATETIME(6) and TIMESTAMP.
CREATE TABLE oc_filecache (id INT PRIMARY KEY, v INT,
  mtime DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  stamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
INSERT INTO oc_filecache VALUES (1, 1, '2001-01-01 00:00:00', '2001-01-01 00:00:00'), (2, 1, '2001-01-01 00:00:00', '2001-01-01 00:00:00');
-- c5: a foreign key to a table that was dropped (foreign_key_checks = 0).
SET foreign_key_checks = 0;
CREATE TABLE gitea_star (id INT PRIMARY KEY, repo_id INT, CONSTRAINT fk_star_repo FOREIGN KEY (repo_id) REFERENCES gitea_repo_deleted (id));
INSERT INTO gitea_star VALUES (1, 7);
SET foreign_key_checks = 1;
-- c7: column and index names equal in their first 63 bytes.
CREATE TABLE oc_long (id INT PRIMARY KEY, `notification_preference_for_repository_watchers_and_stargazers_a` INT, `notification_preference_for_repository_watchers_and_stargazers_b` INT,
  KEY `index_on_notification_preference_for_repository_watchers_and__xa` (`notification_preference_for_repository_watchers_and_stargazers_a`), KEY `index_on_notification_preference_for_repository_watchers_and__xb` (`notification_preference_for_repository_watchers_and_stargazers_b`));
INSERT INTO oc_long VALUES (1, 10, 20);
-- c8: table names equal in their first 63 bytes, the second referencing the first.
CREATE TABLE `gitea_repository_push_mirror_sync_status_history_per_owner_and_a` (id INT PRIMARY KEY, v VARCHAR(5));
CREATE TABLE `gitea_repository_push_mirror_sync_status_history_per_owner_and_b` (id INT PRIMARY KEY, a_id INT, CONSTRAINT fk_mirror_a FOREIGN KEY (a_id) REFERENCES `gitea_repository_push_mirror_sync_status_history_per_owner_and_a` (id));
INSERT INTO `gitea_repository_push_mirror_sync_status_history_per_owner_and_a` VALUES (1, 'A'); INSERT INTO `gitea_repository_push_mirror_sync_status_history_per_owner_and_b` VALUES (2, 1);
-- c10: names with a leading space.
CREATE TABLE ` lead` (` c` INT PRIMARY KEY, `  two` VARCHAR(5));
INSERT INTO ` lead` VALUES (1, 'x');
-- c11: storage engines other than InnoDB.
CREATE TABLE eng_csv (id INT NOT NULL, name VARCHAR(20) NOT NULL) ENGINE=CSV;
INSERT INTO eng_csv VALUES (1, 'a,b "c"'), (2, 'ü\n2');
CREATE TABLE eng_archive (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, msg TEXT) ENGINE=ARCHIVE;
INSERT INTO eng_archive (msg) VALUES ('log 1'), ('log 2');
CREATE TABLE eng_memory (k VARCHAR(10) PRIMARY KEY, v INT) ENGINE=MEMORY;
INSERT INTO eng_memory VALUES ('a', 1), ('b', 2);
CREATE TABLE eng_aria (id INT PRIMARY KEY, t TEXT) ENGINE=Aria TRANSACTIONAL=1;
INSERT INTO eng_aria VALUES (1, 'x');
-- c12: JSON null and scalars beside SQL NULL.
CREATE TABLE oc_json (id INT PRIMARY KEY, j JSON);
INSERT INTO oc_json VALUES (1, 'null'), (2, NULL), (3, '"str"'), (4, '1'), (5, '[]'), (6, '{}');
-- c13: primary keys on ENUM (index order differs from text order), BIT, YEAR, DOUBLE.
CREATE TABLE key_enum (kind ENUM('zeta','alpha','mid') NOT NULL, n INT NOT NULL, v INT, PRIMARY KEY (kind, n));
INSERT INTO key_enum VALUES ('zeta', 1, 1), ('alpha', 1, 2), ('mid', 2, 3), ('alpha', 2, 4);
CREATE TABLE key_bit (b BIT(8) PRIMARY KEY, v INT);
INSERT INTO key_bit VALUES (b'00000001', 1), (b'10000000', 2), (b'11111111', 3);
CREATE TABLE key_year (y YEAR PRIMARY KEY, v INT);
INSERT INTO key_year VALUES (1901, 1), (2155, 2), (0, 3), (2024, 4);
CREATE TABLE key_double (d DOUBLE PRIMARY KEY, v INT);
INSERT INTO key_double VALUES (-1e308, 1), (0.1, 2), (5e-324, 3), (1e308, 4);
-- c14: AUTO_INCREMENT past the last row (rows 4 and 5 deleted).
CREATE TABLE oc_jobs (id INT AUTO_INCREMENT PRIMARY KEY, v INT);
INSERT INTO oc_jobs (v) VALUES (1), (2), (3), (4), (5);
DELETE FROM oc_jobs WHERE id >= 4;
-- c15: YEAR(2), which MariaDB still creates: 69 is 2069, 70 is 1970.
CREATE TABLE old_years (id INT PRIMARY KEY, y2 YEAR(2));
INSERT INTO old_years VALUES (1, 69), (2, 70), (3, 0), (4, 1901), (5, 2155), (6, NULL);
-- Second batch (written after the first run's fixes, before running them).
-- d1: a YEAR(2) default: 69 is 2069 there too.
CREATE TABLE old_years_def (id INT PRIMARY KEY, y2 YEAR(2) DEFAULT 69);
-- d12: a nullable ON UPDATE column without a default.
CREATE TABLE oc_share (id INT PRIMARY KEY, v INT, updated DATETIME NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP);
INSERT INTO oc_share VALUES (1, 1, NULL);
-- d13: an expression default PostgreSQL would need ported.
CREATE TABLE oc_due (id INT PRIMARY KEY, due DATE DEFAULT (CURDATE() + INTERVAL 1 DAY));
