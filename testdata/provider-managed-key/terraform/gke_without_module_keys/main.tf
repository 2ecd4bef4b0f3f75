# ok: provider-managed-key -- no customer-managed key anywhere in the module: Google-managed keys are the norm
resource "google_container_cluster" "plain" {
  name     = "tools"
  location = "europe-west1"
}
