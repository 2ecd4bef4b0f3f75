# ok: plaintext-transport -- a single-node domain has no node-to-node traffic to encrypt
resource "aws_elasticsearch_domain" "dev" {
  domain_name = "dev"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
  cluster_config {
    instance_type = "t3.small.elasticsearch"
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# expect: plaintext-transport
resource "aws_elasticsearch_domain" "prod" {
  domain_name = "prod"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
  cluster_config {
    instance_type  = "r6g.large.elasticsearch"
    instance_count = 3
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# ok: plaintext-transport -- older HCL writes the blocks as maps; node-to-node is on
resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
  encrypt_at_rest = {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
  cluster_config = {
    instance_count = 2
  }
  node_to_node_encryption = {
    enabled = true
  }
  domain_endpoint_options = {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# expect: plaintext-transport
resource "aws_dax_cluster" "sessions" {
  cluster_name       = "sessions"
  iam_role_arn       = aws_iam_role.dax.arn
  node_type          = "dax.r5.large"
  replication_factor = 3
  server_side_encryption {
    enabled = true
  }
}

# ok: plaintext-transport -- the endpoint uses TLS
resource "aws_dax_cluster" "carts" {
  cluster_name                     = "carts"
  iam_role_arn                     = aws_iam_role.dax.arn
  node_type                        = "dax.r5.large"
  replication_factor               = 3
  cluster_endpoint_encryption_type = "TLS"
  server_side_encryption {
    enabled = true
  }
}

# expect: plaintext-transport
resource "azurerm_linux_web_app" "portal" {
  name                = "portal"
  resource_group_name = var.resource_group
  location            = var.location
  service_plan_id     = azurerm_service_plan.main.id
  site_config {}
}

# expect: plaintext-transport
resource "azurerm_app_service" "legacy_portal" {
  name                = "legacy-portal"
  resource_group_name = var.resource_group
  location            = var.location
  app_service_plan_id = azurerm_app_service_plan.main.id
  https_only          = true
}

# ok: plaintext-transport -- HTTPS only and FTPS only
resource "azurerm_app_service" "admin" {
  name                = "admin"
  resource_group_name = var.resource_group
  location            = var.location
  app_service_plan_id = azurerm_app_service_plan.main.id
  https_only          = true
  site_config {
    ftps_state = "FtpsOnly"
  }
}

# expect: plaintext-transport
resource "google_redis_instance" "cache" {
  name           = "cache"
  tier           = "STANDARD_HA"
  memory_size_gb = 4
}

# ok: plaintext-transport -- in-transit encryption is on
resource "google_redis_instance" "tokens" {
  name                    = "tokens"
  tier                    = "STANDARD_HA"
  memory_size_gb          = 4
  transit_encryption_mode = "SERVER_AUTHENTICATION"
}

resource "azurerm_application_gateway" "front" {
  name                = "front"
  resource_group_name = var.resource_group
  location            = var.location
  http_listener {
    name                           = "public"
    frontend_ip_configuration_name = "public-ip"
    frontend_port_name             = "http"
    # expect: plaintext-transport
    protocol                       = "Http"
  }
}

resource "aws_lb_listener" "legacy_http" {
  load_balancer_arn = aws_lb.front.arn
  port              = 80
  # expect: plaintext-transport
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "8080"
      protocol    = "HTTP"
      status_code = "HTTP_301"
    }
  }
}

# ok: plaintext-transport -- port 80 only redirects to HTTPS
resource "aws_lb_listener" "http_to_https" {
  load_balancer_arn = aws_lb.front.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "memcached"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
  # expect: plaintext-transport
  transit_encryption_enabled = false
}
