# ok: unencrypted-storage -- the configuration below points at this bucket
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

# expect: unencrypted-storage
resource "aws_s3_bucket" "reports_archive" {
  bucket = "acme-reports-archive"
}

# Points at the reports bucket only, not at reports_archive.
resource "aws_s3_bucket_server_side_encryption_configuration" "reports" {
  bucket = aws_s3_bucket.reports.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.reports_key_arn
    }
  }
}
