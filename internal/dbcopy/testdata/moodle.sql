-- A Moodle-like LMS (h-db5, written before any run): reserved words as
-- table and column names, many nullable columns with defaults, long texts,
-- keyless and unique-only tables, generated columns, CHECKs, and dates
-- under three sql_modes (ALLOW_INVALID_DATES, '' with zero dates, strict),
-- TIMESTAMPs written in a +05:30 session.
SET sql_mode = 'STRICT_TRANS_TABLES,ALLOW_INVALID_DATES';
SET time_zone = '+00:00';
CREATE TABLE mdl_course (id bigint(10) NOT NULL AUTO_INCREMENT, category bigint(10) NOT NULL DEFAULT 0, sortorder bigint(10) NOT NULL DEFAULT 0,
  fullname varchar(1333) NOT NULL DEFAULT '', shortname varchar(255) NOT NULL DEFAULT '', idnumber varchar(100) NOT NULL DEFAULT '',
  summary longtext DEFAULT NULL, summaryformat tinyint(2) NOT NULL DEFAULT 0, format varchar(21) NOT NULL DEFAULT 'topics',
  startdate bigint(10) NOT NULL DEFAULT 0, enddate bigint(10) NOT NULL DEFAULT 0, visible tinyint(1) NOT NULL DEFAULT 1,
  cacherev bigint(10) NOT NULL DEFAULT 0, timecreated bigint(10) NOT NULL DEFAULT 0, timemodified bigint(10) NOT NULL DEFAULT 0,
  PRIMARY KEY (id), KEY mdl_cour_cat_ix (category), KEY mdl_cour_idn_ix (idnumber), KEY mdl_cour_sho_ix (shortname)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC COMMENT='Central course table';
INSERT INTO mdl_course VALUES (1, 0, 1, 'Moodle site', 'site', '', CONCAT('<p>Line 1\r\nLine\t2 \\ back</p>', REPEAT('ü😀 ', 20000)), 1, 'site', 0, 0, 1, 0, 1700000000, 1700000001),
  (2, 1, 10001, REPEAT('Ж', 1333), 'C2', 'C2-2024', NULL, 0, 'topics', 1704067200, 0, 0, 5, 1704067200, 1704067200),
  (3, 1, 10002, 'Trailing space ', 'C3 ', '', '', 4, 'weeks', -1, 4294967296, 1, 0, 0, 0);
-- Reserved words as table and column names.
CREATE TABLE `user` (id bigint(10) NOT NULL AUTO_INCREMENT, auth varchar(20) NOT NULL DEFAULT 'manual', `user` varchar(100) DEFAULT NULL,
  `group` varchar(100) DEFAULT NULL, `order` int DEFAULT NULL, `timestamp` timestamp NULL DEFAULT NULL, `desc` text, `limit` int DEFAULT 10,
  `offset` int DEFAULT NULL, `window` varchar(10) DEFAULT NULL, `end` date DEFAULT NULL, `default` varchar(10) DEFAULT 'yes', `key` varchar(10) DEFAULT NULL,
  `value` text, `select` tinyint(1) DEFAULT NULL, `from` int DEFAULT NULL, `check` int DEFAULT NULL CHECK (`check` > 0),
  PRIMARY KEY (id), UNIQUE KEY mdl_user_mneuse_uix (auth, `user`), KEY ix_order (`order`, `group`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `user` VALUES (1, 'manual', 'guest', 'g1', 2, '2024-01-02 03:04:05', 'Guest user', 10, 0, 'w', '2024-02-31', 'no', 'k', 'v', 1, 3, 5),
  (2, 'manual', 'admin', NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2024-02-29', NULL, NULL, NULL, NULL, NULL, NULL),
  (3, 'ldap', 'admin', 'g1', 1, '1970-01-01 00:00:01', '', 0, -1, '', '2023-02-29', '', '', '', 0, 0, NULL);
CREATE TABLE `group` (id bigint(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, courseid bigint(10) NOT NULL, name varchar(254) NOT NULL DEFAULT '',
  CONSTRAINT fk_group_course FOREIGN KEY (courseid) REFERENCES mdl_course (id)) ENGINE=InnoDB;
INSERT INTO `group` VALUES (1, 2, 'Group A'), (2, 2, 'Group 𝔘');
CREATE TABLE `order` (`user` bigint(10) NOT NULL, `group` bigint(10) NOT NULL, `order` int NOT NULL DEFAULT 0, UNIQUE KEY (`user`, `group`),
  CONSTRAINT fk_order_user FOREIGN KEY (`user`) REFERENCES `user` (id), CONSTRAINT fk_order_group FOREIGN KEY (`group`) REFERENCES `group` (id)) ENGINE=InnoDB;
INSERT INTO `order` VALUES (1, 1, 3), (2, 2, 1), (3, 1, 0);
-- Grades: many nullable decimals with defaults, generated columns.
CREATE TABLE mdl_grade_grades (id bigint(10) NOT NULL AUTO_INCREMENT, itemid bigint(10) NOT NULL, userid bigint(10) NOT NULL,
  rawgrade decimal(10,5) DEFAULT NULL, rawgrademax decimal(10,5) NOT NULL DEFAULT 100.00000, rawgrademin decimal(10,5) NOT NULL DEFAULT 0.00000,
  finalgrade decimal(10,5) DEFAULT NULL, hidden bigint(10) NOT NULL DEFAULT 0, locked bigint(10) NOT NULL DEFAULT 0, feedback longtext DEFAULT NULL,
  feedbackformat bigint(10) NOT NULL DEFAULT 0, information mediumtext DEFAULT NULL, timecreated bigint(10) DEFAULT NULL, timemodified bigint(10) DEFAULT NULL,
  pct decimal(12,5) AS (finalgrade / rawgrademax * 100) VIRTUAL, passed tinyint(1) AS (finalgrade >= 50) STORED,
  PRIMARY KEY (id), UNIQUE KEY mdl_gradgrad_useite_uix (userid, itemid), KEY mdl_gradgrad_pct_ix (pct), KEY mdl_gradgrad_pas_ix (passed),
  CONSTRAINT grade_range CHECK (rawgrademax >= rawgrademin)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO mdl_grade_grades (id, itemid, userid, rawgrade, finalgrade, feedback, information, timecreated) VALUES
  (1, 1, 1, 87.5, 87.5, 'Good 👍', NULL, 1700000000), (2, 1, 2, NULL, NULL, NULL, NULL, NULL), (3, 2, 1, -0.00001, 12345.67891, '', '', 0);
-- Logs: no primary key, only a non-unique index; duplicate rows.
CREATE TABLE mdl_logstore_standard_log (eventname varchar(255) NOT NULL DEFAULT '', component varchar(100) NOT NULL DEFAULT '', action varchar(100) NOT NULL DEFAULT '',
  userid bigint(10) NOT NULL, other longtext DEFAULT NULL, timecreated bigint(10) NOT NULL, origin varchar(10) DEFAULT NULL, ip varchar(45) DEFAULT NULL,
  KEY mdl_logsstanlog_tim_ix (timecreated)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO mdl_logstore_standard_log VALUES ('\\core\\event\\user_loggedin', 'core', 'loggedin', 2, 'a:1:{s:8:"username";s:5:"admin";}', 1700000000, 'web', '::1'),
  ('\\core\\event\\user_loggedin', 'core', 'loggedin', 2, 'a:1:{s:8:"username";s:5:"admin";}', 1700000000, 'web', '::1'),
  ('\\core\\event\\course_viewed', 'core', 'viewed', 0, NULL, 1700000001, 'cli', NULL);
-- Zero dates under sql_mode '' in columns with and without NOT NULL, and TIMESTAMPs written at +05:30.
SET sql_mode = '';
SET time_zone = '+05:30';
CREATE TABLE mdl_legacy_session (sid varchar(128) NOT NULL, userid bigint NOT NULL DEFAULT 0, firstip varchar(45), created datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  lastseen timestamp NOT NULL DEFAULT '0000-00-00 00:00:00', expires date DEFAULT NULL, UNIQUE KEY (sid)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO mdl_legacy_session VALUES ('a', 1, '10.0.0.1', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '2024-01-01'),
  ('b', 2, NULL, '0000-00-00 00:00:00', '0000-00-00 00:00:00', '0000-00-00'),
  ('c', 3, NULL, '2024-06-30 23:59:59', '2024-03-31 02:30:00', '2024-00-10');
SET time_zone = '+00:00';
SET sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO';
CREATE TABLE mdl_config (id bigint(10) NOT NULL AUTO_INCREMENT, name varchar(255) NOT NULL DEFAULT '', value longtext NOT NULL, PRIMARY KEY (id), UNIQUE KEY mdl_conf_nam_uix (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO mdl_config VALUES (1, 'siteidentifier', 'abc'), (2, 'NUL', CONCAT('a', CHAR(0), 'b')), (3, 'jsonish', '{"a": "😀"}'), (4, 'empty', '');
