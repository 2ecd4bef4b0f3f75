locals {
  volume_encrypted = var.encrypt_storage
}
