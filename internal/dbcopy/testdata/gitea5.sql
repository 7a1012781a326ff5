-- h-db8's unseen round: Gitea on SQLite as xorm creates it (backquoted
-- names, INTEGER for bool and unix times, TEXT for varchar), trimmed to the
-- shapes that matter, with data as Gitea writes it. external_login_user's
-- expires_at is a Go time.Time: xorm declares it DATETIME and writes its
-- text; Go's zero time when unset.
CREATE TABLE `version` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `version` INTEGER NULL);
INSERT INTO `version` VALUES (1, 305);
CREATE TABLE `user` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `lower_name` TEXT NOT NULL, `name` TEXT NOT NULL, `full_name` TEXT NULL, `email` TEXT NOT NULL, `keep_email_private` INTEGER NULL, `passwd` TEXT NOT NULL, `passwd_hash_algo` TEXT DEFAULT 'argon2' NOT NULL, `must_change_password` INTEGER DEFAULT 0 NOT NULL, `login_type` INTEGER NULL, `login_name` TEXT NULL, `type` INTEGER NULL, `location` TEXT NULL, `website` TEXT NULL, `rands` TEXT NULL, `salt` TEXT NULL, `language` TEXT NULL, `description` TEXT NULL, `created_unix` INTEGER NULL, `updated_unix` INTEGER NULL, `last_login_unix` INTEGER NULL, `is_admin` INTEGER NULL, `is_active` INTEGER NULL, `is_restricted` INTEGER DEFAULT 0 NOT NULL, `avatar` TEXT NOT NULL, `avatar_email` TEXT NOT NULL, `use_custom_avatar` INTEGER NULL, `num_repos` INTEGER NULL, `visibility` INTEGER DEFAULT 0 NOT NULL, `theme` TEXT DEFAULT '' NOT NULL);
CREATE UNIQUE INDEX `UQE_user_lower_name` ON `user` (`lower_name`);
CREATE UNIQUE INDEX `UQE_user_name` ON `user` (`name`);
CREATE INDEX `IDX_user_created_unix` ON `user` (`created_unix`);
CREATE INDEX `IDX_user_is_active` ON `user` (`is_active`);
INSERT INTO `user` VALUES (1, 'gitea_admin', 'gitea_admin', 'Gitea Admin', 'admin@example.com', 0, '3c1b4f0b0e3f5e', 'pbkdf2$50000$50', 0, 0, '', 0, '', '', 'a1b2c3d4e5', 'f6e5d4c3b2', 'en-US', '', 1700000000, 1709251200, 1709251200, 1, 1, 0, '', 'admin@example.com', 0, 2, 0, 'gitea-auto');
INSERT INTO `user` VALUES (2, 'zoë', 'Zoë', 'Zoë Müller 🌸', 'zoe@example.org', 1, '', 'argon2', 1, 2, 'zoe@ldap', 0, 'Zürich', 'https://zoë.example', 'x', 'y', 'de-DE', 'Line one
Line two', 1700000100, 1700000100, 0, 0, 1, 0, '5f0e3cb5', 'zoe@example.org', 1, 0, 2, '');
INSERT INTO `user` VALUES (3, 'org1', 'Org1', '', 'org1@example.com', 0, '', 'argon2', 0, 0, '', 1, '', '', '', '', '', '', 1700000200, 1700000200, 0, 0, 1, 0, '', '', 0, 1, 0, '');
CREATE TABLE `repository` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `owner_id` INTEGER NULL, `owner_name` TEXT NULL, `lower_name` TEXT NOT NULL, `name` TEXT NOT NULL, `description` TEXT NULL, `website` TEXT NULL, `original_service_type` INTEGER NULL, `original_url` TEXT NULL, `default_branch` TEXT NULL, `num_watches` INTEGER NULL, `num_stars` INTEGER NULL, `num_forks` INTEGER NULL, `num_issues` INTEGER NULL, `num_closed_issues` INTEGER NULL, `is_private` INTEGER NULL, `is_empty` INTEGER NULL, `is_archived` INTEGER NULL, `is_mirror` INTEGER NULL, `status` INTEGER DEFAULT 0 NOT NULL, `is_fork` INTEGER DEFAULT 0 NOT NULL, `fork_id` INTEGER NULL, `size` INTEGER DEFAULT 0 NOT NULL, `topics` TEXT NULL, `object_format_name` TEXT DEFAULT 'sha1' NOT NULL, `created_unix` INTEGER NULL, `updated_unix` INTEGER NULL, `archived_unix` INTEGER DEFAULT 0 NULL);
CREATE UNIQUE INDEX `UQE_repository_s` ON `repository` (`owner_id`,`lower_name`);
CREATE INDEX `IDX_repository_lower_name` ON `repository` (`lower_name`);
INSERT INTO `repository` VALUES (1, 1, 'gitea_admin', 'dotfiles', 'dotfiles', 'My dotfiles — vim, zsh', '', 0, '', 'main', 1, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 123456, '["vim","zsh"]', 'sha1', 1700000000, 1709251200, 0);
INSERT INTO `repository` VALUES (2, 3, 'org1', 'mirror-of-gitea', 'Mirror-Of-Gitea', NULL, NULL, 2, 'https://github.com/go-gitea/gitea.git', 'main', 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 9876543210, 'null', 'sha256', 1700000200, 1700000200, 1709251200);
CREATE TABLE `issue` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `repo_id` INTEGER NULL, `index` INTEGER NULL, `poster_id` INTEGER NULL, `original_author` TEXT NULL, `original_author_id` INTEGER NULL, `name` TEXT NULL, `content` TEXT NULL, `milestone_id` INTEGER NULL, `priority` INTEGER NULL, `is_closed` INTEGER NULL, `is_pull` INTEGER NULL, `num_comments` INTEGER NULL, `ref` TEXT NULL, `deadline_unix` INTEGER NULL, `created_unix` INTEGER NULL, `updated_unix` INTEGER NULL, `closed_unix` INTEGER NULL, `is_locked` INTEGER DEFAULT 0 NOT NULL);
CREATE UNIQUE INDEX `UQE_issue_repo_index` ON `issue` (`repo_id`,`index`);
INSERT INTO `issue` VALUES (1, 1, 1, 1, '', 0, 'Bug: ö breaks `make`', 'Steps:
1. run `make`
2. see ```panic```

```go
fmt.Println("\x00")
```', 0, 0, 0, 0, 1, '', 0, 1700001000, 1700002000, 0, 0);
INSERT INTO `issue` VALUES (2, 1, 2, 2, '', 0, 'PR: emoji 🎉', '', 0, 0, 1, 1, 0, 'refs/heads/feature/🎉', 1735689599, 1700003000, 1700004000, 1700005000, 1);
CREATE TABLE `access_token` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `uid` INTEGER NULL, `name` TEXT NULL, `token_hash` TEXT NULL, `token_salt` TEXT NULL, `token_last_eight` TEXT NULL, `scope` TEXT NULL, `created_unix` INTEGER NULL, `updated_unix` INTEGER NULL);
CREATE UNIQUE INDEX `UQE_access_token_token_hash` ON `access_token` (`token_hash`);
CREATE INDEX `IDX_access_token_token_last_eight` ON `access_token` (`token_last_eight`);
INSERT INTO `access_token` VALUES (1, 1, 'ci', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'Ab12Cd34', '7852b855', 'write:repository,read:user', 1700000000, 1700000000);
CREATE TABLE `webhook` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `repo_id` INTEGER NULL, `owner_id` INTEGER NULL, `is_system_webhook` INTEGER NULL, `url` TEXT NULL, `http_method` TEXT NULL, `content_type` INTEGER NULL, `secret` TEXT NULL, `events` TEXT NULL, `is_active` INTEGER NULL, `type` TEXT NULL, `meta` TEXT NULL, `last_status` INTEGER NULL, `header_authorization_encrypted` TEXT NULL, `created_unix` INTEGER NULL, `updated_unix` INTEGER NULL);
CREATE INDEX `IDX_webhook_repo_id` ON `webhook` (`repo_id`);
INSERT INTO `webhook` VALUES (1, 1, 0, 0, 'https://ci.example/hook?x=1&y=ü', 'POST', 1, '', '{"push_only":false,"send_everything":true,"choose_events":false,"branch_filter":"*","events":{"create":false,"push":true}}', 1, 'gitea', '', 1, '', 1700000000, 1700000000);
CREATE TABLE `action` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `user_id` INTEGER NULL, `op_type` INTEGER NULL, `act_user_id` INTEGER NULL, `repo_id` INTEGER NULL, `comment_id` INTEGER NULL, `is_deleted` INTEGER DEFAULT 0 NOT NULL, `ref_name` TEXT NULL, `is_private` INTEGER DEFAULT 0 NOT NULL, `content` TEXT NULL, `created_unix` INTEGER NULL);
CREATE INDEX `IDX_action_c_u` ON `action` (`user_id`,`is_deleted`);
CREATE INDEX `IDX_action_r_u_d` ON `action` (`repo_id`,`user_id`,`is_deleted`);
INSERT INTO `action` VALUES (1, 1, 5, 1, 1, 0, 0, 'refs/heads/main', 0, '{"Commits":[{"Sha1":"da39a3ee","Message":"init\n","AuthorEmail":"admin@example.com"}],"Len":1}', 1700000000);
INSERT INTO `action` VALUES (2, 2, 1, 2, 1, 0, 1, '', 1, '', 1700000500);
-- external_login_user: a time.Time column. xorm writes "2006-01-02 15:04:05"
-- in the server's zone; a row synced by an older Gitea has Go's
-- time.Time.String() form, and an unset one Go's zero time.
CREATE TABLE `external_login_user` (`external_id` TEXT NOT NULL, `user_id` INTEGER NOT NULL, `login_source_id` INTEGER NOT NULL, `raw_data` TEXT NULL, `provider` TEXT NULL, `email` TEXT NULL, `name` TEXT NULL, `access_token` TEXT NULL, `access_token_secret` TEXT NULL, `refresh_token` TEXT NULL, `expires_at` DATETIME NULL, PRIMARY KEY ( `external_id`,`login_source_id` ));
CREATE INDEX `IDX_external_login_user_user_id` ON `external_login_user` (`user_id`);
INSERT INTO `external_login_user` VALUES ('1234567', 2, 1, '{"login":"zoe","id":1234567}', 'github', 'zoe@example.org', 'Zoë', 'gho_xxx', '', 'ghr_yyy', '2024-03-01 10:00:00');
INSERT INTO `external_login_user` VALUES ('7654321', 1, 1, 'null', 'github', '', '', '', '', '', '0001-01-01 00:00:00+00:00');
INSERT INTO `external_login_user` VALUES ('cn=zoe,ou=people', 2, 2, NULL, 'ldap', '', '', '', '', '', '2024-03-01 11:00:00.123456789 +0100 CET');
-- login_source: its name UNIQUE COLLATE NOCASE (added by hand by an admin
-- whose users typed names in any case).
CREATE TABLE `login_source` (`id` INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, `type` INTEGER NULL, `name` TEXT NOT NULL COLLATE NOCASE, `is_active` INTEGER DEFAULT 0 NOT NULL, `is_sync_enabled` INTEGER DEFAULT 0 NOT NULL, `cfg` TEXT NULL, `created_unix` INTEGER NULL, `updated_unix` INTEGER NULL);
CREATE UNIQUE INDEX `UQE_login_source_name` ON `login_source` (`name`);
INSERT INTO `login_source` VALUES (1, 6, 'GitHub', 1, 0, '{"Provider":"github","ClientID":"abc","ClientSecret":"def"}', 1700000000, 1700000000);
INSERT INTO `login_source` VALUES (2, 2, 'Émile LDAP', 1, 1, '{"Name":"ldap","Host":"ldap.example","Port":636}', 1700000000, 1700000000);
INSERT INTO `login_source` VALUES (3, 2, 'émile ldap', 0, 0, '{}', 1700000000, 1700000000);
CREATE VIEW `v_active_users` AS SELECT `id`, `name`, datetime(`last_login_unix`, 'unixepoch') AS `last_login` FROM `user` WHERE `is_active` = 1;
CREATE TRIGGER `trg_user_updated` AFTER UPDATE ON `user` BEGIN UPDATE `user` SET `updated_unix` = strftime('%s', 'now') WHERE `id` = NEW.`id`; END;
