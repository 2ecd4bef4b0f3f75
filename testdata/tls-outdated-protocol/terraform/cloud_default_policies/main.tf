# expect: tls-outdated-protocol
resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
  # expect: tls-outdated-protocol
  domain_endpoint_options {
    enforce_https = true
  }
}

# ok: tls-outdated-protocol -- the domain pins a TLS 1.2 policy
resource "aws_opensearch_domain" "orders" {
  domain_name = "orders"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

# expect: tls-outdated-protocol
resource "aws_lb_listener" "api" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}

# ok: tls-outdated-protocol -- the listener names a TLS 1.2 policy
resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.api.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.api.arn
  }
}

resource "aws_cloudfront_distribution" "assets" {
  enabled = true
  # expect: tls-outdated-protocol
  viewer_certificate {
    acm_certificate_arn = var.assets_certificate_arn
    ssl_support_method  = "sni-only"
  }
}

resource "aws_cloudfront_distribution" "preview" {
  enabled = true
  viewer_certificate {
    # expect: tls-outdated-protocol
    cloudfront_default_certificate = true
  }
}

# ok: tls-outdated-protocol -- a custom certificate with a TLS 1.2 minimum
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  viewer_certificate {
    acm_certificate_arn      = var.site_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "azurerm_function_app" "billing" {
  name                = "billing"
  resource_group_name = var.resource_group
  https_only          = true
  site_config {
    ftps_state = "Disabled"
    # expect: tls-outdated-protocol
    min_tls_version = "1.1"
  }
}
