-- MySQL
CREATE TABLE `orders` (
  `id` INT NOT NULL AUTO_INCREMENT,
  -- expect: sensitive-data-unencrypted
  `ccnum` VARCHAR(19) NOT NULL,
  -- expect: sensitive-data-unencrypted
  `CVC` INT,
  -- expect: sensitive-data-unencrypted
  `cvv_encrypted` VARBINARY(64),
  -- ok: sensitive-data-unencrypted -- ciphertext of the card number
  `pan_enc` VARBINARY(255),
  PRIMARY KEY (`id`)
);

-- Oracle
CREATE TABLE employees (
  emp_id NUMBER PRIMARY KEY,
  -- expect: sensitive-data-unencrypted
  social_security_number VARCHAR2(11),
  -- expect: sensitive-data-unencrypted
  BankAccountNo NVARCHAR2(34)
);

-- SQL Server
CREATE TABLE dbo.Patients (
  PatientId INT IDENTITY PRIMARY KEY,
  -- expect: sensitive-data-unencrypted
  Diagnosis NVARCHAR(MAX),
  -- ok: sensitive-data-unencrypted -- the date of a diagnosis, not the diagnosis
  DiagnosisDate DATE,
  -- ok: sensitive-data-unencrypted -- stored encrypted by the database
  PassportNo VARBINARY(256)
);

-- SQLite
CREATE TABLE IF NOT EXISTS members (
  id INTEGER PRIMARY KEY,
  -- ok: sensitive-data-unencrypted -- `pancake` is not `pan`
  pancake_recipe TEXT,
  -- ok: sensitive-data-unencrypted -- a flag
  has_ssn INTEGER,
  -- expect: sensitive-data-unencrypted
  creditCardNumber TEXT
);
