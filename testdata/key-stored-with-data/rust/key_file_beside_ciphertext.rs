use std::fs;
use std::io::Write;

pub fn export(dir: &str, data_key: &[u8], encrypted_backup: &[u8]) -> std::io::Result<()> {
    fs::write(format!("{dir}/backup.bin"), encrypted_backup)?;
    // expect: key-stored-with-data
    fs::write(format!("{dir}/backup.key"), data_key)?;
    Ok(())
}

pub fn export_wrapped(dir: &str, wrapped_key: &[u8], encrypted_backup: &[u8]) -> std::io::Result<()> {
    fs::write(format!("{dir}/backup.bin"), encrypted_backup)?;
    // ok: key-stored-with-data -- a KMS-wrapped key is envelope encryption
    fs::write(format!("{dir}/backup.key"), wrapped_key)?;
    Ok(())
}

pub fn stream(out: &mut fs::File, encryption_key: &[u8], ciphertext: &[u8]) -> std::io::Result<()> {
    out.write_all(ciphertext)?;
    // expect: key-stored-with-data
    out.write_all(encryption_key)?;
    Ok(())
}

pub fn key_only(path: &str, encryption_key: &[u8]) -> std::io::Result<()> {
    // ok: key-stored-with-data -- the key goes to its own store, no ciphertext here
    fs::write(path, encryption_key)
}
