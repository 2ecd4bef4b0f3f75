# expect: key-rotation-disabled
resource "aws_kms_key" "orders" {
  description = "orders"
}

resource "aws_kms_key" "billing" {
  description = "billing"
  # expect: key-rotation-disabled
  enable_key_rotation = false
}

# ok: key-rotation-disabled -- rotation on
resource "aws_kms_key" "payments" {
  description         = "payments"
  enable_key_rotation = true
}

# ok: key-rotation-disabled -- asymmetric keys cannot rotate automatically
resource "aws_kms_key" "signing" {
  description              = "JWT signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "ECC_NIST_P256"
}

# ok: key-rotation-disabled -- HMAC keys cannot rotate automatically
resource "aws_kms_key" "mac" {
  description              = "webhook MACs"
  key_usage                = "GENERATE_VERIFY_MAC"
  customer_master_key_spec = "HMAC_256"
}

resource "aws_kms_key" "archive" {
  description         = "archive"
  enable_key_rotation = true
  # expect: key-rotation-disabled
  rotation_period_in_days = 730
}

# expect: key-rotation-disabled
resource "google_kms_crypto_key" "tokens" {
  name     = "tokens"
  key_ring = var.key_ring_id
}

resource "google_kms_crypto_key" "archives" {
  name     = "archives"
  key_ring = var.key_ring_id
  # expect: key-rotation-disabled
  rotation_period = "63072000s"
}

# ok: key-rotation-disabled -- 90 days
resource "google_kms_crypto_key" "buckets" {
  name            = "buckets"
  key_ring        = var.key_ring_id
  rotation_period = "7776000s"
}

# ok: key-rotation-disabled -- asymmetric signing keys cannot rotate
resource "google_kms_crypto_key" "signer" {
  name     = "signer"
  key_ring = var.key_ring_id
  purpose  = "ASYMMETRIC_SIGN"
}

# expect: key-rotation-disabled
resource "azurerm_key_vault_key" "data" {
  name         = "data"
  key_vault_id = var.key_vault_id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["decrypt", "encrypt", "wrapKey", "unwrapKey"]
}

# ok: key-rotation-disabled -- has a rotation policy
resource "azurerm_key_vault_key" "backups" {
  name         = "backups"
  key_vault_id = var.key_vault_id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after         = "P1Y"
    notify_before_expiry = "P30D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

# ok: key-rotation-disabled -- a data source reads an existing key, it does not create one
data "aws_kms_key" "shared" {
  key_id = "alias/shared"
}
