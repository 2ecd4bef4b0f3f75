//! Checks over source-code facts shared by every language front-end.

use super::{key_beside_data, login_without_tls, Check};

pub const CHECKS: &[Check] = &[
    Check::new(
        "record-stores-key-with-ciphertext",
        key_beside_data::record_with_key,
    ),
    Check::new(
        "key-uploaded-beside-ciphertext",
        key_beside_data::upload_beside_ciphertext,
    ),
    Check::new("login-without-starttls", login_without_tls::check),
];
