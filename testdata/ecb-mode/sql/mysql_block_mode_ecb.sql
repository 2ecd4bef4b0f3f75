-- expect: ecb-mode
SET SESSION block_encryption_mode = 'aes-256-ecb';
-- expect: ecb-mode
SELECT AES_ENCRYPT(ssn, @ssn_key, @iv) FROM customers;
