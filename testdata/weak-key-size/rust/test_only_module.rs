#![cfg(test)]
//! Included from lib.rs as `#[cfg(test)] mod test_only_module;`: all of it is test code.

#[test]
fn tiny_keys_are_fast_in_tests() {
    // expect: weak-key-size
    let _k = openssl::rsa::Rsa::generate(512).unwrap();
}
