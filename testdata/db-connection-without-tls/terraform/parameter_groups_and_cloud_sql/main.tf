resource "aws_db_parameter_group" "orders" {
  name   = "orders"
  family = "postgres14"

  parameter {
    name = "rds.force_ssl"
    # expect: db-connection-without-tls
    value = "0"
  }
}

# ok: db-connection-without-tls -- PostgreSQL 15 and later force SSL by default
resource "aws_db_parameter_group" "billing" {
  name   = "billing"
  family = "postgres16"
}

# expect: db-connection-without-tls
resource "aws_db_parameter_group" "legacy_mysql" {
  name   = "legacy-mysql"
  family = "mysql8.0"

  parameter {
    name  = "max_connections"
    value = "500"
  }
}

# ok: db-connection-without-tls -- require_secure_transport is on
resource "aws_rds_cluster_parameter_group" "aurora" {
  name   = "aurora"
  family = "aurora-mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_redshift_parameter_group" "warehouse" {
  name   = "warehouse"
  family = "redshift-1.0"

  parameter {
    name = "require_ssl"
    # expect: db-connection-without-tls
    value = "false"
  }
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      # expect: db-connection-without-tls
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
    }
  }
}

resource "google_sql_database_instance" "reports" {
  name             = "reports"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      # ok: db-connection-without-tls -- only encrypted connections
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}

resource "azurerm_postgresql_server" "legacy" {
  name                = "legacy"
  location            = "westeurope"
  resource_group_name = var.rg
  sku_name            = "GP_Gen5_2"
  version             = "11"
  # expect: db-connection-without-tls
  ssl_enforcement_enabled          = false
  ssl_minimal_tls_version_enforced = "TLS1_2"
}
