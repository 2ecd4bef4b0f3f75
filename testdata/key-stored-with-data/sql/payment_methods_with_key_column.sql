CREATE TABLE customer_payment_methods (
    id                        BIGSERIAL PRIMARY KEY,
    customer_id               BIGINT NOT NULL REFERENCES customers (id),
    pan_encrypted             BYTEA NOT NULL,
    billing_address_encrypted BYTEA,
    -- expect: key-stored-with-data
    encryption_key            BYTEA NOT NULL,
    iv                        BYTEA NOT NULL,
    created_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
    id             BIGSERIAL PRIMARY KEY,
    tax_id_encrypted BYTEA NOT NULL,
    -- ok: key-stored-with-data -- a KMS key id, not the key
    kms_key_id     TEXT NOT NULL,
    -- ok: key-stored-with-data -- a KMS-wrapped data key (envelope encryption)
    encrypted_data_key BYTEA NOT NULL,
    description    TEXT
);

CREATE TABLE documents (
    id            BIGSERIAL PRIMARY KEY,
    body_ciphertext BYTEA NOT NULL
);
-- expect: key-stored-with-data
ALTER TABLE documents ADD COLUMN data_key BYTEA;

-- ok: key-stored-with-data -- a view that sorts by DESC mentions nothing of keys
CREATE VIEW recent_accounts AS
    SELECT id, description FROM accounts ORDER BY id DESC LIMIT 100;
