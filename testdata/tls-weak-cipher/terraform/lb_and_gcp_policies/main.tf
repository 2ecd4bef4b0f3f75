resource "aws_load_balancer_policy" "legacy" {
  load_balancer_name = aws_elb.legacy.name
  policy_name        = "legacy-ssl"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "ECDHE-RSA-AES128-GCM-SHA256"
    value = "true"
  }

  # expect: tls-weak-cipher
  policy_attribute {
    name  = "DES-CBC3-SHA"
    value = "true"
  }

  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}

# ok: tls-weak-cipher -- the weak suite is listed but switched off
resource "aws_load_balancer_policy" "modern" {
  load_balancer_name = aws_elb.legacy.name
  policy_name        = "modern-ssl"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "RC4-SHA"
    value = "false"
  }

  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}

resource "google_compute_ssl_policy" "custom" {
  name            = "custom"
  profile         = "CUSTOM"
  min_tls_version = "TLS_1_2"
  # expect: tls-weak-cipher
  custom_features = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"]
}

resource "google_compute_ssl_policy" "custom_strong" {
  name            = "custom-strong"
  profile         = "CUSTOM"
  min_tls_version = "TLS_1_2"
  # ok: tls-weak-cipher -- AEAD suites only
  custom_features = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"]
}
