CREATE TABLE customers (
    id                BIGSERIAL PRIMARY KEY,
    -- expect: sensitive-data-unencrypted
    ssn               VARCHAR(11) NOT NULL,
    -- expect: sensitive-data-unencrypted
    tax_id            TEXT,
    -- expect: sensitive-data-unencrypted
    passport_number   VARCHAR(20),
    -- ok: sensitive-data-unencrypted -- the expiry date of a passport is not its number
    passport_expiry   DATE,
    -- ok: sensitive-data-unencrypted -- a flag, not the number
    ssn_verified      BOOLEAN NOT NULL DEFAULT false,
    -- ok: sensitive-data-unencrypted -- a keyed hash for lookups
    ssn_hash          CHAR(64),
    -- ok: sensitive-data-unencrypted -- ciphertext
    national_id_encrypted BYTEA,
    -- ok: sensitive-data-unencrypted -- a description is not a diagnosis
    description       TEXT,
    -- ok: sensitive-data-unencrypted -- a company name; `pan` only as a whole word
    company           TEXT,
    -- ok: sensitive-data-unencrypted -- a rate, not a tax id
    tax_rate          NUMERIC(5, 2),
    -- ok: sensitive-data-unencrypted -- an amount
    tax_amount        NUMERIC(12, 2),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE payment_cards (
    id             BIGSERIAL PRIMARY KEY,
    customer_id    BIGINT NOT NULL REFERENCES customers (id),
    -- expect: sensitive-data-unencrypted
    card_number    VARCHAR(19) NOT NULL,
    -- expect: sensitive-data-unencrypted
    cvv            CHAR(4),
    -- ok: sensitive-data-unencrypted -- the last four digits may be shown
    card_last4     CHAR(4),
    -- ok: sensitive-data-unencrypted -- the processor's token
    pan_token      VARCHAR(64),
    -- ok: sensitive-data-unencrypted -- a fingerprint to spot duplicates
    card_fingerprint VARCHAR(64),
    -- ok: sensitive-data-unencrypted -- a reference to the processor's payment method
    payment_method_id VARCHAR(64),
    -- ok: sensitive-data-unencrypted -- a span of pages is not a PAN
    span           INT,
    -- ok: sensitive-data-unencrypted -- `expand` holds no `pan` word
    expand         BOOLEAN
);

CREATE TABLE bank_accounts (
    id             BIGSERIAL PRIMARY KEY,
    -- expect: sensitive-data-unencrypted
    iban           VARCHAR(34),
    -- expect: sensitive-data-unencrypted
    account_number VARCHAR(17),
    -- expect: sensitive-data-unencrypted
    routing_number CHAR(9),
    -- ok: sensitive-data-unencrypted -- the kind of account
    account_type   VARCHAR(16),
    -- ok: sensitive-data-unencrypted -- a foreign key
    account_id     BIGINT REFERENCES accounts (id)
);

CREATE TABLE branches (
    id             BIGSERIAL PRIMARY KEY,
    -- ok: sensitive-data-unencrypted -- a bank's routing number is public without an account beside it
    routing_number CHAR(9)
);

-- expect: sensitive-data-unencrypted
ALTER TABLE customers ADD COLUMN national_id VARCHAR(32);
-- ok: sensitive-data-unencrypted -- an integer key of another table
ALTER TABLE customers ADD COLUMN diagnosis_code_id BIGINT;
