# expect: provider-managed-key
resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"
  user {
    username = "app"
    password = var.mq_password
  }
}

# ok: provider-managed-key -- the broker uses a customer-managed key
resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"
  encryption_options {
    kms_key_id        = aws_kms_key.mq.arn
    use_aws_owned_key = false
  }
  user {
    username = "app"
    password = var.mq_password
  }
}

# expect: provider-managed-key
resource "aws_secretsmanager_secret" "api_token" {
  name = "api-token"
}

# ok: provider-managed-key -- the secret names a customer-managed key
resource "aws_secretsmanager_secret" "db_password" {
  name       = "db-password"
  kms_key_id = aws_kms_key.secrets.arn
}

# expect: provider-managed-key
resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/web"
  retention_in_days = 30
}

# expect: provider-managed-key
resource "aws_dms_endpoint" "target" {
  endpoint_id   = "warehouse"
  endpoint_type = "target"
  engine_name   = "postgres"
  ssl_mode      = "verify-full"
}

resource "aws_kinesis_firehose_delivery_stream" "clicks" {
  name        = "clicks"
  destination = "extended_s3"
  server_side_encryption {
    enabled  = true
    # expect: provider-managed-key
    key_type = "AWS_OWNED_CMK"
  }
}

# ok: provider-managed-key -- the stream uses a customer-managed key
resource "aws_kinesis_firehose_delivery_stream" "payments" {
  name        = "payments"
  destination = "extended_s3"
  server_side_encryption {
    enabled  = true
    key_type = "CUSTOMER_MANAGED_CMK"
    key_arn  = aws_kms_key.firehose.arn
  }
}

# expect: provider-managed-key
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.lambda.arn
  handler       = "main.handler"
  runtime       = "python3.12"
  environment {
    variables = {
      QUEUE_URL = aws_sqs_queue.jobs.url
    }
  }
}

# ok: provider-managed-key -- no environment variables to encrypt
resource "aws_lambda_function" "ping" {
  function_name = "ping"
  role          = aws_iam_role.lambda.arn
  handler       = "main.handler"
  runtime       = "python3.12"
}

# expect: provider-managed-key
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.eks.arn
  vpc_config {
    subnet_ids = var.subnet_ids
  }
}

# expect: provider-managed-key
resource "azurerm_kubernetes_cluster" "apps" {
  name                = "apps"
  location            = var.location
  resource_group_name = var.resource_group
  dns_prefix          = "apps"
  default_node_pool {
    name       = "default"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

# ok: provider-managed-key -- the node disks use a disk encryption set
resource "azurerm_managed_disk" "data" {
  name                   = "data"
  location               = var.location
  resource_group_name    = var.resource_group
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_size_gb           = 128
  disk_encryption_set_id = azurerm_disk_encryption_set.main.id
}

# expect: provider-managed-key
resource "google_compute_disk" "scratch" {
  name = "scratch"
  type = "pd-ssd"
  zone = "europe-west1-b"
}
