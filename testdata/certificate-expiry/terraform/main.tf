# expect: certificate-expiry
resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy"
  certificate_body = <<-EOT
    # expect: certificate-expiry
    -----BEGIN CERTIFICATE-----
    MIIC2DCCAcCgAwIBAgIUdS0oJlrd3PsNow5QJpmqNmfjWyUwDQYJKoZIhvcNAQEL
    BQAwHTEbMBkGA1UEAwwSbGVnYWN5LmV4YW1wbGUuY29tMB4XDTIzMDMwMjAwMDAw
    MFoXDTI0MDMwMTAwMDAwMFowHTEbMBkGA1UEAwwSbGVnYWN5LmV4YW1wbGUuY29t
    MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAj2MUJFoe8+Wj3q+XfTxf
    ARG2toytGi6MHWIgTQ7Qv7dNDhYMztKL1mCx41QbqquCmCjLuE6z2ElsRDiESaSW
    WW4YSySUpNfN7PMl/Gj7imzXBmRAWEWmHiVbgbWNQEXr5rIcux/2MQTt5uEvpFnx
    OC2AWTuvd8SSKW1MxyS2F+c8yWIYBBsxoHifHFkfu57spJVXQYl/FDeya/TUKXCX
    S9ahkjiWS8P7U4RmnFuYeeW6f2XuhRtiX6/+ZAXfkjhWeeGUCxwVEQr51p0QutMA
    7hNj4+5g4ayXdf4jIWu8qfLenlHTNhDgm7W+RhcHkoQ7b6OkwosIpwM70+yteexf
    SQIDAQABoxAwDjAMBgNVHRMBAf8EAjAAMA0GCSqGSIb3DQEBCwUAA4IBAQBAVO3b
    Eu5KBVcYu9DKexqeOwboOqnMCkNKvCP4lm4RMza89PBuGDjkBxEvIxWL0o59u6EZ
    vKVu/ZHb0Kf7jM6gZ51Bk0W0mYx7NORYbCL2CUvKpnq/ArACfAkt26v2jTEJ1dUK
    VgMKF98ZNQN20lSVnlyiUT8ZOr/NFocvOJXKgfjdmrTpQL1vH1ccE585l7o9PB6u
    RL/FvhIgY7+p9NksqCa0YR07yhfXAd18KUcxCexfL0WiB8wwDZz4awBNN/hNDAoF
    Vq5f9VwUbUJDxr2kleEHIUeAvLrQ6hCFBKWtPI5Wx0uGW7SgmLXk8v/sNyk/k5mj
    A4BqXjCF3zC8G2kJ
    -----END CERTIFICATE-----
  EOT
  private_key = file("${path.module}/legacy.key")
}

resource "aws_acm_certificate" "imported" {
  certificate_body = file("${path.module}/www.crt")
  # expect: certificate-expiry
  private_key      = file("${path.module}/www.key")
}

# ok: certificate-expiry -- ACM issues and renews a DNS-validated certificate
resource "aws_acm_certificate" "managed" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
}

# ok: certificate-expiry -- a private CA issues it, and ACM renews it
resource "aws_acm_certificate" "private" {
  domain_name               = "internal.example.com"
  certificate_authority_arn = "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/abc"
}

resource "azurerm_app_service_certificate" "uploaded" {
  name                = "web"
  resource_group_name = "web-rg"
  location            = "westeurope"
  # expect: certificate-expiry
  pfx_blob            = filebase64("web.pfx")
  password            = var.pfx_password
}

# ok: certificate-expiry -- the certificate comes from Key Vault, which renews it
resource "azurerm_app_service_certificate" "from_vault" {
  name                = "web-kv"
  resource_group_name = "web-rg"
  location            = "westeurope"
  key_vault_secret_id = "https://vault.example.net/secrets/web"
}

# expect: certificate-expiry
resource "google_compute_ssl_certificate" "uploaded" {
  name        = "web"
  private_key = file("web.key")
  certificate = file("web.crt")
}

# ok: certificate-expiry -- Google issues and renews a managed certificate
resource "google_compute_managed_ssl_certificate" "managed" {
  name = "web-managed"
  managed {
    domains = ["www.example.com"]
  }
}

resource "kubernetes_secret" "edge_tls" {
  metadata {
    name = "edge-tls"
  }
  type = "kubernetes.io/tls"
  data = {
    # ok: certificate-expiry -- valid until 2028
    "tls.crt" = <<-EOT
      -----BEGIN CERTIFICATE-----
      MIIC0jCCAbqgAwIBAgIUPQGUqlojO4Mn9+gFfYC1ICBIMcowDQYJKoZIhvcNAQEL
      BQAwGjEYMBYGA1UEAwwPd3d3LmV4YW1wbGUuY29tMB4XDTI3MDEwMTAwMDAwMFoX
      DTI4MDEwMTAwMDAwMFowGjEYMBYGA1UEAwwPd3d3LmV4YW1wbGUuY29tMIIBIjAN
      BgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvpHoOe35K9xqnytWNfFYwG5fI4nD
      h1/gqvaBKFkIHsAKhQEorxjMK9vlE2rBhxyRLZBhoqSFAcWOQBnzJIjkOBJ3s+Zm
      baejMqp0Lh7BrDL0Fv8aaF0fi+M7G3l36X//2vmL8Vg0zJhe9iWjnFUBI0Ts7LDF
      iQ+euDhfzig20Bzm0xr+kPBmXI4tRZsh1tAv58/uP99Q789RMdav0+T8jSsVFKd4
      MCmaGnzenCeeP2Pvi7gx+HiUoHTSgO+i23uK20UADR2FLiqmPmbvhDxZ8BkTpRUT
      20jgUHriGIWeanh5RSSVPsKNjWEPu7aPFRmVzEi0ExnEDfzFg4vrTUQqvQIDAQAB
      oxAwDjAMBgNVHRMBAf8EAjAAMA0GCSqGSIb3DQEBCwUAA4IBAQCtnCNaYmYFicIX
      GEKko/MfQAdynQNS5vz36jWt1igIJqzK9X0A+QgOqb68dCKmdNo/5nFLBnRCO+Ss
      ieSGc+flS20lvOrf+zA3zowJJXbnwnZlYNl4Eu2/+kQNwE8mjzS8F8+c3CWKq1Pv
      Ev5P4vJsnH+cPjXRJQ2rdCWTYeQF7+bEcUDakk2H3cQKlWPNoBGX06bHAqRIlmX6
      gXS82s25qzr3D/3E6Io3F4Yxd35k4uMkUsislG5K86tp5jcWoHNgWcCH3ag3bt3i
      2Cy/AfstdqAW+W1QIX3qKCHpiK6yq3o9T5YVVKA9U1TMHJ1PeU4FDRJ31lBN/Bcr
      UFDG0tWg
      -----END CERTIFICATE-----
    EOT
  }
}
