//! Checks over source-code facts shared by every language front-end.

use super::{key_beside_data, smtp_without_starttls, CheckFn};

pub const CHECKS: &[(&str, CheckFn)] = &[
    (
        "record-stores-key-with-ciphertext",
        key_beside_data::record_with_key,
    ),
    (
        "key-uploaded-beside-ciphertext",
        key_beside_data::upload_beside_ciphertext,
    ),
    ("smtp-login-without-starttls", smtp_without_starttls::check),
];
