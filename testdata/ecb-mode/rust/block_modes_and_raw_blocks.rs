use aes::cipher::{generic_array::GenericArray, BlockEncrypt, KeyInit};
use aes::Aes128;
use block_modes::block_padding::Pkcs7;
use block_modes::{BlockMode, Cbc, Ecb};

type Aes128Ecb = Ecb<Aes128, Pkcs7>;
type Aes128Cbc = Cbc<Aes128, Pkcs7>;

pub fn legacy(key: &[u8], data: &[u8]) -> Vec<u8> {
    // expect: ecb-mode
    let cipher = Aes128Ecb::new_from_slices(key, &[]).unwrap();
    cipher.encrypt_vec(data)
}

pub fn legacy_cbc(key: &[u8], iv: &[u8], data: &[u8]) -> Vec<u8> {
    // ok: ecb-mode -- CBC with the caller's IV
    let cipher = Aes128Cbc::new_from_slices(key, iv).unwrap();
    cipher.encrypt_vec(data)
}

pub fn block_by_block(key: &[u8; 16], data: &mut [u8]) {
    let cipher = Aes128::new(GenericArray::from_slice(key));
    for chunk in data.chunks_mut(16) {
        // todo-expect: ecb-mode
        cipher.encrypt_block(GenericArray::from_mut_slice(chunk));
    }
}

pub fn many_blocks(key: &[u8; 16], blocks: &mut [aes::Block]) {
    let cipher = Aes128::new(GenericArray::from_slice(key));
    // expect: ecb-mode
    cipher.encrypt_blocks(blocks);
}

pub fn one_block_for_key_derivation(key: &[u8; 16], block: &mut aes::Block) {
    let cipher = Aes128::new(GenericArray::from_slice(key));
    // ok: ecb-mode -- one block, a building block of a KDF, not bulk data
    cipher.encrypt_block(block);
}
