-- h-db14's unseen MariaDB schema: a hospital's appointments and billing.
-- Composite keys (department, room), a composite foreign key, ENUMs with
-- odd members, JSON columns, STORED and VIRTUAL generated columns, a
-- trigger, utf8mb4 emoji and combining marks, DECIMAL money, TIME
-- durations, tinyint(1) flags compared with numbers in views, and views
-- of the kinds a billing report uses (GROUP_CONCAT, IFNULL,
-- DATE_FORMAT, IF, COUNT of a condition, derived tables).
SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION';

CREATE TABLE department (
  code CHAR(4) NOT NULL PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  floor TINYINT NOT NULL DEFAULT 0,
  is_open TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE room (
  dept_code CHAR(4) NOT NULL,
  room_no SMALLINT UNSIGNED NOT NULL,
  kind ENUM('exam','surgery','ward','imaging') NOT NULL DEFAULT 'exam',
  beds TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (dept_code, room_no),
  CONSTRAINT fk_room_dept FOREIGN KEY (dept_code) REFERENCES department (code) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE patient (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  mrn VARCHAR(12) NOT NULL,
  given_name VARCHAR(60) NOT NULL,
  family_name VARCHAR(60) NOT NULL,
  full_name VARCHAR(121) AS (CONCAT(given_name, ' ', family_name)) VIRTUAL,
  born DATE NOT NULL,
  sex ENUM('F','M','X','') NOT NULL DEFAULT '',
  allergies JSON NULL CHECK (JSON_VALID(allergies)),
  note TEXT NULL,
  deceased TINYINT(1) NOT NULL DEFAULT 0,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_patient_mrn (mrn)
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE clinician (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dept_code CHAR(4) NOT NULL,
  name VARCHAR(100) NOT NULL,
  role ENUM('doctor','nurse','therapist') NOT NULL,
  rate_per_hour DECIMAL(8,2) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  KEY ix_clin_dept (dept_code),
  CONSTRAINT fk_clin_dept FOREIGN KEY (dept_code) REFERENCES department (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE appointment (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  patient_id INT UNSIGNED NOT NULL,
  clinician_id INT NOT NULL,
  dept_code CHAR(4) NOT NULL,
  room_no SMALLINT UNSIGNED NULL,
  starts_at DATETIME NOT NULL,
  duration TIME NOT NULL DEFAULT '00:30:00',
  ends_at DATETIME AS (starts_at + INTERVAL TIME_TO_SEC(duration) SECOND) STORED,
  status ENUM('booked','checked-in','done','no-show','cancelled') NOT NULL DEFAULT 'booked',
  reason VARCHAR(255) NULL,
  vitals JSON NULL,
  is_telehealth TINYINT(1) NOT NULL DEFAULT 0,
  KEY ix_appt_room (dept_code, room_no),
  KEY ix_appt_start (starts_at),
  CONSTRAINT fk_appt_patient FOREIGN KEY (patient_id) REFERENCES patient (id) ON DELETE CASCADE,
  CONSTRAINT fk_appt_clin FOREIGN KEY (clinician_id) REFERENCES clinician (id),
  CONSTRAINT fk_appt_room FOREIGN KEY (dept_code, room_no) REFERENCES room (dept_code, room_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invoice (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  appointment_id BIGINT NOT NULL,
  issued_on DATE NOT NULL,
  net DECIMAL(10,2) NOT NULL,
  vat_rate DECIMAL(4,3) NOT NULL DEFAULT 0.000,
  gross DECIMAL(12,2) AS (ROUND(net * (1 + vat_rate), 2)) STORED,
  paid DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  currency CHAR(3) NOT NULL DEFAULT 'EUR',
  UNIQUE KEY uq_inv_appt (appointment_id),
  CONSTRAINT fk_inv_appt FOREIGN KEY (appointment_id) REFERENCES appointment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE invoice_line (
  invoice_id INT NOT NULL,
  line_no TINYINT UNSIGNED NOT NULL,
  code VARCHAR(16) NOT NULL,
  qty SMALLINT NOT NULL DEFAULT 1,
  unit_price DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (invoice_id, line_no),
  CONSTRAINT fk_line_inv FOREIGN KEY (invoice_id) REFERENCES invoice (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE audit (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tbl VARCHAR(32) NOT NULL,
  row_id BIGINT NOT NULL,
  what VARCHAR(200) NOT NULL,
  at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

DELIMITER ;;
CREATE TRIGGER trg_appt_status AFTER UPDATE ON appointment FOR EACH ROW
BEGIN
  IF NEW.status <> OLD.status THEN
    INSERT INTO audit (tbl, row_id, what) VALUES ('appointment', NEW.id, CONCAT(OLD.status, ' -> ', NEW.status));
  END IF;
END;;
DELIMITER ;

INSERT INTO department VALUES ('CARD', 'Cardiology ❤️', 2, 1), ('ORTH', 'Orthopädie', 1, 1), ('PEDS', 'Pediatrics 🧸', 3, 0), ('RADI', 'Radiology', -1, 1);
INSERT INTO room VALUES ('CARD', 201, 'exam', 0), ('CARD', 202, 'ward', 4), ('ORTH', 101, 'surgery', 1), ('ORTH', 65535, 'exam', 0), ('RADI', 1, 'imaging', 0);
INSERT INTO patient (id, mrn, given_name, family_name, born, sex, allergies, note, deceased, created_at) VALUES
  (1001, 'MRN-0001', 'Zoë', 'Ångström', '1985-02-28', 'F', '["penicillin", "latex"]', 'Prefers morning 🌅 slots', 0, '2024-01-05 09:00:00'),
  (1002, 'MRN-0002', 'José', 'Núñez', '1950-12-31', 'M', '[]', NULL, 1, '2024-01-06 10:30:00'),
  (1003, 'MRN-0003', 'Ngọc', 'Trần', '2020-02-29', 'X', NULL, 'Parent: "Minh" \\ guardian', 0, '2024-02-29 23:59:59'),
  (1004, 'MRN-0004', 'A', 'B', '1900-01-01', '', '{"severity": {"peanut": 3}, "since": 1999}', '', 0, '2024-03-31 01:00:00'),
  (1010, 'mrn-0010', 'Ели́завета', 'Смирнова', '1999-07-14', 'F', '["ибупрофен"]', 'e\u0301 combining', 0, '2024-06-30 12:00:00');
INSERT INTO clinician VALUES (1, 'CARD', 'Dr. Heart', 'doctor', 180.00, 1), (2, 'ORTH', 'Nurse Bones', 'nurse', 55.50, 1),
  (3, 'RADI', 'Dr. Ray', 'doctor', 210.75, 0), (4, 'CARD', 'Pat Physio', 'therapist', 70.00, 1);
INSERT INTO appointment (id, patient_id, clinician_id, dept_code, room_no, starts_at, duration, status, reason, vitals, is_telehealth) VALUES
  (1, 1001, 1, 'CARD', 201, '2024-03-01 09:00:00', '00:30:00', 'done', 'Chest pain 💔', '{"bp": "120/80", "hr": 72}', 0),
  (2, 1001, 4, 'CARD', 202, '2024-03-02 23:45:00', '01:30:00', 'done', NULL, NULL, 0),
  (3, 1002, 2, 'ORTH', 101, '2024-03-03 14:00:00', '02:00:00', 'cancelled', 'Knee', NULL, 0),
  (4, 1003, 1, 'CARD', NULL, '2024-03-04 08:15:00', '00:20:00', 'no-show', 'Follow-up', '{"hr": null}', 1),
  (5, 1004, 3, 'RADI', 1, '2024-12-31 23:30:00', '00:45:00', 'booked', 'X-ray, left arm', NULL, 0),
  (6, 1010, 2, 'ORTH', 65535, '2024-02-29 12:00:00', '00:30:00', 'checked-in', '', '{"temp_c": 37.55}', 1),
  (7, 1003, 4, 'CARD', 201, '2024-03-04 10:00:00', '00:30:00', 'done', 'Physio', NULL, 0);
INSERT INTO invoice (id, appointment_id, issued_on, net, vat_rate, paid, currency) VALUES
  (1, 1, '2024-03-01', 90.00, 0.190, 107.10, 'EUR'), (2, 2, '2024-03-03', 105.00, 0.000, 0.00, 'EUR'),
  (3, 7, '2024-03-04', 35.00, 0.070, 10.00, 'CHF'), (4, 6, '2024-02-29', 0.01, 0.190, 0.00, 'EUR');
INSERT INTO invoice_line VALUES (1, 1, 'CONS-30', 1, 90.00), (2, 1, 'OBS-H', 1, 75.00), (2, 2, 'MEDS', 3, 10.00),
  (3, 1, 'PHYS', 1, 35.00), (4, 255, 'ADMIN', 1, 0.01);
UPDATE appointment SET status = 'done' WHERE id = 6;

CREATE VIEW v_patient_summary AS
  SELECT p.id, p.full_name, DATE_FORMAT(p.born, '%d.%m.%Y') AS born_de,
         IFNULL(p.note, '(none)') AS note, COUNT(a.id) AS visits,
         SUM(a.status = 'done') AS done, SUM(a.is_telehealth) AS tele,
         GROUP_CONCAT(DISTINCT a.dept_code ORDER BY a.dept_code SEPARATOR '/') AS depts
  FROM patient p LEFT JOIN appointment a ON a.patient_id = p.id
  GROUP BY p.id, p.full_name, p.born, p.note;

CREATE VIEW v_open_balance AS
  SELECT i.id, i.currency, i.gross - i.paid AS due, i.paid >= i.gross AS settled,
         DATE_FORMAT(i.issued_on, '%Y-%m') AS month
  FROM invoice i WHERE i.paid < i.gross;

CREATE VIEW v_dept_load AS
  SELECT d.code, d.name, IF(d.is_open = 1, 'open', 'closed') AS state,
         COUNT(a.id) AS appts, IFNULL(SUM(TIME_TO_SEC(a.duration)) / 3600, 0) AS hours
  FROM department d LEFT JOIN appointment a ON a.dept_code = d.code AND a.status <> 'cancelled'
  GROUP BY d.code, d.name, d.is_open;

CREATE VIEW v_active_clinicians AS
  SELECT c.id, c.name, c.role FROM clinician c WHERE c.active = 1 AND c.role IN ('doctor', 'therapist');

CREATE VIEW v_day_sheet AS
  SELECT a.id, DATE_FORMAT(a.starts_at, '%Y-%m-%d %H:%i') AS start, DATE_FORMAT(a.ends_at, '%H:%i') AS end_time,
         a.status, CONCAT(a.dept_code, '-', IFNULL(a.room_no, '?')) AS place, x.late
  FROM appointment a
  JOIN (SELECT id, starts_at >= '2024-03-02' AS late FROM appointment) x ON x.id = a.id
  WHERE x.late AND a.is_telehealth = 0;

CREATE VIEW v_line_totals AS
  SELECT l.invoice_id, COUNT(*) AS n_lines, SUM(l.qty * l.unit_price) AS total,
         GROUP_CONCAT(l.code ORDER BY l.line_no SEPARATOR ', ') AS codes
  FROM invoice_line l GROUP BY l.invoice_id HAVING total > 0;
