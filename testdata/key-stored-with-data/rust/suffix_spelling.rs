// The protected field is named only by an `_enc` suffix: the prefilter must still let the
// file through (it holds no other spelling that marks a field as protected).
#[derive(serde::Serialize)]
pub struct Token {
    pub payload_enc: Vec<u8>,
    // expect: key-stored-with-data
    pub aes_key: [u8; 32],
}

#[derive(serde::Serialize)]
pub struct Codec {
    pub encoding: String,
    // ok: key-stored-with-data -- `encoding` marks no protected data
    pub aes_key: [u8; 32],
}
