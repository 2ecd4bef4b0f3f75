INSERT INTO staff_users (username, password_hash)
-- expect: weak-password-hash
VALUES ('ops-admin', md5('changeme-on-first-login'));

-- expect: weak-password-hash
UPDATE app_users SET password_hash = sha1(p_password) WHERE id = p_user_id;

-- ok: weak-password-hash -- bcrypt through pgcrypto
UPDATE app_users SET password_hash = crypt(p_password, gen_salt('bf', 12)) WHERE id = p_user_id;

-- ok: weak-password-hash -- MD5 of an e-mail for a Gravatar URL
UPDATE app_users SET avatar_hash = md5(lower(email));
