use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, sqlx::FromRow)]
pub struct PatientRecord {
    pub id: i64,
    pub encrypted_notes: Vec<u8>,
    // expect: key-stored-with-data
    pub encryption_key: Vec<u8>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EnvelopeRecord {
    pub id: i64,
    pub encrypted_notes: Vec<u8>,
    // ok: key-stored-with-data -- a KMS-wrapped data key is envelope encryption
    pub encrypted_data_key: Vec<u8>,
    // ok: key-stored-with-data -- an identifier of a key kept elsewhere
    pub kms_key_id: String,
}

/// In memory only: never stored.
pub struct Sealer {
    pub encrypted_cache: Vec<u8>,
    // ok: key-stored-with-data -- not a persisted struct
    pub data_key: [u8; 32],
}
