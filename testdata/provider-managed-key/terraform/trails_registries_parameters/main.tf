# expect: provider-managed-key
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}

# ok: provider-managed-key -- the trail names a customer-managed key
resource "aws_cloudtrail" "org" {
  name           = "org"
  s3_bucket_name = aws_s3_bucket.trail.id
  kms_key_id     = aws_kms_key.trail.arn
}

# expect: provider-managed-key
resource "aws_ecr_repository" "api" {
  name = "api"
}

# ok: provider-managed-key -- images are encrypted with a customer-managed key
resource "aws_ecr_repository" "worker" {
  name = "worker"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}

# expect: provider-managed-key
resource "aws_ssm_parameter" "db_password" {
  name  = "/app/db-password"
  type  = "SecureString"
  value = var.db_password
}

# ok: provider-managed-key -- a plain String parameter has no key
resource "aws_ssm_parameter" "region" {
  name  = "/app/region"
  type  = "String"
  value = "eu-west-1"
}
