resource "google_kms_crypto_key" "buckets" {
  name            = "buckets"
  key_ring        = var.key_ring_id
  rotation_period = "7776000s"
}

# ok: provider-managed-key -- uses the module's customer-managed key
resource "google_storage_bucket" "uploads" {
  name     = "acme-uploads"
  location = "EU"

  encryption {
    default_kms_key_name = google_kms_crypto_key.buckets.id
  }
}

# expect: provider-managed-key
resource "google_storage_bucket" "exports" {
  name     = "acme-exports"
  location = "EU"
}
