# expect: unencrypted-storage
resource "aws_efs_file_system" "home" {
  creation_token = "home"
}

resource "aws_elasticache_replication_group" "rate" {
  replication_group_id = "rate"
  description          = "rate limits"
  # expect: unencrypted-storage
  at_rest_encryption_enabled = false
  transit_encryption_enabled = true
}

resource "aws_sqs_queue" "dlq" {
  name = "dlq"
  # expect: unencrypted-storage
  sqs_managed_sse_enabled = false
}

# ok: unencrypted-storage -- SQS encrypts with SSE-SQS unless that is switched off
resource "aws_sqs_queue" "jobs" {
  name              = "jobs"
  kms_master_key_id = var.queue_key_arn
}

# expect: unencrypted-storage
resource "aws_sns_topic" "events" {
  name = "events"
}

# ok: unencrypted-storage -- the topic names a customer-managed key
resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = var.topic_key_arn
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  # expect: unencrypted-storage
  encrypted = false
}

# expect: unencrypted-storage
resource "aws_kinesis_stream" "clicks" {
  name        = "clicks"
  shard_count = 1
}

resource "aws_instance" "bastion" {
  ami           = "ami-123"
  instance_type = "t3.micro"

  root_block_device {
    # expect: unencrypted-storage
    encrypted = false
  }
}

resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"

  encrypt_at_rest {
    # expect: unencrypted-storage
    enabled = false
  }

  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

resource "aws_ebs_volume" "scratch_capitalised" {
  availability_zone = "us-west-2a"
  size              = 20
  # expect: unencrypted-storage
  encrypted = False
}

# expect: provider-managed-key
resource "aws_ebs_volume" "data_capitalised" {
  availability_zone = "us-west-2a"
  size              = 20
  # ok: unencrypted-storage -- a capitalised True is read as the boolean it means
  encrypted = True
}
