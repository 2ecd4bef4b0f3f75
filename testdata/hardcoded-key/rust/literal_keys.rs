use aes_gcm::aead::KeyInit;
use aes_gcm::{Aes256Gcm, Key};
use chacha20poly1305::ChaCha20Poly1305;
use hex_literal::hex;
use openssl::symm::{Cipher, Crypter, Mode};

const MASTER_KEY: &[u8; 32] = b"0f4e2a91c7d8b3e65a19f0c2d4b7e8a1";

pub fn config_cipher() -> Aes256Gcm {
    // expect: hardcoded-key
    Aes256Gcm::new_from_slice(MASTER_KEY).unwrap()
}

pub fn session_cipher() -> ChaCha20Poly1305 {
    // expect: hardcoded-key
    let key = Key::<ChaCha20Poly1305>::from_slice(&hex!("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    ChaCha20Poly1305::new(key)
}

pub fn crypter(iv: &[u8]) -> Result<Crypter, openssl::error::ErrorStack> {
    // expect: hardcoded-key
    Crypter::new(Cipher::aes_256_cbc(), Mode::Encrypt, b"an-embedded-secret-key-32-bytes!", Some(iv))
}

pub fn from_env() -> Option<Aes256Gcm> {
    let key = hex::decode(std::env::var("SEALER_KEY_HEX").ok()?).ok()?;
    // ok: hardcoded-key -- the key comes from the environment
    Aes256Gcm::new_from_slice(&key).ok()
}

pub fn from_file(path: &str) -> Option<Aes256Gcm> {
    let key = std::fs::read(path).ok()?;
    // ok: hardcoded-key -- the key is read from a file
    Aes256Gcm::new_from_slice(&key).ok()
}

mod secrets {
    pub const SIGNING_KEY: [u8; 32] = [7u8; 32];
}

pub fn module_constant() -> Aes256Gcm {
    // expect: hardcoded-key
    let key = Key::<Aes256Gcm>::from_slice(&secrets::SIGNING_KEY);
    Aes256Gcm::new(key)
}
