resource "aws_docdb_cluster_parameter_group" "legacy" {
  family = "docdb5.0"
  name   = "legacy"
  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
  # expect: db-connection-without-tls
  parameter {
    name  = "tls"
    value = "disabled"
  }
}

# ok: db-connection-without-tls -- TLS stays on
resource "aws_docdb_cluster_parameter_group" "strict" {
  family = "docdb5.0"
  name   = "strict"
  parameter {
    name  = "tls"
    value = "enabled"
  }
}
