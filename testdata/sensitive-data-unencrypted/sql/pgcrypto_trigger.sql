CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE patients (
    id        BIGSERIAL PRIMARY KEY,
    -- ok: sensitive-data-unencrypted -- the table's own trigger encrypts it with pgcrypto
    diagnosis TEXT NOT NULL,
    -- expect: sensitive-data-unencrypted
    ssn       TEXT NOT NULL
);

CREATE FUNCTION patients_encrypt() RETURNS trigger AS $$
BEGIN
    NEW.diagnosis := encode(pgp_sym_encrypt(NEW.diagnosis, current_setting('app.key')), 'base64');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER patients_encrypt BEFORE INSERT OR UPDATE ON patients
    FOR EACH ROW EXECUTE FUNCTION patients_encrypt();
