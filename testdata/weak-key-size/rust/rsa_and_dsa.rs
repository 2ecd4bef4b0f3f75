use openssl::dsa::Dsa;
use openssl::rsa::Rsa;
use rsa::RsaPrivateKey;

const LEGACY_BITS: usize = 1024;

pub fn small_rsa() {
    let mut rng = rand::thread_rng();
    // expect: weak-key-size
    let _key = RsaPrivateKey::new(&mut rng, LEGACY_BITS);
    // ok: weak-key-size -- 3072 bits
    let _strong = RsaPrivateKey::new(&mut rng, 3072);
}

pub fn openssl_keys() -> Result<(), openssl::error::ErrorStack> {
    // expect: weak-key-size
    let _rsa = Rsa::generate(1024)?;
    // expect: weak-key-size
    let _dsa = Dsa::generate(1024)?;
    // ok: weak-key-size -- 2048 bits
    let _ok = Rsa::generate(2048)?;
    Ok(())
}

#[test]
fn small_keys_in_tests() {
    // expect: weak-key-size
    let _k = Rsa::generate(512).unwrap();
}

pub fn curves() -> Result<(), openssl::error::ErrorStack> {
    use openssl::ec::{EcGroup, EcKey};
    use openssl::nid::Nid;
    // expect: weak-key-size
    let small = EcGroup::from_curve_name(Nid::X9_62_PRIME192V1)?;
    // ok: weak-key-size -- P-256
    let good = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1)?;
    let _ = (EcKey::generate(&small)?, EcKey::generate(&good)?);
    Ok(())
}
