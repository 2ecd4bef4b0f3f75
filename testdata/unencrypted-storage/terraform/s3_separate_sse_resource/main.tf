resource "aws_kms_key" "s3" {
  description         = "bucket key"
  enable_key_rotation = true
}

# ok: unencrypted-storage -- encryption lives in a separate resource that references it
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}

# ok: unencrypted-storage -- the separate resource names it by its literal bucket name
resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

# ok: unencrypted-storage -- inline (v3-style) configuration
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.s3.arn
      }
    }
  }
}

# expect: unencrypted-storage
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}
