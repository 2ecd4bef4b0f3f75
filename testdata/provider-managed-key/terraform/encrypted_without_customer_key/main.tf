# expect: provider-managed-key
resource "aws_db_instance" "analytics" {
  engine            = "mysql"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
}

# ok: provider-managed-key -- a customer-managed key
resource "aws_rds_cluster" "billing" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
  kms_key_id        = var.billing_key_arn
}

# expect: provider-managed-key
resource "aws_ebs_volume" "cache" {
  availability_zone = "eu-west-1a"
  size              = 20
  encrypted         = true
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  # expect: provider-managed-key
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_sqs_queue" "events" {
  name = "events"
  # expect: provider-managed-key
  sqs_managed_sse_enabled = true
}

resource "aws_opensearch_domain" "catalog" {
  domain_name = "catalog"

  # expect: provider-managed-key
  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

data "aws_kms_alias" "rds_default" {
  name = "alias/aws/rds"
}

data "aws_kms_alias" "orders" {
  name = "alias/orders"
}

resource "aws_rds_cluster" "reports" {
  engine            = "aurora-mysql"
  storage_encrypted = true
  # expect: provider-managed-key
  kms_key_id = data.aws_kms_alias.rds_default.target_key_arn
}

resource "aws_rds_cluster" "orders" {
  engine            = "aurora-mysql"
  storage_encrypted = true
  # ok: provider-managed-key -- a customer-managed key looked up by its alias
  kms_key_id = data.aws_kms_alias.orders.target_key_arn
}

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 1
  encryption_type = "KMS"
  # expect: provider-managed-key
  kms_key_id = "alias/aws/kinesis"
}
