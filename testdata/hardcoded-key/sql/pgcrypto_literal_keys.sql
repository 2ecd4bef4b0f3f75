CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE OR REPLACE FUNCTION encrypt_ssn() RETURNS trigger AS $$
BEGIN
    -- expect: hardcoded-key
    NEW.ssn_encrypted := pgp_sym_encrypt(NEW.ssn_plain, 'Pa55-for-SSN-column-2023');
    NEW.ssn_plain := NULL;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION seal_note(note TEXT) RETURNS BYTEA AS $$
    -- ok: hardcoded-key -- the passphrase is a server setting, not in the file
    SELECT pgp_sym_encrypt(note, current_setting('app.notes_passphrase'), 'cipher-algo=aes256');
$$ LANGUAGE sql;

-- expect: hardcoded-key
SELECT AES_ENCRYPT(card_number, 'k3y-for-cards-2024!', RANDOM_BYTES(16)) FROM staging_cards;
