-- A phpBB/vBulletin-like forum with its add-ons (h-db): shapes no other
-- fixture has. Loaded without strict mode, as forum dumps are.
SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
-- Old add-ons use CHAR(0) as a flag: '' is true, NULL false.
CREATE TABLE phpbb_flags (id INT PRIMARY KEY, is_mod CHAR(0) NULL, empty_name VARCHAR(0) NOT NULL DEFAULT '');
INSERT INTO phpbb_flags VALUES (1, '', ''), (2, NULL, '');
-- Daily statistics keyed by a date that the cron wrote as the zero date.
CREATE TABLE phpbb_stats_daily (day DATE NOT NULL, forum_id MEDIUMINT UNSIGNED NOT NULL, posts INT UNSIGNED NOT NULL DEFAULT 0, PRIMARY KEY (day, forum_id));
INSERT INTO phpbb_stats_daily VALUES ('0000-00-00', 1, 5), ('2024-02-29', 1, 7), ('2024-02-29', 16777215, 1);
-- Year 0 and year 1: valid in MySQL.
CREATE TABLE phpbb_ancient (id INT PRIMARY KEY, d DATE, dt DATETIME(6));
INSERT INTO phpbb_ancient VALUES (1, '0000-01-01', '0000-12-31 23:59:59.999999'), (2, '0001-01-01', '0001-01-01 00:00:00'), (3, '0000-00-01', NULL);
-- A counter that is AUTO_INCREMENT but not the key.
CREATE TABLE phpbb_attach (attach_hash CHAR(8) NOT NULL PRIMARY KEY, seq INT UNSIGNED NOT NULL AUTO_INCREMENT, UNIQUE KEY seq (seq), data MEDIUMBLOB, thumb BLOB DEFAULT '');
INSERT INTO phpbb_attach (attach_hash, data) VALUES ('aaaaaaaa', X'89504E470D0A1A0A0000'), ('bbbbbbbb', X'00');
-- TINYINT UNSIGNED ids full to 255.
CREATE TABLE phpbb_ranks (rank_id TINYINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, rank_title VARCHAR(255) NOT NULL);
INSERT INTO phpbb_ranks VALUES (1, 'Newbie'), (255, 'Admin');
-- A permission mask: SET of 64 members, all of them on one row.
CREATE TABLE phpbb_acl (user_id INT PRIMARY KEY, perms SET('p00','p01','p02','p03','p04','p05','p06','p07','p08','p09','p10','p11','p12','p13','p14','p15','p16','p17','p18','p19','p20','p21','p22','p23','p24','p25','p26','p27','p28','p29','p30','p31','p32','p33','p34','p35','p36','p37','p38','p39','p40','p41','p42','p43','p44','p45','p46','p47','p48','p49','p50','p51','p52','p53','p54','p55','p56','p57','p58','p59','p60','p61','p62','p63'));
INSERT INTO phpbb_acl VALUES (1, 'p00,p01,p02,p03,p04,p05,p06,p07,p08,p09,p10,p11,p12,p13,p14,p15,p16,p17,p18,p19,p20,p21,p22,p23,p24,p25,p26,p27,p28,p29,p30,p31,p32,p33,p34,p35,p36,p37,p38,p39,p40,p41,p42,p43,p44,p45,p46,p47,p48,p49,p50,p51,p52,p53,p54,p55,p56,p57,p58,p59,p60,p61,p62,p63'), (2, 'p63'), (3, '');
-- An ENUM label longer than 63 bytes (PostgreSQL's enum label limit).
CREATE TABLE phpbb_reports (id INT PRIMARY KEY, reason ENUM('spam','off-topic','a very long reason label that a moderator typed in the admin panel once','ütf8 ✓') NOT NULL DEFAULT 'spam');
INSERT INTO phpbb_reports VALUES (1, 'a very long reason label that a moderator typed in the admin panel once'), (2, 'ütf8 ✓');
-- Add-on settings as JSON; one string carries \u0000 (jsonb refuses it).
CREATE TABLE phpbb_ext_settings (ext VARCHAR(64) PRIMARY KEY, cfg JSON);
INSERT INTO phpbb_ext_settings VALUES ('a', '{"k": "v\\u0000w"}'), ('b', '{"emoji": "\\ud83d\\ude00", "n": 1}');
-- Defaults an installer writes: backslashes, newlines, quotes, functions.
CREATE TABLE phpbb_config (config_name VARCHAR(255) PRIMARY KEY,
  config_value VARCHAR(255) NOT NULL DEFAULT 'C:\\path\\to',
  sig TEXT DEFAULT 'line1\nline2',
  q VARCHAR(20) DEFAULT '"quoted" it''s',
  created DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  today DATE DEFAULT (CURRENT_DATE),
  mask BIT(8) DEFAULT b'101',
  price DECIMAL(5,5) DEFAULT 0.5,
  ratio FLOAT(7,3) DEFAULT 1.5,
  big DOUBLE(10,2) UNSIGNED DEFAULT 1e5);
INSERT INTO phpbb_config (config_name, created, today) VALUES ('board_name', '2024-01-01 00:00:00.123', '2024-01-01');
INSERT INTO phpbb_config VALUES ('x', 'v', 'a\\b', '', '2024-01-01 00:00:00', NULL, b'11111111', 0.99999, 1234.567, 99999999.99);
-- MariaDB's compressed columns.
CREATE TABLE phpbb_posts_text (post_id INT PRIMARY KEY, post_text TEXT COMPRESSED, raw BLOB COMPRESSED);
INSERT INTO phpbb_posts_text VALUES (1, REPEAT('Ünïcödé 😀 ', 1000), REPEAT(X'00FF', 100));
-- Index names reused per table, and longer than 63 bytes.
CREATE TABLE phpbb_topics (topic_id INT PRIMARY KEY, forum_id INT, topic_title VARCHAR(100), KEY forum_id (forum_id), KEY topic_title_and_forum_index_name_which_is_longer_than_sixty_thre (topic_title, forum_id));
CREATE TABLE phpbb_posts (post_id INT PRIMARY KEY, forum_id INT, topic_id INT, KEY forum_id (forum_id), KEY topic_title_and_forum_index_name_which_is_longer_than_sixty_thre (topic_id, forum_id),
  CONSTRAINT fk_topic FOREIGN KEY (topic_id) REFERENCES phpbb_topics (topic_id) ON DELETE CASCADE ON UPDATE CASCADE);
INSERT INTO phpbb_topics VALUES (1, 1, 'Welcome'); INSERT INTO phpbb_posts VALUES (1, 1, 1);
-- Names in non-ASCII longer than 63 bytes: a cut must not split a character.
CREATE TABLE `forum_éééééééééééééééééééééééééééééééééééééééééé` (`col_ñññññññññññññññññññññññññññññññññññññññññ` INT PRIMARY KEY);
INSERT INTO `forum_éééééééééééééééééééééééééééééééééééééééééé` VALUES (1);
-- Views over views.
CREATE VIEW phpbb_v_topics AS SELECT topic_id, IFNULL(topic_title, '') AS t FROM phpbb_topics;
CREATE VIEW phpbb_v_top AS SELECT t FROM phpbb_v_topics LIMIT 10;
