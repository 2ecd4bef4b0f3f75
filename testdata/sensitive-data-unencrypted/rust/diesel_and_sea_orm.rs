// A diesel schema.
diesel::table! {
    customers (id) {
        id -> Int8,
        // expect: sensitive-data-unencrypted
        ssn -> Varchar,
        // expect: sensitive-data-unencrypted
        card_number -> Nullable<Text>,
        // ok: sensitive-data-unencrypted -- ciphertext bytes
        iban_encrypted -> Bytea,
        // ok: sensitive-data-unencrypted -- a boolean
        ssn_verified -> Bool,
        // ok: sensitive-data-unencrypted -- a tax rate
        tax_rate -> Numeric,
    }
}

pub mod patient {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "patients")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        // expect: sensitive-data-unencrypted
        pub diagnosis: String,
        // expect: sensitive-data-unencrypted
        pub passport_number: Option<String>,
        // ok: sensitive-data-unencrypted -- ciphertext in a binary column
        #[sea_orm(column_type = "Binary(BlobSize::Blob(None))")]
        pub national_id_ciphertext: Vec<u8>,
        // ok: sensitive-data-unencrypted -- the card's token
        pub card_token: String,
    }
}

/// A request body: serialised, not stored.
#[derive(serde::Deserialize)]
pub struct SignupRequest {
    // ok: sensitive-data-unencrypted -- a message, not a stored field
    pub ssn: String,
}
