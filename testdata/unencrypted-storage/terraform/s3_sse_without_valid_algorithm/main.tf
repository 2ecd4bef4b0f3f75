# expect: unencrypted-storage
resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = aws_s3_bucket.exports.id
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.exports.arn
    }
  }
}

# ok: unencrypted-storage -- the algorithm comes from a variable, so it may well encrypt
resource "aws_s3_bucket" "imports" {
  bucket = "acme-imports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "imports" {
  bucket = aws_s3_bucket.imports.id
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.imports.arn
      sse_algorithm     = var.sse_algorithm
    }
  }
}

# ok: unencrypted-storage -- the separate configuration encrypts with a customer key
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id
  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.reports.arn
      sse_algorithm     = "aws:kms"
    }
  }
}
