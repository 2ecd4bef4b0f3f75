//! Checks over source-code facts shared by every language front-end.

use super::{key_beside_data, login_without_tls, CheckFn};

pub const CHECKS: &[(&str, CheckFn)] = &[
    (
        "record-stores-key-with-ciphertext",
        key_beside_data::record_with_key,
    ),
    (
        "key-uploaded-beside-ciphertext",
        key_beside_data::upload_beside_ciphertext,
    ),
    ("login-without-starttls", login_without_tls::check),
];
