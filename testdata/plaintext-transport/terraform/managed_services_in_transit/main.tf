resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  at_rest_encryption_enabled = true
  kms_key_id                 = var.cache_key_arn
  # expect: plaintext-transport
  transit_encryption_enabled = false
}

# expect: plaintext-transport
resource "aws_elasticache_replication_group" "queues" {
  replication_group_id       = "queues"
  description                = "queues"
  at_rest_encryption_enabled = true
  kms_key_id                 = var.cache_key_arn
}

resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"

  cluster_config {
    instance_count = 3
  }

  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.search_key_arn
  }

  node_to_node_encryption {
    # expect: plaintext-transport
    enabled = false
  }

  domain_endpoint_options {
    # expect: plaintext-transport
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = var.subnets
    security_groups = [var.sg]
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
    encryption_in_transit {
      # expect: plaintext-transport
      client_broker = "TLS_PLAINTEXT"
      in_cluster    = true
    }
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                = "worker"
  container_definitions = "[]"

  volume {
    name = "shared"

    # expect: plaintext-transport
    efs_volume_configuration {
      file_system_id = var.efs_id
    }
  }
}

# ok: plaintext-transport -- no EFS volume, nothing to encrypt in transit
resource "aws_ecs_task_definition" "api" {
  family                = "api"
  container_definitions = "[]"
}
