resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  # expect: tls-outdated-protocol
  ssl_policy      = "ELBSecurityPolicy-2016-08"
  certificate_arn = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 443
  protocol          = "TLS"
  # ok: tls-outdated-protocol -- TLS 1.2 minimum
  ssl_policy      = "ELBSecurityPolicy-TLS-1-2-2017-01"
  certificate_arn = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "app"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      # expect: tls-outdated-protocol
      origin_ssl_protocols = ["SSLv3", "TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn = var.certificate_arn
    ssl_support_method  = "sni-only"
    # expect: tls-outdated-protocol
    minimum_protocol_version = "TLSv1"
  }
}

resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.search_key_arn
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https = true
    # expect: tls-outdated-protocol
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}

resource "azurerm_storage_account" "legacy" {
  name                     = "acmelegacy"
  resource_group_name      = var.rg
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  # expect: tls-outdated-protocol
  min_tls_version = "TLS1_0"
}

resource "azurerm_mssql_server" "sql" {
  name                = "acme-sql"
  resource_group_name = var.rg
  location            = "westeurope"
  version             = "12.0"
  # expect: tls-outdated-protocol
  minimum_tls_version = "1.1"
}

# expect: tls-outdated-protocol
resource "google_compute_ssl_policy" "default" {
  name    = "default"
  profile = "MODERN"
}

resource "google_compute_ssl_policy" "strict" {
  name    = "strict"
  profile = "RESTRICTED"
  # ok: tls-outdated-protocol -- TLS 1.2 minimum
  min_tls_version = "TLS_1_2"
}
