# ok: provider-managed-key -- this module uses no customer-managed keys at all
resource "google_storage_bucket" "static" {
  name     = "acme-static"
  location = "EU"
}
