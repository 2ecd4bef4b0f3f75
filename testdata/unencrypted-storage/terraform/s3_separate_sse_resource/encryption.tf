# The configuration for the exports bucket lives in another file of the module.
resource "aws_s3_bucket_server_side_encryption_configuration" "exports" {
  bucket = "acme-exports"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}
