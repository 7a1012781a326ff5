-- Tables of real applications, as their installers create them (see
-- realapps_test.go). Loaded without strict mode, as old dumps are.
SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
SET foreign_key_checks = 0;
-- WordPress: drafts keep post_date_gmt at the zero date.
CREATE TABLE wp_posts (
  ID bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  post_date datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_date_gmt datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  post_content longtext NOT NULL,
  post_status varchar(20) NOT NULL DEFAULT 'publish',
  post_name varchar(200) NOT NULL DEFAULT '',
  PRIMARY KEY (ID),
  KEY post_name (post_name(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_posts VALUES
 (1, '2024-01-02 03:04:05', '2024-01-02 02:04:05', 'Hello 😀 “world”', 'publish', 'hello-world'),
 (2, '2024-01-03 00:00:00', '0000-00-00 00:00:00', '', 'draft', '');
-- A NOT NULL datetime without a zero-date default that holds one anyway.
CREATE TABLE wp_comments (comment_ID bigint unsigned NOT NULL PRIMARY KEY, comment_date_gmt datetime NOT NULL);
INSERT INTO wp_comments VALUES (1, '2024-01-02 00:00:00'), (2, '0000-00-00 00:00:00');
-- MediaWiki l10n_cache: a primary key on a prefix of a TEXT column.
CREATE TABLE l10n_cache (lc_lang varbinary(35) NOT NULL, lc_key text NOT NULL, lc_value mediumblob NOT NULL,
  PRIMARY KEY (lc_lang, lc_key(100))) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO l10n_cache VALUES ('en', 'messages:a', 'x'), ('en', REPEAT('k', 150), '');
-- Nextcloud: composite binary-collated key, mixed case.
CREATE TABLE oc_preferences (
  userid varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  appid varchar(32) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  configkey varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  configvalue longtext COLLATE utf8mb4_bin DEFAULT NULL,
  PRIMARY KEY (userid, appid, configkey)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO oc_preferences VALUES ('Admin', 'core', 'lang', 'de'), ('admin', 'core', 'lang', 'en'), ('admin', 'Files', 'K1', NULL);
-- Magento: 64-character constraint names equal in their first 63 bytes, store 0.
CREATE TABLE store (store_id smallint(5) unsigned NOT NULL AUTO_INCREMENT, code varchar(32), PRIMARY KEY (store_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8;
INSERT INTO store VALUES (0, 'admin'), (1, 'default');
CREATE TABLE catalog_product_entity_decimal (
  value_id int(11) NOT NULL AUTO_INCREMENT,
  store_id smallint(5) unsigned NOT NULL DEFAULT 0,
  value decimal(20,6) DEFAULT NULL,
  PRIMARY KEY (value_id),
  CONSTRAINT CATALOG_PRODUCT_ENTITY_DECIMAL_STORE_ID_STORE_STORE_ID_LONGNAM_A FOREIGN KEY (store_id) REFERENCES store (store_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_DECIMAL_STORE_ID_STORE_STORE_ID_LONGNAM_B FOREIGN KEY (store_id) REFERENCES store (store_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
INSERT INTO catalog_product_entity_decimal VALUES (1, 0, 19.990000), (2, 1, -0.000001);
-- Mattermost: CamelCase names, JSON in a longtext checked by json_valid.
CREATE TABLE Posts (Id varchar(26) NOT NULL, CreateAt bigint(20) DEFAULT NULL, Props longtext CHECK (json_valid(Props)), PRIMARY KEY (Id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO Posts VALUES ('abcdefghijklmnopqrstuvwxyz', 1700000000123, '{"from_bot":"true"}');
-- A key past PostgreSQL's 2704-byte btree entry: 760 four-byte characters
-- that do not compress (MySQL keys up to 3072 bytes).
SET SESSION group_concat_max_len = 1000000;
CREATE TABLE objectcache_long (keyname varchar(768) NOT NULL, v int, PRIMARY KEY (keyname)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO objectcache_long SELECT CONVERT(GROUP_CONCAT(CONCAT(CHAR(0xF0), CHAR(0xA0 + CONV(SUBSTR(MD5(seq), 1, 2), 16, 10) % 11),
  CHAR(0x80 + CONV(SUBSTR(MD5(seq), 3, 2), 16, 10) % 64), CHAR(0x80 + CONV(SUBSTR(MD5(seq), 5, 2), 16, 10) % 64)) ORDER BY seq SEPARATOR '') USING utf8mb4), 1 FROM seq_1_to_760;
INSERT INTO objectcache_long VALUES ('short', 2);
