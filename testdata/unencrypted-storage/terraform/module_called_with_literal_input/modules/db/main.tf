resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.t3.medium"
  kms_key_id     = var.kms_key_arn
  # expect: unencrypted-storage -- main.tf calls this module with storage_encrypted = false
  storage_encrypted = var.storage_encrypted
}
