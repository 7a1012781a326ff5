-- WordPress + WooCommerce (h-db4): PHP-serialized objects with NUL bytes,
-- HPOS order tables, and what was already right there (kept so that it
-- stays right).
SET sql_mode = 'NO_AUTO_VALUE_ON_ZERO';
CREATE TABLE wp_options (option_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, option_name varchar(191) NOT NULL DEFAULT '', option_value longtext NOT NULL, autoload varchar(20) NOT NULL DEFAULT 'yes', PRIMARY KEY (option_id), UNIQUE KEY option_name (option_name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
-- serialize() of an object with a protected property writes "\0*\0name".
INSERT INTO wp_options VALUES (1, 'siteurl', 'https://example.com', 'yes'), (2, '_transient_obj', CONCAT('O:8:"stdClass":1:{s:6:"', CHAR(0), '*', CHAR(0), 'foo";i:1;}'), 'no');
CREATE TABLE wp_postmeta (meta_id bigint(20) unsigned NOT NULL AUTO_INCREMENT, post_id bigint(20) unsigned NOT NULL DEFAULT 0, meta_key varchar(255) DEFAULT NULL, meta_value longtext, PRIMARY KEY (meta_id), KEY meta_key (meta_key(191))) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
INSERT INTO wp_postmeta (post_id, meta_key, meta_value) VALUES (1, '_product_attributes', 'a:1:{s:5:"color";s:11:"red | blüe";}'), (1, NULL, NULL), (2, 'big', REPEAT('wörd 😀 ', 20000));
CREATE TABLE wp_wc_orders (id bigint(20) unsigned NOT NULL, currency varchar(10), total_amount decimal(26,8), date_created_gmt datetime, customer_note text, PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO wp_wc_orders VALUES (10, 'EUR', -99999999999999999.99999999, '2024-03-31 02:30:00', 'Bitte 🚪 klingeln\r\n'), (11, 'JPY', 0.00000001, NULL, '');
CREATE TABLE wp_wc_order_addresses (id bigint(20) unsigned auto_increment PRIMARY KEY, order_id bigint(20) unsigned NOT NULL, address_type varchar(20), UNIQUE KEY address_type_order_id (address_type, order_id)) ENGINE=InnoDB;
INSERT INTO wp_wc_order_addresses VALUES (1, 10, 'billing'), (2, 11, NULL), (3, 11, NULL);
