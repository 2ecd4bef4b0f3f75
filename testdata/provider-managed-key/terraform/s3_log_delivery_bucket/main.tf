resource "aws_s3_bucket" "lb_logs" {
  bucket = "acme-lb-logs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id

  rule {
    apply_server_side_encryption_by_default {
      # ok: provider-managed-key -- ELB access logs can only be delivered to SSE-S3 buckets
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_lb" "public" {
  name               = "public"
  load_balancer_type = "application"

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}
