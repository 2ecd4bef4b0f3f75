# ok: unencrypted-storage -- handed to a module that may configure its encryption
resource "aws_s3_bucket" "archive" {
  bucket = "acme-archive"
}

module "archive_encryption" {
  source    = "./modules/bucket-encryption"
  bucket_id = aws_s3_bucket.archive.id
}

# expect: unencrypted-storage
resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}
