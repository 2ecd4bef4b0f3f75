# ok: unencrypted-storage -- each bucket has a configuration below
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    apply_server_side_encryption_by_default {
      # expect: provider-managed-key
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "invoices" {
  bucket = "acme-invoices"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "invoices" {
  bucket = aws_s3_bucket.invoices.id

  rule {
    apply_server_side_encryption_by_default {
      # expect: provider-managed-key
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket" "payroll" {
  bucket = "acme-payroll"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "payroll" {
  bucket = aws_s3_bucket.payroll.id

  rule {
    apply_server_side_encryption_by_default {
      # ok: provider-managed-key -- aws:kms with a customer-managed key
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.payroll_key_arn
    }
  }
}

resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        # expect: provider-managed-key
        sse_algorithm = "AES256"
      }
    }
  }
}
