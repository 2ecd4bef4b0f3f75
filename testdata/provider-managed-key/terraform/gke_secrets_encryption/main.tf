resource "google_kms_crypto_key" "etcd" {
  name            = "etcd"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
}

resource "google_container_cluster" "decrypted" {
  name     = "payments"
  location = "europe-west1"

  database_encryption {
    # expect: provider-managed-key
    state    = "DECRYPTED"
    key_name = ""
  }
}

# The module has customer-managed keys, and this cluster does not use one for Secrets.
# expect: provider-managed-key
resource "google_container_cluster" "default_keys" {
  name     = "batch"
  location = "europe-west1"
}

# ok: provider-managed-key -- Secrets encrypted with the module's key
resource "google_container_cluster" "cmek" {
  name     = "web"
  location = "europe-west1"

  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.etcd.id
  }
}
