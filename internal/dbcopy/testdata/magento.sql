-- A Magento-like EAV store (h-db5, written before any run): composite
-- keys, decimal(20,6), unsigned ints, ON UPDATE CURRENT_TIMESTAMP,
-- STORED and VIRTUAL generated columns with indexes, CHECKs, ENUM with an
-- '' member and MariaDB's '' error value, zero dates, supplementary
-- characters in keys, keyless tables, spatial columns, unique prefixes.
SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
SET time_zone = '+00:00';
CREATE TABLE store (store_id smallint(5) unsigned NOT NULL AUTO_INCREMENT, code varchar(32) DEFAULT NULL, name varchar(255) NOT NULL,
  is_active smallint(5) unsigned NOT NULL DEFAULT 0, PRIMARY KEY (store_id), UNIQUE KEY STORE_CODE (code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;
INSERT INTO store VALUES (0, 'admin', 'Admin', 1), (1, 'default', 'Default Store View', 1), (65535, 'last', 'Last', 0);
CREATE TABLE eav_attribute (attribute_id smallint(5) unsigned NOT NULL AUTO_INCREMENT, entity_type_id smallint(5) unsigned NOT NULL DEFAULT 0,
  attribute_code varchar(255) NOT NULL, backend_type varchar(8) NOT NULL DEFAULT 'static', frontend_input varchar(50) DEFAULT NULL,
  is_required smallint(5) unsigned NOT NULL DEFAULT 0, PRIMARY KEY (attribute_id), UNIQUE KEY EAV_ATTRIBUTE_ENTITY_TYPE_ID_ATTRIBUTE_CODE (entity_type_id, attribute_code)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;
INSERT INTO eav_attribute VALUES (73, 4, 'name', 'varchar', 'text', 1), (77, 4, 'price', 'decimal', 'price', 1), (78, 4, 'special_price', 'decimal', 'price', 0);
CREATE TABLE catalog_product_entity (entity_id int(10) unsigned NOT NULL AUTO_INCREMENT, attribute_set_id smallint(5) unsigned NOT NULL DEFAULT 0,
  type_id varchar(32) NOT NULL DEFAULT 'simple', sku varchar(64) NOT NULL, has_options smallint(6) NOT NULL DEFAULT 0,
  created_at timestamp NOT NULL DEFAULT current_timestamp(), updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  sku_upper varchar(64) AS (upper(sku)) VIRTUAL, KEY CATALOG_PRODUCT_ENTITY_SKU_UPPER (sku_upper),
  PRIMARY KEY (entity_id), UNIQUE KEY CATALOG_PRODUCT_ENTITY_SKU (sku)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;
INSERT INTO catalog_product_entity (entity_id, attribute_set_id, type_id, sku, created_at, updated_at) VALUES
  (1, 4, 'simple', 'MB01-blue', '2024-01-02 03:04:05', '2024-01-02 03:04:05'),
  (2, 4, 'configurable', 'MJ01', '2024-01-02 03:04:05', '0000-00-00 00:00:00'),
  (4294967295, 4, 'virtual', 'gift-card', '2038-01-19 03:14:07', '1970-01-01 00:00:01');
CREATE TABLE catalog_product_entity_decimal (value_id int(11) NOT NULL AUTO_INCREMENT, attribute_id smallint(5) unsigned NOT NULL DEFAULT 0,
  store_id smallint(5) unsigned NOT NULL DEFAULT 0, entity_id int(10) unsigned NOT NULL DEFAULT 0, value decimal(20,6) DEFAULT NULL,
  PRIMARY KEY (value_id), UNIQUE KEY CATALOG_PRODUCT_ENTITY_DECIMAL_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id),
  KEY CATALOG_PRODUCT_ENTITY_DECIMAL_STORE_ID (store_id),
  CONSTRAINT CAT_PRD_ENTT_DEC_ENTT_ID_CAT_PRD_ENTT_ENTT_ID FOREIGN KEY (entity_id) REFERENCES catalog_product_entity (entity_id) ON DELETE CASCADE,
  CONSTRAINT CATALOG_PRODUCT_ENTITY_DECIMAL_STORE_ID_STORE_STORE_ID FOREIGN KEY (store_id) REFERENCES store (store_id) ON DELETE CASCADE,
  CONSTRAINT CAT_PRD_ENTT_DEC_ATTR_ID_EAV_ATTR_ATTR_ID FOREIGN KEY (attribute_id) REFERENCES eav_attribute (attribute_id) ON DELETE CASCADE) ENGINE=InnoDB;
INSERT INTO catalog_product_entity_decimal VALUES (1, 77, 0, 1, 34.000000), (2, 77, 1, 1, 99999999999999.999999), (3, 78, 0, 1, -0.000001),
  (4, 77, 0, 4294967295, NULL), (5, 78, 65535, 2, 0.000000);
CREATE TABLE catalog_product_entity_varchar (value_id int(11) NOT NULL AUTO_INCREMENT, attribute_id smallint(5) unsigned NOT NULL DEFAULT 0,
  store_id smallint(5) unsigned NOT NULL DEFAULT 0, entity_id int(10) unsigned NOT NULL DEFAULT 0, value varchar(255) DEFAULT NULL,
  PRIMARY KEY (value_id), UNIQUE KEY CATALOG_PRODUCT_ENTITY_VARCHAR_ENTITY_ID_ATTRIBUTE_ID_STORE_ID (entity_id, attribute_id, store_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO catalog_product_entity_varchar VALUES (1, 73, 0, 1, 'Joust Duffle Bag 👜'), (2, 73, 1, 1, 'Sac 𝔘 « été »'), (3, 73, 0, 2, ''), (4, 73, 0, 4294967295, NULL);
-- Composite primary key, no AUTO_INCREMENT.
CREATE TABLE catalog_category_product (category_id int(10) unsigned NOT NULL, product_id int(10) unsigned NOT NULL, position int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (category_id, product_id), KEY CATALOG_CATEGORY_PRODUCT_PRODUCT_ID (product_id)) ENGINE=InnoDB;
INSERT INTO catalog_category_product VALUES (3, 1, -1), (3, 2, 0), (4, 1, 2147483647), (4294967295, 4294967295, -2147483648);
-- Index tables Magento fills and truncates: no keys at all, duplicate rows.
CREATE TABLE catalog_product_index_price_tmp (entity_id int(10) unsigned NOT NULL, customer_group_id int(10) unsigned NOT NULL, website_id smallint(5) unsigned NOT NULL,
  price decimal(20,6) DEFAULT NULL, final_price decimal(20,6) DEFAULT NULL) ENGINE=InnoDB;
INSERT INTO catalog_product_index_price_tmp VALUES (1, 0, 1, 34, 34), (1, 0, 1, 34, 34), (2, 0, 1, NULL, NULL), (2, 0, 1, NULL, NULL), (4294967295, 1, 1, 0.5, 0.499999);
-- Orders: money, an unsigned bigint quote id, stored generated total, CHECKs,
-- ENUM with '' and the '' error value sql_mode '' stores for 'bogus'.
CREATE TABLE sales_order (entity_id int(10) unsigned NOT NULL AUTO_INCREMENT, increment_id varchar(50) DEFAULT NULL, store_id smallint(5) unsigned DEFAULT NULL,
  quote_id bigint unsigned DEFAULT NULL, state varchar(32) DEFAULT NULL, status enum('', 'pending', 'processing', 'complete') NOT NULL DEFAULT '',
  subtotal decimal(20,4) DEFAULT NULL, tax_amount decimal(20,4) DEFAULT NULL, grand_total decimal(20,4) AS (subtotal + tax_amount) STORED,
  total_qty_ordered decimal(12,4) DEFAULT NULL CHECK (total_qty_ordered >= 0), customer_email varchar(128) DEFAULT NULL,
  created_at timestamp NOT NULL DEFAULT current_timestamp(), updated_at timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  customer_dob datetime DEFAULT NULL, PRIMARY KEY (entity_id), UNIQUE KEY SALES_ORDER_INCREMENT_ID_STORE_ID (increment_id, store_id),
  KEY SALES_ORDER_GRAND_TOTAL (grand_total), CONSTRAINT chk_tax CHECK (tax_amount IS NULL OR tax_amount >= 0)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;
INSERT INTO sales_order (entity_id, increment_id, store_id, quote_id, state, status, subtotal, tax_amount, total_qty_ordered, customer_email, created_at, updated_at, customer_dob) VALUES
  (1, '000000001', 1, 9223372036854775807, 'new', 'pending', 34.0000, 2.8050, 1.0000, 'roni_cost@example.com', '2024-01-02 03:04:05', '2024-01-02 03:04:05', '1973-12-15 00:00:00'),
  (2, '000000001', NULL, NULL, NULL, 'bogus', 0.0001, NULL, 0, NULL, '2024-01-02 03:04:05', '2024-01-02 03:04:05', NULL),
  (3, '000000001', NULL, 0, 'complete', '', 9999999999999999.9999, 0.0000, NULL, 'x@y', '2024-01-02 03:04:05', '2024-01-02 03:04:05', NULL);
-- Customers: zero and partial zero dates (sql_mode has no NO_ZERO_DATE).
CREATE TABLE customer_entity (entity_id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, dob date DEFAULT NULL,
  created_at datetime NOT NULL DEFAULT '0000-00-00 00:00:00') ENGINE=InnoDB;
INSERT INTO customer_entity VALUES (1, '0000-00-00', '2024-01-01 00:00:00'), (2, '1990-00-00', '0000-00-00 00:00:00'), (3, NULL, '2024-01-02 00:00:00');
-- URL rewrites: a unique key on a prefix of a long request path.
CREATE TABLE url_rewrite (url_rewrite_id int(10) unsigned NOT NULL AUTO_INCREMENT, entity_type varchar(32) NOT NULL, entity_id int(10) unsigned NOT NULL,
  request_path varchar(512) DEFAULT NULL, target_path varchar(512) DEFAULT NULL, store_id smallint(5) unsigned NOT NULL,
  PRIMARY KEY (url_rewrite_id), UNIQUE KEY URL_REWRITE_REQUEST_PATH_STORE_ID (request_path(191), store_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO url_rewrite VALUES (1, 'product', 1, 'joust-duffle-bag.html', 'catalog/product/view/id/1', 1),
  (2, 'product', 1, CONCAT(REPEAT('a', 191), '-1.html'), 'x', 1), (3, 'product', 2, CONCAT(REPEAT('a', 191), '-1.html'), 'y', 2),
  (4, 'category', 3, 'ümlaut/😀.html', 'c/3', 1);
-- Store locator: spatial column with a SPATIAL index.
CREATE TABLE inventory_source (source_code varchar(255) NOT NULL, name varchar(255) NOT NULL, location POINT NOT NULL, area POLYGON DEFAULT NULL,
  PRIMARY KEY (source_code), SPATIAL KEY INVENTORY_SOURCE_LOCATION (location)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO inventory_source VALUES ('default', 'Default Source', ST_GeomFromText('POINT(13.4 52.5)'), NULL),
  ('😀-berlin', 'Berlin 😀', ST_GeomFromText('POINT(-0.0001 0)'), ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))'));
-- Supplementary characters as keys in a binary and a UCA 5.2 collation.
CREATE TABLE emoji_tag (tag varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, tag520 varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci, UNIQUE KEY (tag520)) ENGINE=InnoDB;
INSERT INTO emoji_tag VALUES ('😀', '😀'), ('😁', '😁'), ('𝔘', '𝔘'), ('a', 'b');
