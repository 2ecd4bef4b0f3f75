resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "app"

    custom_origin_config {
      http_port  = 80
      https_port = 443
      # expect: plaintext-transport
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  origin {
    domain_name = "static.example.com"
    origin_id   = "static"

    custom_origin_config {
      # ok: plaintext-transport -- http_port 80 on an https-only origin is never used
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id = "app"
    # ok: plaintext-transport -- redirects viewers to HTTPS
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  ordered_cache_behavior {
    path_pattern     = "/static/*"
    target_origin_id = "static"
    # expect: plaintext-transport
    viewer_protocol_policy = "allow-all"
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
    # ok: tls-outdated-protocol -- TLSv1.2_2021 contains "TLSv1" but is TLS 1.2
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
