# ok: unencrypted-storage -- "${...}" around a reference is the reference itself
resource "aws_s3_bucket" "data" {
  bucket = "${local.prefix}-data"
  acl    = "private"

  logging {
    target_bucket = "${aws_s3_bucket.logs.id}"
    target_prefix = "log/"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = "${aws_s3_bucket.data.id}"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "${var.data_key_arn}"
    }
  }
}

# ok: unencrypted-storage -- encrypted inline
resource "aws_s3_bucket" "logs" {
  bucket = "${local.prefix}-logs"
  acl    = "log-delivery-write"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        # ok: provider-managed-key -- a log-delivery bucket must use SSE-S3
        sse_algorithm = "AES256"
      }
    }
  }
}

# expect: unencrypted-storage
resource "aws_s3_bucket" "financials" {
  bucket        = "${local.prefix}-financials"
  acl           = "private"
  force_destroy = true
}
