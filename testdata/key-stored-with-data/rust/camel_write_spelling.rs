// Two writes side by side whose names are spelled only in camelCase: `encBlob` (an `enc`
// prefix) and `dataKey`. The prefilter must let the file through on those spellings alone.
#![allow(non_snake_case)]
use std::fs;

pub fn export(dir: &str, dataKey: &[u8], encBlob: &[u8]) -> std::io::Result<()> {
    fs::write(format!("{dir}/blob.bin"), encBlob)?;
    // expect: key-stored-with-data
    fs::write(format!("{dir}/blob.k"), dataKey)?;
    Ok(())
}
