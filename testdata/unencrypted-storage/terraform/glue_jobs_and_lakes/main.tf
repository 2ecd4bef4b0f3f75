resource "aws_glue_security_configuration" "etl" {
  name = "etl"
  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "SSE-KMS"
      kms_key_arn                = aws_kms_key.glue.arn
    }
    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
      kms_key_arn                   = aws_kms_key.glue.arn
    }
    s3_encryption {
      # expect: unencrypted-storage
      s3_encryption_mode = "DISABLED"
    }
  }
}

resource "azurerm_data_lake_store" "raw" {
  name                = "raw"
  resource_group_name = var.resource_group
  location            = var.location
  # expect: unencrypted-storage
  encryption_state    = "Disabled"
}

# ok: unencrypted-storage -- the store encrypts with service-managed keys
resource "azurerm_data_lake_store" "curated" {
  name                = "curated"
  resource_group_name = var.resource_group
  location            = var.location
  encryption_state    = "Enabled"
}
