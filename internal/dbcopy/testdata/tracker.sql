-- A Gitea/Redmine-like issue tracker (h-db4): descending index columns,
-- a MERGE table over monthly logs, and what was already right in such a
-- schema (kept here so that it stays right): TIME past 24 hours and
-- negative, YEAR, BIT(3) and SET in indexes, unique keys over nullable
-- columns, circular and self-referencing keys, ON UPDATE timestamps.
SET sql_mode = '';
SET foreign_key_checks = 0;
CREATE TABLE repository (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, owner_id bigint, lower_name varchar(255) NOT NULL, is_private tinyint(1), fork_id bigint NULL, updated_unix bigint,
  UNIQUE KEY UQE_repository_s (owner_id, lower_name), KEY IDX_repository_owner_private_updated (owner_id, is_private, updated_unix DESC),
  CONSTRAINT fk_fork FOREIGN KEY (fork_id) REFERENCES repository (id) ON DELETE SET NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO repository VALUES (1, 1, 'r1', 0, NULL, 1700000005), (2, 2, 'r1', 1, 1, NULL);
CREATE TABLE issue (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, repo_id bigint, `index` bigint, name varchar(255), time_estimate TIME(1) NULL, closed_year YEAR NULL, flags BIT(3) NOT NULL DEFAULT b'000',
  UNIQUE KEY UQE_issue_repo_index (repo_id, `index`), KEY IDX_issue_flags (flags DESC, closed_year),
  CONSTRAINT fk_issue_repo FOREIGN KEY (repo_id) REFERENCES repository (id) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO issue VALUES (1, 1, 1, 'Crash on 🚀', '-25:30:00.5', 2024, b'101'), (2, 1, 2, 'Dup', '100:00:00', 1901, b'111'),
  (3, 1, NULL, NULL, '838:59:59', 2155, b'000'), (4, 1, NULL, NULL, NULL, 0, b'010');
CREATE TABLE projects (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, parent_id int NULL, default_version_id int NULL, updated_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CONSTRAINT fk_proj_parent FOREIGN KEY (parent_id) REFERENCES projects (id)) ENGINE=InnoDB;
CREATE TABLE versions (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, project_id int NOT NULL, CONSTRAINT fk_ver_proj FOREIGN KEY (project_id) REFERENCES projects (id)) ENGINE=InnoDB;
ALTER TABLE projects ADD CONSTRAINT fk_proj_defver FOREIGN KEY (default_version_id) REFERENCES versions (id);
INSERT INTO projects VALUES (1, NULL, 1, '2024-01-01 00:00:00'), (2, 1, NULL, '2024-01-01 00:00:00'); INSERT INTO versions VALUES (1, 1);
CREATE TABLE time_entries (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, hours float NOT NULL, perms SET('view','edit','log time') DEFAULT 'view,edit', KEY index_time_entries_on_perms (perms)) ENGINE=InnoDB;
INSERT INTO time_entries VALUES (1, 0.1, 'view,log time'), (2, 1.3333334, '');
-- Monthly logs and the MERGE table that unions them.
CREATE TABLE log_2024_01 (id INT NOT NULL, msg VARCHAR(20), KEY (id)) ENGINE=MyISAM;
CREATE TABLE log_2024_02 (id INT NOT NULL, msg VARCHAR(20), KEY (id)) ENGINE=MyISAM;
CREATE TABLE log_all (id INT NOT NULL, msg VARCHAR(20), KEY (id)) ENGINE=MRG_MyISAM UNION=(log_2024_01, log_2024_02) INSERT_METHOD=LAST;
INSERT INTO log_2024_01 VALUES (1, 'jan'); INSERT INTO log_2024_02 VALUES (2, 'feb');
