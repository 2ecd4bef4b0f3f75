// Near-misses for the check and for the prefilter's words: `encoder` and `encoded` start with
// `enc` but no new name part follows, and `keys` and `keyring_path` do not end in `key`. (The
// prefilter still reads this file: the annotations below spell the rule's id.)
#[derive(serde::Serialize)]
pub struct Codec {
    pub encoder: String,
    pub keys: Vec<String>,
    // ok: key-stored-with-data -- `encoder` marks no protected data
    pub keyring_path: String,
}

pub fn save(out: &mut std::fs::File, encoded: &[u8], keys: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    out.write_all(encoded)?;
    // ok: key-stored-with-data -- `encoded` is plain output
    out.write_all(keys)
}
