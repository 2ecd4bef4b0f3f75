resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = var.subnets
    security_groups = [var.sg]
  }
  # expect: provider-managed-key
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
    }
  }
}

# ok: provider-managed-key -- broker storage uses a customer-managed key
resource "aws_msk_cluster" "audit" {
  cluster_name           = "audit"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = var.subnets
    security_groups = [var.sg]
  }
  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
  }
}

# expect: provider-managed-key
resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = aws_iam_role.codebuild.arn
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type = "NO_SOURCE"
  }
}

# expect: provider-managed-key
resource "aws_fsx_lustre_file_system" "scratch" {
  storage_capacity = 1200
  subnet_ids       = [var.subnet_id]
}

# ok: provider-managed-key -- the file system names a customer-managed key
resource "aws_fsx_windows_file_system" "shares" {
  storage_capacity    = 300
  subnet_ids          = [var.subnet_id]
  throughput_capacity = 32
  kms_key_id          = aws_kms_key.fsx.arn
}
