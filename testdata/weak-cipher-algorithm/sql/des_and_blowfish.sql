-- expect: weak-cipher-algorithm
SELECT DES_ENCRYPT(card_number, @des_key) FROM cards;
-- expect: weak-cipher-algorithm
SELECT encrypt(data, decode(current_setting('app.k'), 'hex'), 'bf-cbc') FROM blobs;
-- expect: weak-cipher-algorithm
SELECT pgp_sym_encrypt(note, current_setting('app.pass'), 'cipher-algo=3des');
-- ok: weak-cipher-algorithm -- AES-256
SELECT pgp_sym_encrypt(note, current_setting('app.pass'), 'cipher-algo=aes256');
-- ok: weak-cipher-algorithm -- a DESCRIPTION column is not DES
SELECT description FROM products ORDER BY price DESC;
