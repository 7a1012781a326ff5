-- A multi-tenant SaaS billing database on MariaDB 10.11 (h-db13): composite
-- primary keys carrying the tenant, self-referencing and circular foreign
-- keys, money in DECIMAL(19,4), BIT flags, SET/ENUM with '' members, YEAR,
-- TIME past a day and negative, DATETIME(6), zero dates written under a
-- relaxed sql_mode, JSON with \u escapes, generated and INVISIBLE columns,
-- CHECK constraints, FULLTEXT and prefix indexes, utf8mb4 beside latin1,
-- binary keys with NUL bytes, a keyless log with duplicate rows, an
-- AUTO_INCREMENT past a gap, and views of the kinds reporting tools write.
SET NAMES utf8mb4;
SET sql_mode = '';
SET FOREIGN_KEY_CHECKS = 0;

CREATE TABLE tenant (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug VARCHAR(40) NOT NULL,
  name VARCHAR(120) NOT NULL,
  parent_id INT UNSIGNED NULL,
  owner_user_id INT UNSIGNED NULL,
  plan ENUM('', 'free', 'team', 'enterprise') NOT NULL DEFAULT 'free',
  features SET('', 'sso', 'audit', 'api', 'white-label') NOT NULL DEFAULT '',
  flags BIT(8) NOT NULL DEFAULT b'00000000',
  is_active BIT(1) NOT NULL DEFAULT b'1',
  founded YEAR NULL,
  settings JSON NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  closed_at DATETIME NULL,
  UNIQUE KEY uq_tenant_slug (slug),
  KEY ix_tenant_name_prefix (name(10)),
  CONSTRAINT fk_tenant_parent FOREIGN KEY (parent_id) REFERENCES tenant (id) ON DELETE SET NULL,
  CONSTRAINT ck_tenant_slug CHECK (slug <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci AUTO_INCREMENT=1000;

CREATE TABLE app_user (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id INT UNSIGNED NOT NULL,
  email VARCHAR(190) NOT NULL,
  display_name VARCHAR(100) NOT NULL DEFAULT '',
  manager_id INT UNSIGNED NULL,
  password_hash BINARY(16) NULL,
  api_secret VARBINARY(32) NULL,
  last_login DATETIME(6) NULL,
  login_count INT NOT NULL DEFAULT 0,
  row_version INT NOT NULL DEFAULT 1 INVISIBLE,
  UNIQUE KEY uq_user_email (tenant_id, email),
  CONSTRAINT fk_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_manager FOREIGN KEY (manager_id) REFERENCES app_user (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the circle: tenant.owner_user_id -> app_user, app_user.tenant_id -> tenant
ALTER TABLE tenant ADD CONSTRAINT fk_tenant_owner FOREIGN KEY (owner_user_id) REFERENCES app_user (id) ON DELETE SET NULL;

CREATE TABLE price_plan (
  tenant_id INT UNSIGNED NOT NULL,
  code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  amount DECIMAL(19,4) NOT NULL,
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  interval_unit ENUM('day','week','month','year') NOT NULL DEFAULT 'month',
  trial_days TINYINT UNSIGNED NOT NULL DEFAULT 0,
  amount_cents BIGINT AS (ROUND(amount * 100)) STORED,
  label VARCHAR(80) AS (CONCAT(code, ' ', currency)) VIRTUAL,
  PRIMARY KEY (tenant_id, code),
  CONSTRAINT fk_plan_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
  CONSTRAINT ck_plan_amount CHECK (amount >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE subscription (
  tenant_id INT UNSIGNED NOT NULL,
  id INT UNSIGNED NOT NULL,
  plan_code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  user_id INT UNSIGNED NULL,
  status ENUM('trialing','active','past_due','canceled','') NOT NULL DEFAULT 'trialing',
  started_on DATE NOT NULL,
  ends_on DATE NULL,
  renewed_from INT UNSIGNED NULL,
  quantity SMALLINT NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  KEY ix_sub_plan (tenant_id, plan_code),
  CONSTRAINT fk_sub_plan FOREIGN KEY (tenant_id, plan_code) REFERENCES price_plan (tenant_id, code) ON UPDATE CASCADE,
  CONSTRAINT fk_sub_renewed FOREIGN KEY (tenant_id, renewed_from) REFERENCES subscription (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_sub_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE SET NULL,
  CONSTRAINT ck_sub_qty CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invoice (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id INT UNSIGNED NOT NULL,
  subscription_id INT UNSIGNED NULL,
  number VARCHAR(30) NOT NULL,
  issued_at DATETIME NOT NULL,
  due_on DATE NOT NULL,
  paid_at DATETIME(6) NULL,
  subtotal DECIMAL(19,4) NOT NULL DEFAULT 0.0000,
  tax_rate DECIMAL(5,4) NOT NULL DEFAULT 0.2000,
  tax DECIMAL(19,4) AS (ROUND(subtotal * tax_rate, 4)) STORED,
  total DECIMAL(19,4) AS (subtotal + ROUND(subtotal * tax_rate, 4)) VIRTUAL,
  fiscal_year YEAR NOT NULL,
  notes TEXT NULL,
  UNIQUE KEY uq_invoice_number (tenant_id, number),
  KEY ix_invoice_due (due_on),
  CONSTRAINT fk_invoice_sub FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscription (tenant_id, id),
  CONSTRAINT fk_invoice_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE,
  CONSTRAINT ck_invoice_due CHECK (due_on >= CAST(issued_at AS DATE))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 AUTO_INCREMENT=5000;

CREATE TABLE invoice_line (
  invoice_id BIGINT UNSIGNED NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  description VARCHAR(255) NOT NULL,
  quantity DECIMAL(12,3) NOT NULL DEFAULT 1.000,
  unit_price DECIMAL(19,4) NOT NULL,
  line_total DECIMAL(19,4) AS (ROUND(quantity * unit_price, 4)) STORED,
  PRIMARY KEY (invoice_id, line_no),
  CONSTRAINT fk_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE time_entry (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tenant_id INT UNSIGNED NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  worked TIME NOT NULL,
  adjustment TIME(3) NULL,
  logged_on DATE NOT NULL,
  CONSTRAINT fk_time_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE legacy_customer (
  id INT NOT NULL PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  city VARCHAR(60) NULL,
  remark TEXT NULL,
  FULLTEXT KEY ft_legacy (name, remark)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;

CREATE TABLE api_key (
  key_hash VARBINARY(20) NOT NULL PRIMARY KEY,
  tenant_id INT UNSIGNED NOT NULL,
  label VARCHAR(60) NOT NULL,
  scopes SET('read','write','admin') NOT NULL DEFAULT 'read',
  revoked_at DATETIME NULL,
  CONSTRAINT fk_key_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE audit_log (
  tenant_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  actor VARCHAR(100) NULL,
  action VARCHAR(40) NOT NULL,
  payload JSON NULL,
  KEY ix_audit (tenant_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- rows, loaded as a dump loads them (FOREIGN_KEY_CHECKS=0): a manager row
-- refers forward, and time_entry 10 keeps a deleted user's id
INSERT INTO tenant (id, slug, name, parent_id, plan, features, flags, is_active, founded, settings, created_at, closed_at) VALUES
 (1, 'acme', 'Acme Corporation', NULL, 'enterprise', 'sso,audit,api', b'10100001', b'1', 1999, '{"theme":"dark","locale":"de-DE","limits":{"seats":250,"storage_gb":1024}}', '2020-01-01 00:00:00.000001', NULL),
 (2, 'acme-eu', 'Acme Europe GmbH', 1, 'team', 'sso', b'00000010', b'1', 2015, '{"greeting":"Gr\\u00fc\\u00df Gott","emoji":"\\ud83d\\ude80","quote":"say \\"hi\\""}', '2021-06-15 12:30:45.123456', NULL),
 (3, 'globex', 'Globex 株式会社 🚀', NULL, '', '', b'11111111', b'0', 0000, '[]', '2019-12-31 23:59:59.999999', '0000-00-00 00:00:00'),
 (4, 'initech', 'Initech', NULL, 'free', ',sso', b'00000000', b'1', 2155, NULL, '2022-02-28 08:00:00.5', '2023-01-01 00:00:00'),
 (7, 'umbrella', 'Umbrella ☂ Corp', 3, 'team', 'white-label,api', b'01000000', b'1', 1901, '{"n":1.50,"big":12345678901234567890,"neg":-0.0,"nul":null,"t":true}', '2023-03-03 03:03:03.030303', NULL);

INSERT INTO app_user (id, tenant_id, email, display_name, manager_id, password_hash, api_secret, last_login, login_count, row_version) VALUES
 (10, 1, 'ceo@acme.test', 'Wile E. Coyote', NULL, UNHEX('00112233445566778899AABBCCDDEEFF'), UNHEX('00000000'), '2024-02-29 23:59:59.999999', 1200, 3),
 (11, 1, 'dev@acme.test', 'Road Runner', 10, UNHEX('000000000000000000000000000000FF'), UNHEX('DEADBEEF00'), NULL, 0, 1),
 (12, 2, 'zoë@acme.eu', 'Zoë Ångström', 10, NULL, '', '2024-01-01 00:00:00.000000', 5, 7),
 (13, 3, 'hiro@globex.jp', '山田 太郎', NULL, NULL, NULL, '0000-00-00 00:00:00', -1, 1),
 (14, 7, 'alice@umbrella.test', 'Alice 👩‍💻', 15, NULL, UNHEX('FF00FF00'), NULL, 2, 2),
 (15, 7, 'bob@umbrella.test', 'Bob', 14, NULL, NULL, NULL, 3, 2),
 (40, 4, 'x@initech.test', '', NULL, NULL, NULL, NULL, 0, 1);
UPDATE tenant SET owner_user_id = 10 WHERE id = 1;
UPDATE tenant SET owner_user_id = 12 WHERE id = 2;
UPDATE tenant SET owner_user_id = 14 WHERE id = 7;

INSERT INTO price_plan (tenant_id, code, amount, currency, interval_unit, trial_days) VALUES
 (1, 'ENT-Y', 99999.9999, 'EUR', 'year', 30),
 (1, 'ent-y', 0.0001, 'USD', 'year', 0),
 (2, 'TEAM-M', 49.5000, 'EUR', 'month', 14),
 (3, 'FREE', 0.0000, 'JPY', 'month', 255),
 (7, 'TEAM-M', 123456789012345.6789, 'GBP', 'week', 7);

INSERT INTO subscription (tenant_id, id, plan_code, user_id, status, started_on, ends_on, renewed_from, quantity) VALUES
 (1, 1, 'ENT-Y', 10, 'active', '2023-01-01', '2023-12-31', NULL, 250),
 (1, 2, 'ENT-Y', 10, 'active', '2024-01-01', '2024-12-31', 1, 250),
 (1, 3, 'ent-y', 11, 'trialing', '2024-02-29', NULL, 2, 1),
 (2, 1, 'TEAM-M', 12, 'past_due', '2024-03-01', '0000-00-00', NULL, 5),
 (3, 1, 'FREE', NULL, '', '2000-01-01', '9999-12-31', NULL, 1),
 (7, 1, 'TEAM-M', 14, 'canceled', '2023-06-30', '2023-07-31', NULL, 12);

INSERT INTO invoice (id, tenant_id, subscription_id, number, issued_at, due_on, paid_at, subtotal, tax_rate, fiscal_year, notes) VALUES
 (5000, 1, 1, 'INV-2023-0001', '2023-01-01 09:00:00', '2023-01-31', '2023-01-15 10:11:12.131415', 24999999.9750, 0.1900, 2023, 'Annual licence\nline two\ttabbed'),
 (5001, 1, 2, 'INV-2024-0001', '2024-01-01 09:00:00', '2024-01-31', NULL, 24999999.9750, 0.1900, 2024, NULL),
 (5002, 2, 1, 'INV-2024-0001', '2024-03-01 00:00:00', '2024-03-15', NULL, 247.5000, 0.2000, 2024, 'Überfällig – Mahnung 1'),
 (5003, 7, 1, 'UMB/23/7', '2023-06-30 23:59:59', '2023-07-30', '2023-07-01 00:00:00.000001', 0.0100, 0.0500, 2023, ''),
 (5010, 3, NULL, 'G-0', '2000-01-01 00:00:00', '2000-01-01', NULL, 0.0000, 0.0000, 2000, 'free tier; no charge 🙂');

INSERT INTO invoice_line (invoice_id, line_no, description, quantity, unit_price) VALUES
 (5000, 1, 'Seats', 250.000, 99999.9999),
 (5000, 2, 'Rounding', 1.000, -0.0001),
 (5002, 1, 'Team seats', 5.000, 49.5000),
 (5003, 1, 'Prorated ½ day', 0.333, 0.0300),
 (5003, 65535, 'Last line', 0.001, 0.0001);

INSERT INTO time_entry (id, tenant_id, user_id, worked, adjustment, logged_on) VALUES
 (1, 1, 11, '08:30:00', NULL, '2024-01-02'),
 (2, 1, 11, '37:15:00', '-00:15:00.250', '2024-01-03'),
 (3, 2, 12, '-02:00:00', '00:00:00.001', '2024-01-04'),
 (4, 7, 14, '838:59:59', '-838:59:59.000', '2024-01-05'),
 (5, 7, 15, '00:00:00', '-00:00:00.500', '2024-01-06'),
 (9, 7, 15, '24:00:00', '12:34:56.789', '2024-01-07'),
 (10, 7, 99, '01:00:00', NULL, '2024-01-08');
ALTER TABLE time_entry AUTO_INCREMENT = 42;

INSERT INTO legacy_customer (id, name, city, remark) VALUES
 (1, 'Müller & Söhne', 'Zürich', 'Stammkunde seit 1987 — bevorzugt Rechnung'),
 (2, 'Café Olé', 'Málaga', NULL),
 (3, 'Smørrebrød ApS', 'København', 'Ærø, Øresund, Åbenrå'),
 (4, 'Naïve Ltd', NULL, '£100 deposit; ¼ paid');

INSERT INTO api_key (key_hash, tenant_id, label, scopes, revoked_at) VALUES
 (UNHEX('00'), 1, 'nul byte only', 'read', NULL),
 (UNHEX('0000'), 1, 'two nul bytes', 'read,write', NULL),
 (UNHEX('00FF00FF00FF00FF00FF00FF00FF00FF00FF00FF'), 2, 'full width', 'admin', '2024-01-01 00:00:00'),
 (UNHEX('61'), 7, 'looks like a', '', '0000-00-00 00:00:00'),
 (UNHEX('6100'), 7, 'a then nul', 'read,write,admin', NULL);

INSERT INTO audit_log (tenant_id, at, actor, action, payload) VALUES
 (1, '2024-01-01 00:00:00', 'ceo@acme.test', 'login', '{"ip":"192.0.2.1"}'),
 (1, '2024-01-01 00:00:00', 'ceo@acme.test', 'login', '{"ip":"192.0.2.1"}'),
 (1, '2024-01-01 00:00:00', 'ceo@acme.test', 'login', '{"ip":"192.0.2.1"}'),
 (2, '2024-01-02 10:00:00', NULL, 'invoice.created', '{"number":"INV-2024-0001","amount":"247.5000","note":"\\u00e9t\\u00e9 \\u2603"}'),
 (3, '0000-00-00 00:00:00', 'system', 'import', NULL),
 (7, '2024-01-03 11:11:11', 'alice@umbrella.test', 'key.revoked', '{"key":"\\u0000x"}');

SET FOREIGN_KEY_CHECKS = 1;

CREATE VIEW v_tenant_directory AS
  SELECT t.id, CONCAT_WS(' / ', t.name, p.name) AS full_name,
         COALESCE(u.display_name, u.email, '(no owner)') AS owner,
         CASE t.plan WHEN 'enterprise' THEN 'E' WHEN 'team' THEN 'T' ELSE '-' END AS tier
  FROM tenant t LEFT JOIN tenant p ON p.id = t.parent_id LEFT JOIN app_user u ON u.id = t.owner_user_id;

CREATE VIEW v_user_emails AS
  SELECT tenant_id, GROUP_CONCAT(email ORDER BY email SEPARATOR '; ') AS emails, COUNT(*) AS n
  FROM app_user GROUP BY tenant_id;

CREATE VIEW v_open_invoices AS
  SELECT i.id, i.tenant_id, i.number, i.subtotal
  FROM invoice i
  WHERE i.paid_at IS NULL AND i.tenant_id IN (SELECT id FROM tenant WHERE closed_at IS NULL);

CREATE VIEW v_contacts AS
  SELECT email AS contact, 'user' AS kind FROM app_user
  UNION
  SELECT slug, 'tenant' FROM tenant;

CREATE VIEW v_revenue AS
  SELECT tenant_id, fiscal_year, SUM(subtotal) AS subtotal, MAX(due_on) AS last_due
  FROM invoice GROUP BY tenant_id, fiscal_year;

-- MySQL has no booleans: these columns are integers 1/0/NULL
CREATE VIEW v_invoice_flags AS
  SELECT id, paid_at IS NULL AS unpaid, subtotal > 1000 AS large, tenant_id IN (1, 2) AS acme,
         fiscal_year BETWEEN 2023 AND 2024 AS recent, NOT (tax_rate = 0) AS taxed, paid_at > issued_at AS paid_late
  FROM invoice;

CREATE VIEW v_tenant_counts AS
  SELECT tenant_id, SUM(paid_at IS NULL) AS unpaid, MAX(subtotal > 1000) AS any_large, COUNT(*) AS n
  FROM invoice GROUP BY tenant_id;
