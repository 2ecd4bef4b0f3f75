use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng};
use aes_gcm::{Aes256Gcm, Nonce};
use cbc::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyIvInit};
use generic_array::GenericArray;

const IV: [u8; 16] = [0u8; 16];

pub fn seal(cipher: &Aes256Gcm, data: &[u8]) -> Result<Vec<u8>, aes_gcm::Error> {
    // expect: static-iv
    let nonce = Nonce::from_slice(b"unique nonce");
    cipher.encrypt(nonce, data)
}

pub fn seal_zero(key: &[u8; 32], data: &[u8]) -> Result<Vec<u8>, aes_gcm::Error> {
    let cipher = Aes256Gcm::new(key.into());
    // expect: static-iv
    cipher.encrypt(GenericArray::from_slice(&[0u8; 12]), data)
}

pub fn seal_random(cipher: &Aes256Gcm, data: &[u8]) -> Result<Vec<u8>, aes_gcm::Error> {
    // ok: static-iv -- a fresh random nonce
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    cipher.encrypt(&nonce, data)
}

pub fn cbc_fixed(key: &[u8; 16], data: &[u8]) -> Vec<u8> {
    // expect: static-iv
    cbc::Encryptor::<aes::Aes128>::new(key.into(), &IV.into()).encrypt_padded_vec_mut::<Pkcs7>(data)
}

pub fn cbc_random(key: &[u8; 16], iv: &[u8; 16], data: &[u8]) -> Vec<u8> {
    // ok: static-iv -- the IV comes from the caller
    cbc::Encryptor::<aes::Aes128>::new(key.into(), iv.into()).encrypt_padded_vec_mut::<Pkcs7>(data)
}

pub fn openssl_fixed(key: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // expect: static-iv
    openssl::symm::encrypt(openssl::symm::Cipher::aes_256_cbc(), key, Some(b"0000000000000000"), data)
}

pub fn zero_nonce(cipher: &Aes256Gcm, data: &[u8]) -> Result<Vec<u8>, aes_gcm::Error> {
    let nonce = Nonce::default();
    // expect: static-iv
    cipher.encrypt(&nonce, data)
}

pub fn ring_seal(key: &ring::aead::LessSafeKey, data: &mut Vec<u8>) -> Result<(), ring::error::Unspecified> {
    // expect: static-iv
    let nonce = ring::aead::Nonce::assume_unique_for_key([0u8; 12]);
    key.seal_in_place_append_tag(nonce, ring::aead::Aad::empty(), data)
}

pub fn ring_counter(key: &ring::aead::LessSafeKey, counter: u64, data: &mut Vec<u8>) -> Result<(), ring::error::Unspecified> {
    let mut bytes = [0u8; 12];
    bytes[4..].copy_from_slice(&counter.to_be_bytes());
    // ok: static-iv -- a counter nonce, different for every message
    let nonce = ring::aead::Nonce::assume_unique_for_key(bytes);
    key.seal_in_place_append_tag(nonce, ring::aead::Aad::empty(), data)
}

pub struct Vault {
    cipher: Aes256Gcm,
}

impl Vault {
    pub fn seal(&self, data: &[u8]) -> Result<Vec<u8>, aes_gcm::Error> {
        // expect: static-iv
        self.cipher.encrypt(GenericArray::from_slice(b"fixed nonce!"), data)
    }
}

pub fn padded_nonce(cipher: &Aes256Gcm, iv: &[u8; 8], data: &[u8]) -> Result<Vec<u8>, aes_gcm::Error> {
    let mut padded = Nonce::default();
    padded[4..].copy_from_slice(iv);
    // ok: static-iv -- the zeroed buffer is filled from the caller's IV before use
    cipher.encrypt(&padded, data)
}
