resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  # expect: unencrypted-storage
  encrypted = local.volume_encrypted
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  # ok: unencrypted-storage -- terraform.tfvars sets encrypt_cache = true
  at_rest_encryption_enabled = var.encrypt_cache
  kms_key_id                 = var.cache_key_arn
  transit_encryption_enabled = true
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  encrypt_at_rest {
    # ok: unencrypted-storage -- no default and no tfvars value: unknown, not a guess
    enabled    = var.encrypt_search
    kms_key_id = var.search_key_arn
  }

  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

resource "aws_rds_cluster" "reports" {
  cluster_identifier = "reports"
  engine             = "aurora-postgresql"
  kms_key_id         = var.reports_key_arn
  # expect: unencrypted-storage -- env defaults to "dev", so the condition is false
  storage_encrypted = var.env == "prod"
}

resource "aws_rds_cluster" "audit" {
  cluster_identifier = "audit"
  engine             = "aurora-postgresql"
  kms_key_id         = var.audit_key_arn
  # ok: unencrypted-storage -- try() falls back only when the first expression fails
  storage_encrypted = try(var.settings.encrypted, true)
}
