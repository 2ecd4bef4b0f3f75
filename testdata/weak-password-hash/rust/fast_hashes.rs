use sha2::{Digest, Sha256};

pub fn store_password(password: &str) -> String {
    // expect: weak-password-hash
    format!("{:x}", md5::compute(password.as_bytes()))
}

pub fn store_password_sha(password: &str) -> Vec<u8> {
    // expect: weak-password-hash
    Sha256::digest(password.as_bytes()).to_vec()
}

pub fn store_password_hasher(password: &str) -> Vec<u8> {
    let mut hasher = Sha256::new();
    // expect: weak-password-hash
    hasher.update(password.as_bytes());
    hasher.finalize().to_vec()
}

pub fn checksum(file_bytes: &[u8]) -> Vec<u8> {
    // ok: weak-password-hash -- a file checksum
    Sha256::digest(file_bytes).to_vec()
}

pub fn gravatar(email: &str) -> String {
    // ok: weak-password-hash -- md5 of an email for a Gravatar URL
    format!("{:x}", md5::compute(email.trim().to_lowercase()))
}

pub fn chained(user: &str, password: &str) -> Vec<u8> {
    // expect: weak-password-hash
    md5::Md5::new().chain_update(user).chain_update(password).finalize().to_vec()
}

pub fn typed_hasher(hasher: &mut sha1::Sha1, password: &str) {
    // expect: weak-password-hash
    hasher.update(password.as_bytes());
}

pub fn argon(password: &str, salt: &argon2::password_hash::SaltString) -> Option<String> {
    use argon2::PasswordHasher;
    // ok: weak-password-hash -- Argon2 is a password hash
    argon2::Argon2::default().hash_password(password.as_bytes(), salt).ok().map(|h| h.to_string())
}

pub fn fingerprint_of_stored_hash(encrypted_password: &str) -> Vec<u8> {
    // todo-ok: weak-password-hash -- already encrypted, not the password itself
    md5::Md5::digest(encrypted_password).to_vec()
}
