use aes::cipher::{block_padding::Pkcs7, BlockDecryptMut, BlockEncryptMut, KeyInit};
use openssl::symm::{decrypt, Cipher};

type Aes128EcbDec = ecb::Decryptor<aes::Aes128>;

pub fn token(key: &[u8; 32], pan: &[u8]) -> Vec<u8> {
    // expect: ecb-mode
    ecb::Encryptor::<aes::Aes256>::new(key.into()).encrypt_padded_vec_mut::<Pkcs7>(pan)
}

pub fn untoken(key: &[u8; 16], data: &[u8]) -> Option<Vec<u8>> {
    // expect: ecb-mode
    Aes128EcbDec::new(key.into()).decrypt_padded_vec_mut::<Pkcs7>(data).ok()
}

pub fn legacy_decrypt(key: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // expect: ecb-mode
    decrypt(Cipher::aes_128_ecb(), key, None, data)
}

pub fn modern(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ok: ecb-mode -- CBC with an IV from the caller
    decrypt(Cipher::aes_128_cbc(), key, Some(iv), data)
}

/// Reference rates from the ECB (European Central Bank) feed.
pub struct EcbRates {
    pub description: String,
}
