resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.t3.medium"
  kms_key_id     = var.kms_key_arn
  # todo-expect: unencrypted-storage
  storage_encrypted = var.storage_encrypted
}
