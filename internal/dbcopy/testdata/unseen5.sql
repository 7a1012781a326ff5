-- h-db8's unseen round: WordPress and Nextcloud as their installers create
-- them (core tables, trimmed to the shapes that matter), with data as the
-- applications write it. WordPress runs without strict mode: drafts keep
-- post_date_gmt '0000-00-00 00:00:00'.
SET sql_mode = 'NO_ENGINE_SUBSTITUTION';

-- WordPress (wp-admin/includes/schema.php), utf8mb4_unicode_520_ci.
CREATE TABLE wp_users (
  ID bigint(20) unsigned NOT NULL auto_increment,
  user_login varchar(60) NOT NULL default '',
  user_pass varchar(255) NOT NULL default '',
  user_nicename varchar(50) NOT NULL default '',
  user_email varchar(100) NOT NULL default '',
  user_url varchar(100) NOT NULL default '',
  user_registered datetime NOT NULL default '0000-00-00 00:00:00',
  user_activation_key varchar(255) NOT NULL default '',
  user_status int(11) NOT NULL default '0',
  display_name varchar(250) NOT NULL default '',
  PRIMARY KEY  (ID),
  KEY user_login_key (user_login),
  KEY user_nicename (user_nicename),
  KEY user_email (user_email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_users VALUES
 (1, 'admin', '$P$BZlPX7NIx8MYpXokBW2AGsN7i.aUOt0', 'admin', 'admin@example.com', '', '2023-03-01 09:15:02', '', 0, 'Site Admin'),
 (2, 'zoë', '$wp$2y$10$Hh1iV9o0n9X.Tq6QmX1yUe', 'zoe', 'zoë@example.org', 'https://zoë.example', '2024-02-29 23:59:59', '1709251199:$P$Babc', 0, 'Zoë 🌸 Müller');

CREATE TABLE wp_usermeta (
  umeta_id bigint(20) unsigned NOT NULL auto_increment,
  user_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (umeta_id),
  KEY user_id (user_id),
  KEY meta_key (meta_key(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES
 (1, 'wp_capabilities', 'a:1:{s:13:"administrator";b:1;}'),
 (1, 'session_tokens', 'a:1:{s:64:"0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";a:4:{s:10:"expiration";i:1735689600;s:2:"ip";s:9:"127.0.0.1";s:2:"ua";s:11:"Mozilla/5.0";s:5:"login";i:1734480000;}}'),
 (2, 'description', 'Line one\r\nLine two\twith a tab and a backslash \\ and quotes '' "'),
 (2, 'empty', ''), (2, NULL, NULL);

CREATE TABLE wp_posts (
  ID bigint(20) unsigned NOT NULL auto_increment,
  post_author bigint(20) unsigned NOT NULL default '0',
  post_date datetime NOT NULL default '0000-00-00 00:00:00',
  post_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  post_content longtext NOT NULL,
  post_title text NOT NULL,
  post_excerpt text NOT NULL,
  post_status varchar(20) NOT NULL default 'publish',
  comment_status varchar(20) NOT NULL default 'open',
  ping_status varchar(20) NOT NULL default 'open',
  post_password varchar(255) NOT NULL default '',
  post_name varchar(200) NOT NULL default '',
  to_ping text NOT NULL,
  pinged text NOT NULL,
  post_modified datetime NOT NULL default '0000-00-00 00:00:00',
  post_modified_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  post_content_filtered longtext NOT NULL,
  post_parent bigint(20) unsigned NOT NULL default '0',
  guid varchar(255) NOT NULL default '',
  menu_order int(11) NOT NULL default '0',
  post_type varchar(20) NOT NULL default 'post',
  post_mime_type varchar(100) NOT NULL default '',
  comment_count bigint(20) NOT NULL default '0',
  PRIMARY KEY  (ID),
  KEY post_name (post_name(191)),
  KEY type_status_date (post_type,post_status,post_date,ID),
  KEY post_parent (post_parent),
  KEY post_author (post_author)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_posts VALUES
 (1, 1, '2023-03-01 09:20:00', '2023-03-01 08:20:00', '<!-- wp:paragraph -->\n<p>Welcome to WordPress. Ça marche — 日本語 😀</p>\n<!-- /wp:paragraph -->', 'Hello world!', '', 'publish', 'open', 'open', '', 'hello-world', '', '', '2023-03-01 09:20:00', '2023-03-01 08:20:00', '', 0, 'http://localhost/?p=1', 0, 'post', '', 1),
 (2, 1, '2023-03-02 10:00:00', '0000-00-00 00:00:00', '', 'Auto Draft', '', 'auto-draft', 'open', 'open', '', '', '', '', '2023-03-02 10:00:00', '0000-00-00 00:00:00', '', 0, 'http://localhost/?p=2', 0, 'post', '', 0),
 (3, 2, '2024-02-29 12:00:00', '2024-02-29 11:00:00', REPEAT('Lorem ipsum dolor sit amet, ünïcödé. ', 3000), 'A long one', 'Short excerpt', 'publish', 'closed', 'closed', 'secret', 'a-long-one', '', 'https://pinged.example/', '2024-03-01 00:00:00', '2024-02-29 23:00:00', '', 0, 'http://localhost/?p=3', 0, 'post', '', 0),
 (4, 2, '2024-02-29 12:05:00', '2024-02-29 11:05:00', '', 'photo.jpg', '', 'inherit', 'open', 'closed', '', 'photo-jpg', '', '', '2024-02-29 12:05:00', '2024-02-29 11:05:00', '', 3, 'http://localhost/wp-content/uploads/2024/02/photo.jpg', 0, 'attachment', 'image/jpeg', 0);

CREATE TABLE wp_postmeta (
  meta_id bigint(20) unsigned NOT NULL auto_increment,
  post_id bigint(20) unsigned NOT NULL default '0',
  meta_key varchar(255) default NULL,
  meta_value longtext,
  PRIMARY KEY  (meta_id),
  KEY post_id (post_id),
  KEY meta_key (meta_key(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES
 (4, '_wp_attached_file', '2024/02/photo.jpg'),
 (4, '_wp_attachment_metadata', 'a:3:{s:5:"width";i:1920;s:6:"height";i:1080;s:5:"sizes";a:1:{s:9:"thumbnail";a:2:{s:4:"file";s:17:"photo-150x150.jpg";s:5:"width";i:150;}}}'),
 (3, '_edit_lock', '1709208000:2');

CREATE TABLE wp_terms (
  term_id bigint(20) unsigned NOT NULL auto_increment,
  name varchar(200) NOT NULL default '',
  slug varchar(200) NOT NULL default '',
  term_group bigint(10) NOT NULL default 0,
  PRIMARY KEY  (term_id),
  KEY slug (slug(191)),
  KEY name (name(191))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_terms VALUES (1, 'Uncategorized', 'uncategorized', 0), (2, 'Café & Bar', 'cafe-bar', 0), (3, 'café & bar', 'cafe-bar-2', 0);

CREATE TABLE wp_term_taxonomy (
  term_taxonomy_id bigint(20) unsigned NOT NULL auto_increment,
  term_id bigint(20) unsigned NOT NULL default 0,
  taxonomy varchar(32) NOT NULL default '',
  description longtext NOT NULL,
  parent bigint(20) unsigned NOT NULL default 0,
  count bigint(20) NOT NULL default 0,
  PRIMARY KEY  (term_taxonomy_id),
  UNIQUE KEY term_id_taxonomy (term_id,taxonomy),
  KEY taxonomy (taxonomy)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_term_taxonomy VALUES (1, 1, 'category', '', 0, 1), (2, 2, 'post_tag', 'Drinks', 0, 1), (3, 3, 'post_tag', '', 0, 0);

CREATE TABLE wp_term_relationships (
  object_id bigint(20) unsigned NOT NULL default 0,
  term_taxonomy_id bigint(20) unsigned NOT NULL default 0,
  term_order int(11) NOT NULL default 0,
  PRIMARY KEY  (object_id,term_taxonomy_id),
  KEY term_taxonomy_id (term_taxonomy_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_term_relationships VALUES (1, 1, 0), (3, 2, 0);

CREATE TABLE wp_comments (
  comment_ID bigint(20) unsigned NOT NULL auto_increment,
  comment_post_ID bigint(20) unsigned NOT NULL default '0',
  comment_author tinytext NOT NULL,
  comment_author_email varchar(100) NOT NULL default '',
  comment_author_url varchar(200) NOT NULL default '',
  comment_author_IP varchar(100) NOT NULL default '',
  comment_date datetime NOT NULL default '0000-00-00 00:00:00',
  comment_date_gmt datetime NOT NULL default '0000-00-00 00:00:00',
  comment_content text NOT NULL,
  comment_karma int(11) NOT NULL default '0',
  comment_approved varchar(20) NOT NULL default '1',
  comment_agent varchar(255) NOT NULL default '',
  comment_type varchar(20) NOT NULL default 'comment',
  comment_parent bigint(20) unsigned NOT NULL default '0',
  user_id bigint(20) unsigned NOT NULL default '0',
  PRIMARY KEY  (comment_ID),
  KEY comment_post_ID (comment_post_ID),
  KEY comment_approved_date_gmt (comment_approved,comment_date_gmt),
  KEY comment_date_gmt (comment_date_gmt),
  KEY comment_parent (comment_parent),
  KEY comment_author_email (comment_author_email(10))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_comments VALUES
 (1, 1, 'A WordPress Commenter', 'wapuu@wordpress.example', 'https://wordpress.org/', '', '2023-03-01 09:20:00', '2023-03-01 08:20:00', 'Hi, this is a comment.', 0, '1', '', 'comment', 0, 0),
 (2, 1, 'spammer', 'x@spam.example', '', '2001:db8::1', '2023-04-01 00:00:00', '2023-04-01 00:00:00', 'Buy <a href="x">now</a>', 0, 'spam', 'curl/8.0', 'comment', 0, 0);

-- option_name is unique in a PAD SPACE _ci collation: 'siteurl' and
-- 'SiteURL ' are one key in MariaDB.
CREATE TABLE wp_options (
  option_id bigint(20) unsigned NOT NULL auto_increment,
  option_name varchar(191) NOT NULL default '',
  option_value longtext NOT NULL,
  autoload varchar(20) NOT NULL default 'yes',
  PRIMARY KEY  (option_id),
  UNIQUE KEY option_name (option_name),
  KEY autoload (autoload)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_options VALUES
 (1, 'siteurl', 'http://localhost', 'yes'),
 (2, 'blogname', 'Mon blog — “quotes”', 'yes'),
 (3, 'cron', 'a:2:{i:1709251200;a:1:{s:16:"wp_version_check";a:1:{s:32:"40cd750bba9870f18aada2478b24840a";a:3:{s:8:"schedule";s:10:"twicedaily";s:4:"args";a:0:{}s:8:"interval";i:43200;}}}s:7:"version";i:2;}', 'on'),
 (4, '_transient_timeout_feed', '1709294400', 'off');

-- A plugin's view.
CREATE VIEW wp_published AS SELECT ID, post_title, post_date_gmt FROM wp_posts WHERE post_status = 'publish';

-- Nextcloud (lib/private/Setup, Doctrine migrations): utf8mb4_bin
-- throughout, which is PAD SPACE in MariaDB and MySQL 5.7/8.0.
CREATE TABLE oc_filecache (
  fileid bigint(20) NOT NULL AUTO_INCREMENT,
  storage bigint(20) NOT NULL DEFAULT 0,
  path varchar(4000) COLLATE utf8mb4_bin DEFAULT NULL,
  path_hash varchar(32) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  parent bigint(20) NOT NULL DEFAULT 0,
  name varchar(250) COLLATE utf8mb4_bin DEFAULT NULL,
  mimetype bigint(20) NOT NULL DEFAULT 0,
  mimepart bigint(20) NOT NULL DEFAULT 0,
  size bigint(20) NOT NULL DEFAULT 0,
  mtime bigint(20) NOT NULL DEFAULT 0,
  storage_mtime bigint(20) NOT NULL DEFAULT 0,
  encrypted int(11) NOT NULL DEFAULT 0,
  unencrypted_size bigint(20) NOT NULL DEFAULT 0,
  etag varchar(40) COLLATE utf8mb4_bin DEFAULT NULL,
  permissions int(11) DEFAULT 0,
  checksum varchar(255) COLLATE utf8mb4_bin DEFAULT NULL,
  PRIMARY KEY (fileid),
  UNIQUE KEY fs_storage_path_hash (storage,path_hash),
  KEY fs_parent_name_hash (parent,name),
  KEY fs_storage_mimetype (storage,mimetype),
  KEY fs_storage_size (storage,size,fileid),
  KEY fs_mtime (mtime),
  KEY fs_size (size)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=COMPRESSED;
INSERT INTO oc_filecache VALUES
 (1, 1, '', 'd41d8cd98f00b204e9800998ecf8427e', -1, '', 2, 1, 1073741824, 1709251200, 1709251200, 0, 0, '65e1a2b3c4d5e', 23, NULL),
 (2, 1, 'files', '45b963397aa40d4a0063e0d85e4fe7a1', 1, 'files', 2, 1, 1073741824, 1709251200, 1709251200, 0, 0, '65e1a2b3c4d5f', 31, NULL),
 (3, 1, 'files/Photos/Été 2023 🏖/IMG_0001.JPG', '5f0e3cb5a6f9c0d6e3b1a2c4d5e6f708', 2, 'IMG_0001.JPG', 5, 4, 4823114, 1690000000, 1690000000, 0, 0, '9c1185a5c5e9fc54612808977ee8f548', 27, 'SHA1:da39a3ee5e6b4b0d3255bfef95601890afd80709'),
 (4, 2, 'files/Readme.md ', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 2, 'Readme.md ', 7, 6, 0, 0, 0, 0, 0, NULL, 27, NULL);

CREATE TABLE oc_preferences (
  userid varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  appid varchar(32) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  configkey varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  configvalue longtext COLLATE utf8mb4_bin DEFAULT NULL,
  lazy smallint(5) unsigned NOT NULL DEFAULT 0,
  type smallint(5) unsigned NOT NULL DEFAULT 0,
  flags int(11) NOT NULL DEFAULT 0,
  indexed varchar(64) COLLATE utf8mb4_bin DEFAULT '',
  PRIMARY KEY (userid,appid,configkey),
  KEY preferences_app_key (appid,configkey)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO oc_preferences VALUES
 ('admin', 'core', 'lang', 'de_DE', 0, 0, 0, ''),
 ('admin', 'core', 'timezone', 'Europe/Berlin', 0, 0, 0, ''),
 ('Admin', 'core', 'lang', 'fr', 0, 0, 0, ''),
 ('admin', 'settings', 'email', 'admin@example.com', 1, 0, 0, NULL);

CREATE TABLE oc_appconfig (
  appid varchar(32) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  configkey varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  configvalue longtext COLLATE utf8mb4_bin DEFAULT NULL,
  type int(10) unsigned NOT NULL DEFAULT 2,
  lazy smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (appid,configkey),
  KEY ac_lazy_i (lazy)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO oc_appconfig VALUES
 ('core', 'installedat', '1709251200.1234', 2, 0),
 ('core', 'vendor', 'nextcloud', 2, 0),
 ('files', 'enabled', 'yes', 2, 0),
 ('theming', 'cachebuster', '7', 2, 0);

-- oc_jobs gained an INVISIBLE column in an admin's hand-made migration
-- (MariaDB 10.3+, MySQL 8.0.23+): SELECT * leaves it out.
CREATE TABLE oc_jobs (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  class varchar(255) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  argument varchar(4000) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  last_run int(11) DEFAULT 0,
  last_checked int(11) DEFAULT 0,
  reserved_at int(11) DEFAULT 0,
  execution_duration int(11) NOT NULL DEFAULT 0,
  argument_hash varchar(64) COLLATE utf8mb4_bin DEFAULT NULL,
  time_sensitive smallint(6) NOT NULL DEFAULT 1,
  note varchar(100) COLLATE utf8mb4_bin INVISIBLE DEFAULT 'none',
  created_at timestamp(3) INVISIBLE NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY job_class_index (class),
  KEY job_lastcheck_reserved (last_checked,reserved_at),
  KEY job_argument_hash (class,argument_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO oc_jobs (id, class, argument, last_run, last_checked, reserved_at, execution_duration, argument_hash, time_sensitive, note, created_at) VALUES
 (1, 'OCA\\Files\\BackgroundJob\\ScanFiles', 'null', 1709251200, 1709251200, 0, 1, NULL, 1, 'scanned', '2024-03-01 00:00:00.125'),
 (2, 'OCA\\DAV\\BackgroundJob\\CleanupInvitationTokenJob', '[]', 0, 0, 0, 0, 'd751713988987e9331980363e24189ce', 0, NULL, '2024-03-01 00:00:01.000');
INSERT INTO oc_jobs (class, argument) VALUES ('OC\\Core\\BackgroundJobs\\CheckForUserCertificates', '{"uid":"admin"}');

CREATE TABLE oc_share (
  id bigint(20) NOT NULL AUTO_INCREMENT,
  share_type smallint(6) NOT NULL DEFAULT 0,
  share_with varchar(255) COLLATE utf8mb4_bin DEFAULT NULL,
  uid_owner varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  uid_initiator varchar(64) COLLATE utf8mb4_bin DEFAULT NULL,
  parent bigint(20) DEFAULT NULL,
  item_type varchar(64) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  item_source varchar(255) COLLATE utf8mb4_bin DEFAULT NULL,
  file_source bigint(20) DEFAULT NULL,
  file_target varchar(512) COLLATE utf8mb4_bin DEFAULT NULL,
  permissions smallint(6) NOT NULL DEFAULT 0,
  stime bigint(20) NOT NULL DEFAULT 0,
  accepted smallint(6) NOT NULL DEFAULT 0,
  expiration datetime DEFAULT NULL,
  token varchar(32) COLLATE utf8mb4_bin DEFAULT NULL,
  mail_send smallint(6) NOT NULL DEFAULT 0,
  share_name varchar(64) COLLATE utf8mb4_bin DEFAULT NULL,
  password_by_talk tinyint(1) DEFAULT 0,
  note longtext COLLATE utf8mb4_bin DEFAULT NULL,
  hide_download smallint(6) DEFAULT 0,
  label varchar(255) COLLATE utf8mb4_bin DEFAULT NULL,
  attributes longtext COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(attributes)),
  PRIMARY KEY (id),
  UNIQUE KEY share_token (token),
  KEY item_share_type_index (item_type,share_type),
  KEY file_source_index (file_source),
  KEY owner_index (uid_owner)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO oc_share VALUES
 (1, 3, NULL, 'admin', 'admin', NULL, 'file', '3', 3, '/IMG_0001.JPG', 1, 1709251200, 0, '2024-12-31 00:00:00', 'Ab3dE5fG7hJ9kL1', 0, NULL, 0, 'Für dich', 0, '', '[{"scope":"permissions","key":"download","value":true}]'),
 (2, 0, 'zoë', 'admin', 'admin', NULL, 'folder', '2', 2, '/files', 31, 1709251300, 1, NULL, NULL, 0, NULL, 0, NULL, 0, NULL, NULL),
 (3, 3, NULL, 'admin', 'admin', NULL, 'file', '4', 4, '/Readme.md ', 1, 1709251400, 0, NULL, 'Zz9yX8wV7uT6sR5', 0, NULL, 1, '', 1, NULL, '{}');
