use cbc::cipher::{block_padding::Pkcs7, BlockEncryptMut, KeyIvInit};
use des::TdesEde3;
use openssl::symm::{encrypt, Cipher};
use rc4::{consts::U16, KeyInit, Rc4, StreamCipher};

pub fn batch(key: &[u8; 24], iv: &[u8; 8], data: &[u8]) -> Vec<u8> {
    // expect: weak-cipher-algorithm
    cbc::Encryptor::<TdesEde3>::new(key.into(), iv.into()).encrypt_padded_vec_mut::<Pkcs7>(data)
}

type DesCbc = cbc::Encryptor<des::Des>;

pub fn through_alias(key: &[u8; 8], iv: &[u8; 8], data: &[u8]) -> Vec<u8> {
    // expect: weak-cipher-algorithm
    DesCbc::new(key.into(), iv.into()).encrypt_padded_vec_mut::<Pkcs7>(data)
}

pub fn scramble(key: &[u8; 16], frame: &mut [u8]) {
    // expect: weak-cipher-algorithm
    let mut cipher = Rc4::<U16>::new(key.into());
    cipher.apply_keystream(frame);
}

pub fn fish(key: &[u8]) {
    // expect: weak-cipher-algorithm
    let _c = blowfish::Blowfish::<byteorder::BigEndian>::new_from_slice(key);
}

pub fn openssl_des(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // expect: weak-cipher-algorithm
    encrypt(Cipher::des_ede3_cbc(), key, Some(iv), data)
}

pub fn openssl_aes(key: &[u8], iv: &[u8], data: &[u8]) -> Result<Vec<u8>, openssl::error::ErrorStack> {
    // ok: weak-cipher-algorithm -- AES-256-CBC
    encrypt(Cipher::aes_256_cbc(), key, Some(iv), data)
}

/// A DESCRIPTION column and a `describe` helper are not DES.
pub fn describe(description: &str) -> String {
    // ok: weak-cipher-algorithm -- only a name containing "des"
    description.to_string()
}
