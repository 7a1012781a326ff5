-- h-db8's invented shape: a shop on MariaDB with generated columns (stored
-- and virtual, one in a key), ENUM and SET, BIT flags, a POINT with a
-- SPATIAL key, JSON documents, composite primary and foreign keys, a
-- DECIMAL money column, and a view over them.
SET sql_mode = 'STRICT_ALL_TABLES';
CREATE TABLE warehouse (
  region CHAR(2) NOT NULL,
  code SMALLINT UNSIGNED NOT NULL,
  name VARCHAR(80) NOT NULL,
  location POINT NOT NULL,
  flags BIT(4) NOT NULL DEFAULT b'0001',
  PRIMARY KEY (region, code),
  SPATIAL KEY sp_location (location)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO warehouse VALUES ('DE', 1, 'Berlin Süd', ST_GeomFromText('POINT(13.4 52.5)'), b'0101'),
 ('FR', 1, 'Lyon', ST_GeomFromText('POINT(4.85 45.75)'), b'0000'),
 ('DE', 2, 'Hamburg', ST_GeomFromText('POINT(9.99 53.55)', 4326), b'1111'),
 ('IT', 1, 'Milano', ST_GeomFromText('POINT(9.19 45.46)'), b'0010');

CREATE TABLE product (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  sku VARCHAR(32) NOT NULL,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(12,4) NOT NULL,
  vat_rate DECIMAL(5,2) NOT NULL DEFAULT 19.00,
  gross DECIMAL(14,4) AS (ROUND(price * (1 + vat_rate / 100), 4)) STORED,
  sku_upper VARCHAR(32) AS (UPPER(sku)) VIRTUAL,
  status ENUM('draft','active','retired') NOT NULL DEFAULT 'draft',
  tags SET('new','sale','eco','bulky') NOT NULL DEFAULT '',
  attrs JSON,
  weight_g MEDIUMINT UNSIGNED,
  PRIMARY KEY (id),
  UNIQUE KEY uq_sku (sku),
  KEY ix_sku_upper (sku_upper),
  KEY ix_status_price (status, price)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO product (id, sku, title, price, vat_rate, status, tags, attrs, weight_g) VALUES
 (1, 'tee-blk-m', 'T-Shirt schwarz M', 19.9900, 19.00, 'active', 'new,eco', '{"color": "black", "size": "M", "fit": {"cut": "slim"}}', 180),
 (2, 'mug-01', 'Becher „Kaffee“', 7.5000, 7.00, 'active', 'sale', '[1, 2.50, "x", null, true]', 350),
 (3, 'sofa-xl', 'Sofa XL', 1299.0000, 19.00, 'retired', 'bulky,sale', NULL, 16777215),
 (4, 'gift', 'Gutschein', 0.0000, 0.00, 'draft', '', '{}', NULL);

CREATE TABLE stock (
  region CHAR(2) NOT NULL,
  code SMALLINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  qty INT NOT NULL DEFAULT 0,
  reserved INT NOT NULL DEFAULT 0,
  available INT AS (qty - reserved) VIRTUAL,
  updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (region, code, product_id),
  KEY ix_product (product_id),
  CONSTRAINT fk_stock_wh FOREIGN KEY (region, code) REFERENCES warehouse (region, code) ON UPDATE CASCADE,
  CONSTRAINT fk_stock_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE,
  CONSTRAINT ck_qty CHECK (qty >= 0 AND reserved >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO stock (region, code, product_id, qty, reserved, updated_at) VALUES
 ('DE', 1, 1, 120, 3, '2024-03-01 12:00:00.000001'),
 ('DE', 2, 1, 0, 0, '2024-03-01 12:00:00.5'),
 ('FR', 1, 2, 40, 40, '2024-03-02 08:30:00'),
 ('IT', 1, 3, 2, 0, '2024-03-03 00:00:00');

CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_email VARCHAR(191) NOT NULL,
  placed_at DATETIME(3) NOT NULL,
  state ENUM('cart','paid','shipped','cancelled') NOT NULL,
  shipping JSON NOT NULL,
  total DECIMAL(14,4) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_email_placed (customer_email, placed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO orders VALUES
 (1001, 'anna@example.com', '2024-03-01 10:00:00.123', 'paid', '{"name": "Anna Ölz", "street": "Hauptstr. 1", "zip": "10115", "country": "DE"}', 27.4900),
 (1002, 'bob@example.com', '2024-03-02 11:11:11.000', 'cancelled', '{"name": "Bob", "note": "line1\\nline2 \\"quoted\\""}', 0.0000);

CREATE TABLE order_line (
  order_id BIGINT UNSIGNED NOT NULL,
  line_no TINYINT UNSIGNED NOT NULL,
  product_id INT UNSIGNED NOT NULL,
  region CHAR(2) NOT NULL,
  code SMALLINT UNSIGNED NOT NULL,
  qty SMALLINT NOT NULL,
  unit_price DECIMAL(12,4) NOT NULL,
  line_total DECIMAL(14,4) AS (qty * unit_price) STORED,
  gift_wrap TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (order_id, line_no),
  UNIQUE KEY uq_line_total (order_id, line_total, line_no),
  CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT fk_line_stock FOREIGN KEY (region, code, product_id) REFERENCES stock (region, code, product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO order_line (order_id, line_no, product_id, region, code, qty, unit_price, gift_wrap) VALUES
 (1001, 1, 1, 'DE', 1, 1, 19.9900, 1),
 (1001, 2, 2, 'FR', 1, 1, 7.5000, 0),
 (1002, 1, 1, 'DE', 2, 3, 19.9900, 0);

CREATE VIEW v_order_totals AS SELECT o.id, o.customer_email, SUM(l.line_total) AS lines_total
  FROM orders o JOIN order_line l ON l.order_id = o.id GROUP BY o.id, o.customer_email;

-- A price log whose key an admin made INVISIBLE (MariaDB 10.3+), in a
-- unique key too, and an INVISIBLE JSON column (longtext with json_valid).
CREATE TABLE price_log (
  id INT UNSIGNED INVISIBLE AUTO_INCREMENT PRIMARY KEY,
  product_id INT UNSIGNED NOT NULL,
  price DECIMAL(12,4) NOT NULL,
  meta JSON INVISIBLE,
  UNIQUE KEY uq_product_id (product_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO price_log VALUES (1, 19.99), (1, 17.99);
INSERT INTO price_log (product_id, price, meta) VALUES (2, 7.5, '{"by": "import", "at": "2024-03-01"}');
