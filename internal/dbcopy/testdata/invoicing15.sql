-- An invoicing app on MariaDB (h-db15's unseen round): customers, price
-- lists, invoices with generated totals, payments, a credit-note trigger.
SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION';

CREATE TABLE currency (
  code CHAR(3) NOT NULL PRIMARY KEY,
  minor_units TINYINT UNSIGNED NOT NULL DEFAULT 2,
  symbol VARCHAR(8) CHARACTER SET utf8mb4 NOT NULL
) ENGINE=InnoDB;

CREATE TABLE customer (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  legal_name VARCHAR(200) NOT NULL,
  vat_id VARCHAR(20) NULL,
  country CHAR(2) NOT NULL DEFAULT 'DE',
  kind ENUM('person','company','public_body') NOT NULL DEFAULT 'company',
  channels SET('email','post','portal','edi') NOT NULL DEFAULT 'email',
  credit_limit DECIMAL(12,2) NULL,
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  meta JSON NULL,
  UNIQUE KEY uq_customer_vat (vat_id),
  KEY ix_customer_country (country, kind)
) ENGINE=InnoDB AUTO_INCREMENT=18446744073709551000;

CREATE TABLE product (
  sku VARCHAR(32) NOT NULL PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  unit ENUM('pc','h','kg','m','') NOT NULL DEFAULT 'pc',
  net_price DECIMAL(10,4) NOT NULL,
  vat_rate DECIMAL(4,2) NOT NULL DEFAULT 19.00,
  weight_g INT UNSIGNED NULL,
  discontinued BIT(1) NOT NULL DEFAULT b'0',
  tags JSON NOT NULL DEFAULT '[]' CHECK (JSON_VALID(tags))
) ENGINE=InnoDB;

CREATE TABLE invoice (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number VARCHAR(20) NOT NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  issued_on DATE NOT NULL,
  due_on DATE NULL,
  status ENUM('draft','sent','paid','void','overdue') NOT NULL DEFAULT 'draft',
  net_total DECIMAL(14,2) NOT NULL DEFAULT 0.00,
  vat_total DECIMAL(14,2) NOT NULL DEFAULT 0.00,
  gross_total DECIMAL(14,2) AS (net_total + vat_total) STORED,
  days_to_pay SMALLINT AS (DATEDIFF(due_on, issued_on)) VIRTUAL,
  sent_at DATETIME(6) NULL,
  note TEXT NULL,
  UNIQUE KEY uq_invoice_number (number),
  CONSTRAINT fk_invoice_customer FOREIGN KEY (customer_id) REFERENCES customer(id) ON DELETE RESTRICT,
  CONSTRAINT fk_invoice_currency FOREIGN KEY (currency) REFERENCES currency(code),
  CONSTRAINT ck_invoice_due CHECK (due_on IS NULL OR due_on >= issued_on)
) ENGINE=InnoDB;

CREATE TABLE invoice_line (
  invoice_id INT UNSIGNED NOT NULL,
  line_no SMALLINT UNSIGNED NOT NULL,
  sku VARCHAR(32) NULL,
  description VARCHAR(255) NOT NULL,
  qty DECIMAL(10,3) NOT NULL DEFAULT 1.000,
  unit_price DECIMAL(10,4) NOT NULL,
  discount_pct DECIMAL(5,2) NULL,
  line_net DECIMAL(14,2) AS (ROUND(qty * unit_price * (1 - IFNULL(discount_pct, 0) / 100), 2)) STORED,
  PRIMARY KEY (invoice_id, line_no),
  CONSTRAINT fk_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice(id) ON DELETE CASCADE,
  CONSTRAINT fk_line_product FOREIGN KEY (sku) REFERENCES product(sku) ON DELETE SET NULL
) ENGINE=InnoDB;

CREATE TABLE payment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  invoice_id INT UNSIGNED NOT NULL,
  paid_at DATETIME(6) NOT NULL,
  amount DECIMAL(14,2) NOT NULL,
  method ENUM('sepa','card','cash','paypal') NOT NULL,
  reference VARCHAR(64) NULL,
  raw_webhook JSON NULL,
  KEY ix_payment_invoice (invoice_id, paid_at),
  CONSTRAINT fk_payment_invoice FOREIGN KEY (invoice_id) REFERENCES invoice(id)
) ENGINE=InnoDB;

CREATE TABLE audit (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  entity VARCHAR(32) NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  action VARCHAR(16) NOT NULL,
  diff JSON NULL
) ENGINE=InnoDB;

DELIMITER //
CREATE TRIGGER trg_invoice_void AFTER UPDATE ON invoice FOR EACH ROW
BEGIN
  IF NEW.status = 'void' AND OLD.status <> 'void' THEN
    INSERT INTO audit (entity, entity_id, action, diff) VALUES ('invoice', NEW.id, 'void', JSON_OBJECT('from', OLD.status));
  END IF;
END//
DELIMITER ;

INSERT INTO currency VALUES ('EUR', 2, '€'), ('JPY', 0, '¥'), ('KWD', 3, 'د.ك'), ('CHF', 2, 'Fr.');

INSERT INTO customer (id, legal_name, vat_id, country, kind, channels, credit_limit, is_active, created_at, meta) VALUES
 (18446744073709551000, 'Müller & Söhne GmbH', 'DE123456789', 'DE', 'company', 'email,edi', 50000.00, 1, '2023-01-02 08:00:00.000001', '{"segment": "A", "contacts": [{"name": "Jörg", "mail": "j@example.de"}]}'),
 (18446744073709551001, 'Städtische Werke Köln', NULL, 'DE', 'public_body', 'post,portal', NULL, 1, '2023-02-15 12:30:45.123456', NULL),
 (18446744073709551002, 'Ōsaka Trading 株式会社', 'JP9876543210', 'JP', 'company', '', 1000000.00, 0, '2023-03-01 00:00:00.000000', '{"segment": null, "note": "tab\\there"}'),
 (18446744073709551003, 'Ana Lúcia Pereira', NULL, 'PT', 'person', 'email', 0.00, 1, '2024-02-29 23:59:59.999999', '[]'),
 (18446744073709551615, 'Max Unsigned Ltd', 'GB000000000', 'GB', 'company', 'email,post,portal,edi', 99999999.99, 1, '2024-06-30 10:00:00.5', '{"big": 18446744073709551615}');

INSERT INTO product VALUES
 ('CONS-H', 'Consulting hour', 'h', 120.0000, 19.00, NULL, b'0', '["service"]'),
 ('BOLT-M8', 'Bolt M8 × 40', 'pc', 0.0425, 19.00, 12, b'0', '["hardware", "metric"]'),
 ('CABLE', 'Cable (per metre)', 'm', 1.3333, 7.00, 85, b'1', '[]'),
 ('LIC-Y', 'Licence, yearly', '', 999.9900, 0.00, NULL, b'0', '{"renewal": true}');

INSERT INTO invoice (id, number, customer_id, currency, issued_on, due_on, status, net_total, vat_total, sent_at, note) VALUES
 (1, 'INV-2024-0001', 18446744073709551000, 'EUR', '2024-01-10', '2024-02-09', 'paid', 1240.00, 235.60, '2024-01-10 09:00:00.000000', NULL),
 (2, 'INV-2024-0002', 18446744073709551001, 'EUR', '2024-01-31', '2024-03-01', 'sent', 6.80, 0.48, '2024-02-01 07:15:00.250000', 'Bitte Bestellnr. angeben'),
 (3, 'INV-2024-0003', 18446744073709551002, 'JPY', '2024-02-29', NULL, 'draft', 0.00, 0.00, NULL, ''),
 (4, 'INV-2024-0004', 18446744073709551615, 'KWD', '2024-03-15', '2024-03-15', 'overdue', 999.99, 0.00, '2024-03-15 23:59:59.999999', 'same-day'),
 (5, 'INV-2024-0005', 18446744073709551003, 'EUR', '2024-04-01', '2024-05-01', 'sent', 2.13, 0.40, '2024-04-01 10:00:00.000000', NULL),
 (4294967295, 'INV-MAX', 18446744073709551000, 'CHF', '2024-12-31', '2025-01-30', 'sent', 0.01, 0.00, NULL, 'max id');

SET FOREIGN_KEY_CHECKS = 0;
INSERT INTO invoice_line (invoice_id, line_no, sku, description, qty, unit_price, discount_pct) VALUES
 (1, 1, 'CONS-H', 'Workshop', 10.000, 120.0000, NULL),
 (1, 2, 'BOLT-M8', 'Bolts', 1000.000, 0.0425, 5.00),
 (2, 1, 'CABLE', 'Cable', 5.100, 1.3333, NULL),
 (4, 1, 'LIC-Y', 'Licence 2024', 1.000, 999.9900, 0.00),
 (5, 1, NULL, 'Free-text line: ünïcødé ✓', 0.333, 6.4000, 0.00),
 (65535, 65535, NULL, 'orphan line kept by a dump', 1.000, 1.0000, 100.00);
SET FOREIGN_KEY_CHECKS = 1;

INSERT INTO payment (invoice_id, paid_at, amount, method, reference, raw_webhook) VALUES
 (1, '2024-01-20 14:22:03.123456', 1000.00, 'sepa', 'E2E-1', '{"id": "evt_1", "amount": 100000, "currency": "eur"}'),
 (1, '2024-02-01 09:00:00.000001', 475.60, 'card', NULL, NULL),
 (2, '2024-02-10 00:00:00.000000', 3.00, 'cash', 'Kasse 3', NULL),
 (4, '2024-04-01 12:00:00.000000', 500.00, 'paypal', 'PP-×', '{"fee": 0.35, "payer": {"country": "KW"}}');

UPDATE invoice SET status = 'void' WHERE id = 3;

CREATE VIEW v_open_items AS
  SELECT i.id, i.number, c.legal_name, i.gross_total,
         IFNULL(SUM(p.amount), 0) AS paid,
         i.gross_total - IFNULL(SUM(p.amount), 0) AS open_amount,
         i.due_on < '2024-03-31' AS was_due
  FROM invoice i JOIN customer c ON c.id = i.customer_id
  LEFT JOIN payment p ON p.invoice_id = i.id
  WHERE i.status IN ('sent', 'overdue', 'paid')
  GROUP BY i.id, i.number, c.legal_name, i.gross_total, i.due_on
  HAVING open_amount <> 0;

CREATE VIEW v_customer_revenue AS
  SELECT c.id, c.legal_name, c.kind, FIND_IN_SET('edi', c.channels) > 0 AS has_edi,
         COUNT(i.id) AS invoices, COALESCE(SUM(i.net_total), 0.00) AS net,
         MAX(i.issued_on) AS last_invoice
  FROM customer c LEFT JOIN invoice i ON i.customer_id = c.id AND i.status <> 'void'
  WHERE c.is_active
  GROUP BY c.id, c.legal_name, c.kind, c.channels;

CREATE VIEW v_line_check AS
  SELECT l.invoice_id, l.line_no, l.qty * l.unit_price AS raw_net, l.line_net,
         IFNULL(l.discount_pct, 0) AS discount, IF(p.discontinued, 'old', 'current') AS catalogue
  FROM invoice_line l LEFT JOIN product p ON p.sku = l.sku;

CREATE VIEW v_big_customers AS
  SELECT t.customer_id, t.total FROM
    (SELECT customer_id, SUM(net_total) AS total FROM invoice GROUP BY customer_id HAVING total > 100) t;

CREATE VIEW v_payment_days AS
  SELECT p.id, p.method, DATE(p.paid_at) AS day, DATE_FORMAT(p.paid_at, '%Y-%m') AS month,
         JSON_UNQUOTE(JSON_EXTRACT(p.raw_webhook, '$.id')) AS event_id
  FROM payment p;
