# A custom certificate without minimum_protocol_version: CloudFront's default for it is TLSv1.
resource "aws_cloudfront_distribution" "shop" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "shop"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  # expect: tls-outdated-protocol
  viewer_certificate {
    acm_certificate_arn = aws_acm_certificate.shop.arn
    ssl_support_method  = "sni-only"
  }
}

resource "aws_cloudfront_distribution" "assets" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "assets"
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
    # expect: tls-outdated-protocol
    cloudfront_default_certificate = true
  }
}

# ok: tls-outdated-protocol -- TLS 1.2 minimum set
resource "aws_cloudfront_distribution" "docs" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "docs"
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
    acm_certificate_arn      = var.docs_certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
