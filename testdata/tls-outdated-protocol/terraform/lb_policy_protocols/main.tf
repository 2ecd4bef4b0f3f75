resource "aws_load_balancer_policy" "legacy" {
  load_balancer_name = aws_elb.legacy.name
  policy_name        = "legacy-protocols"
  policy_type_name   = "SSLNegotiationPolicyType"

  # expect: tls-outdated-protocol
  policy_attribute {
    name  = "Protocol-TLSv1"
    value = "true"
  }

  policy_attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}

resource "aws_lb_ssl_negotiation_policy" "modern" {
  name          = "modern"
  load_balancer = aws_elb.legacy.id
  lb_port       = 443

  # ok: tls-outdated-protocol -- TLS 1.1 is explicitly off
  attribute {
    name  = "Protocol-TLSv1.1"
    value = "false"
  }

  attribute {
    name  = "Protocol-TLSv1.2"
    value = "true"
  }
}
