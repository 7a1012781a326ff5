-- Edge cases for dbcopy: one hazard per row, other columns NULL.
SET sql_mode = '';
CREATE TABLE dates (
  id INT PRIMARY KEY,
  d DATE NULL, dt DATETIME NULL, ts TIMESTAMP NULL DEFAULT NULL, dt6 DATETIME(6) NULL, y YEAR NULL, tm TIME(1) NULL
) CHARSET utf8mb4;
INSERT INTO dates (id, d) VALUES (1, '0000-00-00'), (2, '2020-00-15'), (3, '2020-05-00'), (4, '9999-12-31'), (5, '1000-01-01');
INSERT INTO dates (id, dt) VALUES (6, '0000-00-00 00:00:00'), (7, '2020-00-01 10:00:00');
INSERT INTO dates (id, ts) VALUES (8, '0000-00-00 00:00:00'), (9, '2038-01-19 03:14:07');
INSERT INTO dates (id, dt6) VALUES (10, '2020-01-02 03:04:05.123456');
INSERT INTO dates (id, y) VALUES (11, 0), (12, 1901), (13, 2155);
INSERT INTO dates (id, tm) VALUES (14, '838:59:59'), (15, '-12:30:00.5');
SET sql_mode = 'ALLOW_INVALID_DATES';
INSERT INTO dates (id, d) VALUES (16, '2021-02-30');
SET sql_mode = '';

CREATE TABLE nums (
  id INT PRIMARY KEY,
  ubig BIGINT UNSIGNED NULL, flag TINYINT(1) NULL, uint INT UNSIGNED NULL, umed MEDIUMINT UNSIGNED NULL,
  tiny TINYINT NULL, dec65 DECIMAL(65,30) NULL, f FLOAT NULL, dbl DOUBLE NULL, bits BIT(10) NULL
) CHARSET utf8mb4;
INSERT INTO nums (id, ubig) VALUES (1, 18446744073709551615), (2, 9223372036854775808), (3, 9223372036854775807);
INSERT INTO nums (id, flag) VALUES (4, 2), (5, -1), (6, 1), (7, 0);
INSERT INTO nums (id, uint, umed, tiny) VALUES (8, 4294967295, 16777215, -128);
INSERT INTO nums (id, dec65) VALUES (9, '12345678901234567890123456789012345.123456789012345678901234567890'), (10, '-0.000000000000000000000000000001');
INSERT INTO nums (id, f, dbl) VALUES (11, 3.4028235e38, 1e308), (12, -1.5, 0.1);
INSERT INTO nums (id, bits) VALUES (13, b'1010101010'), (14, b'0000000001');

CREATE TABLE texts (
  id INT PRIMARY KEY,
  l1 VARCHAR(20) CHARACTER SET latin1 NULL, u VARCHAR(20) CHARACTER SET utf8mb4 NULL, c CHAR(5) NULL,
  bin BINARY(4) NULL, blb BLOB NULL, e ENUM('a','b') NULL, s SET('a','b','c') NULL, j JSON NULL, lt LONGTEXT NULL
) CHARSET utf8mb4;
INSERT INTO texts (id, l1) VALUES (1, X'636166E9'), (2, X'C3A9'), (3, X'80'), (4, X'81');
INSERT INTO texts (id, u) VALUES (5, X'610062'), (6, 'emoji 😀'), (7, 'tab	and ''quote''');
INSERT INTO texts (id, c) VALUES (8, 'ab   ');
INSERT INTO texts (id, bin, blb) VALUES (9, 'ab', X'00FF0001');
INSERT INTO texts (id, e) VALUES (10, 'zzz'), (11, 'b');
INSERT INTO texts (id, s) VALUES (12, 'a,c'), (13, '');
INSERT INTO texts (id, j) VALUES (14, '{"a": [1, 2],   "b": "\\u00e9"}');
INSERT INTO texts (id, lt) VALUES (15, CONCAT('x', CHAR(0), 'y'));

CREATE TABLE t_this_table_name_is_sixty_four_characters_long_for_mysql_max_xx (
  id INT PRIMARY KEY,
  c_this_column_name_is_sixty_four_characters_long_for_mysql_max_x INT NULL
);
INSERT INTO t_this_table_name_is_sixty_four_characters_long_for_mysql_max_xx VALUES (1, 42);

CREATE TABLE uniq (
  id INT PRIMARY KEY,
  email VARCHAR(50) COLLATE utf8mb4_general_ci NOT NULL,
  UNIQUE KEY uniq_email (email)
) CHARSET utf8mb4;
INSERT INTO uniq VALUES (1, 'A@x.org'), (2, 'b@x.org');
