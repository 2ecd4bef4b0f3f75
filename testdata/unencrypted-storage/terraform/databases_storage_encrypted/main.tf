resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  # expect: unencrypted-storage
  storage_encrypted = false
}

# expect: unencrypted-storage
resource "aws_db_instance" "legacy" {
  identifier     = "legacy"
  engine         = "mysql"
  instance_class = "db.t3.medium"
}

# ok: unencrypted-storage -- a KMS key asks for encryption (AWS rejects it without storage_encrypted)
resource "aws_db_instance" "ledger" {
  identifier     = "ledger"
  engine         = "postgres"
  instance_class = "db.r6g.large"
  kms_key_id     = aws_kms_key.ledger.arn
}

# ok: unencrypted-storage -- a read replica inherits encryption from its source
resource "aws_db_instance" "orders_replica" {
  replicate_source_db = aws_db_instance.orders.identifier
  instance_class      = "db.r6g.large"
}

# ok: unencrypted-storage -- an Aurora instance's storage is governed by its cluster
resource "aws_rds_cluster_instance" "billing_1" {
  cluster_identifier = aws_rds_cluster.billing.id
  engine             = "aurora-postgresql"
  instance_class     = "db.r6g.large"
}

# ok: unencrypted-storage -- encrypted with a customer-managed key
resource "aws_rds_cluster" "billing" {
  cluster_identifier = "billing"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = var.billing_key_arn
}

# expect: unencrypted-storage
resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  master_username    = "catalog"
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  # expect: unencrypted-storage
  storage_encrypted = false
}

module "reporting_db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.0"

  identifier = "reporting"
  engine     = "postgres"
  # expect: unencrypted-storage
  storage_encrypted = false
}

module "audit_db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "~> 6.0"

  identifier = "audit"
  engine     = "postgres"
  # ok: unencrypted-storage -- the module's default is true
}

module "unrelated" {
  source = "./modules/reporting"
  # ok: unencrypted-storage -- a local module's input name says nothing by itself
  storage_encrypted = false
}
