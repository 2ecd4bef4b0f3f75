-- ok: ecb-mode -- CBC chosen for the session
SET block_encryption_mode = 'aes-256-cbc';
-- ok: ecb-mode -- runs in the CBC mode set above, with an IV
SELECT AES_ENCRYPT(ssn, @ssn_key, @iv) FROM customers;
