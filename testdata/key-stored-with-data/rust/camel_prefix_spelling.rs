// The protected field is named only by a camelCase `enc` prefix and the key field ends in
// `Key`: the prefilter must let the file through on those spellings alone (no `encrypted`,
// no `enc_`, no lower-case `key` token anywhere in it).
#![allow(non_snake_case)]

#[derive(serde::Serialize)]
pub struct Token {
    pub encPayload: Vec<u8>,
    // expect: key-stored-with-data
    pub aesKey: [u8; 32],
}
