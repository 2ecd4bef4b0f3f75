-- expect: ecb-mode
UPDATE customers SET ssn_enc = AES_ENCRYPT(ssn, @ssn_key) WHERE ssn_enc IS NULL;
-- ok: ecb-mode -- ORDER BY ... DESC is not DES or ECB
SELECT id, description FROM customers ORDER BY created_at DESC;
-- expect: ecb-mode
SELECT encrypt(convert_to(note, 'UTF8'), decode(current_setting('app.note_key'), 'hex'), 'aes-ecb/pad:pkcs');
-- ok: ecb-mode -- pgcrypto defaults to CBC
SELECT encrypt(convert_to(note, 'UTF8'), decode(current_setting('app.note_key'), 'hex'), 'aes');
