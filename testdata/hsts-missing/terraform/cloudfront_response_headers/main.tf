resource "aws_cloudfront_response_headers_policy" "short" {
  name = "short-hsts"

  security_headers_config {
    strict_transport_security {
      # expect: hsts-missing
      access_control_max_age_sec = 3600
      include_subdomains         = true
      override                   = true
    }
  }
}

resource "aws_cloudfront_response_headers_policy" "year" {
  name = "year-hsts"

  security_headers_config {
    strict_transport_security {
      # ok: hsts-missing -- two years
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
  }
}
