# expect: unencrypted-storage
resource "aws_instance" "bastion" {
  ami           = var.ami_id
  instance_type = "t3.micro"
}

resource "aws_instance" "worker" {
  ami           = var.ami_id
  instance_type = "m6i.large"
  # expect: unencrypted-storage
  root_block_device {
    volume_size = 50
  }
}

# ok: unencrypted-storage -- both volumes are encrypted
resource "aws_instance" "db" {
  ami           = var.ami_id
  instance_type = "r6i.large"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    kms_key_id  = aws_kms_key.ebs.arn
  }
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"
  block_device_mappings {
    device_name = "/dev/xvda"
    # expect: unencrypted-storage
    ebs {
      volume_size = 30
    }
  }
}

resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      aws_kms_key_id                       = aws_kms_key.glue.arn
      return_connection_password_encrypted = true
    }
    encryption_at_rest {
      # expect: unencrypted-storage
      catalog_encryption_mode = "DISABLED"
    }
  }
}

# expect: unencrypted-storage
resource "aws_athena_workgroup" "adhoc" {
  name = "adhoc"
}

# ok: unencrypted-storage -- query results are encrypted with a KMS key
resource "aws_athena_workgroup" "finance" {
  name = "finance"
  configuration {
    result_configuration {
      output_location = "s3://${aws_s3_bucket.results.bucket}/finance/"
      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = aws_kms_key.athena.arn
      }
    }
  }
}

# expect: unencrypted-storage
resource "aws_athena_database" "events" {
  name   = "events"
  bucket = aws_s3_bucket.results.id
}

# expect: unencrypted-storage
resource "aws_workspaces_workspace" "analyst" {
  directory_id                   = aws_workspaces_directory.main.id
  bundle_id                      = data.aws_workspaces_bundle.standard.id
  user_name                      = "analyst"
  user_volume_encryption_enabled = true
  volume_encryption_key          = aws_kms_key.workspaces.arn
}

# ok: unencrypted-storage -- a Kinesis-fed stream follows its source's encryption
resource "aws_kinesis_firehose_delivery_stream" "from_stream" {
  name        = "from-stream"
  destination = "extended_s3"
  kinesis_source_configuration {
    kinesis_stream_arn = aws_kinesis_stream.events.arn
    role_arn           = aws_iam_role.firehose.arn
  }
}

# expect: unencrypted-storage
resource "aws_kinesis_firehose_delivery_stream" "direct" {
  name        = "direct"
  destination = "extended_s3"
}

resource "azurerm_mssql_database" "ledger" {
  name      = "ledger"
  server_id = azurerm_mssql_server.main.id
  # expect: unencrypted-storage
  transparent_data_encryption_enabled = false
}

# ok: unencrypted-storage -- transparent data encryption is on by default
resource "azurerm_mssql_database" "audit" {
  name      = "audit"
  server_id = azurerm_mssql_server.main.id
}
