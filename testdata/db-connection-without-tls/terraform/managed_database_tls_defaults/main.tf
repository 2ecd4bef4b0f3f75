resource "google_sql_database_instance" "reports" {
  name             = "reports"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  # expect: db-connection-without-tls
  settings {
    tier = "db-custom-2-7680"
  }
}

# ok: db-connection-without-tls -- only encrypted connections are accepted
resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "POSTGRES_15"
  region           = "europe-west1"
  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}

resource "aws_dms_endpoint" "source" {
  endpoint_id   = "orders-source"
  endpoint_type = "source"
  engine_name   = "postgres"
  kms_key_arn   = aws_kms_key.dms.arn
  # expect: db-connection-without-tls
  ssl_mode      = "none"
}

# ok: db-connection-without-tls -- an S3 endpoint is no database connection
resource "aws_dms_endpoint" "archive" {
  endpoint_id   = "orders-archive"
  endpoint_type = "target"
  engine_name   = "s3"
  kms_key_arn   = aws_kms_key.dms.arn
  ssl_mode      = "none"
}
