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

# expect: provider-managed-key
resource "google_compute_disk" "scratch" {
  name = "scratch"
  zone = "europe-west1-b"
  size = 100
}

# ok: provider-managed-key -- the topic uses the module's key
resource "google_pubsub_topic" "events" {
  name         = "events"
  kms_key_name = google_kms_crypto_key.buckets.id
}

resource "azurerm_key_vault_key" "storage" {
  name         = "storage"
  key_vault_id = var.key_vault_id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after = "P1Y"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

# expect: provider-managed-key
resource "azurerm_storage_account" "reports" {
  name                     = "acmereports"
  resource_group_name      = var.rg
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

# ok: provider-managed-key -- a customer-managed key from the module's Key Vault
resource "azurerm_storage_account" "documents" {
  name                     = "acmedocuments"
  resource_group_name      = var.rg
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.storage.id
    user_assigned_identity_id = var.identity_id
  }
}
