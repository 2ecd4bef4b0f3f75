# expect: tls-outdated-protocol
resource "google_compute_target_https_proxy" "web" {
  name             = "web"
  url_map          = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
}

# ok: tls-outdated-protocol -- the proxy names a TLS 1.2 policy
resource "google_compute_target_https_proxy" "api" {
  name             = "api"
  url_map          = google_compute_url_map.api.id
  ssl_certificates = [google_compute_managed_ssl_certificate.api.id]
  ssl_policy       = google_compute_ssl_policy.modern.id
}

resource "google_compute_ssl_policy" "modern" {
  name            = "modern"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}

resource "azurerm_application_gateway" "edge" {
  name                = "edge"
  resource_group_name = var.resource_group
  location            = var.location
  ssl_policy {
    policy_type          = "Custom"
    # expect: tls-outdated-protocol
    min_protocol_version = "TLSv1_1"
  }
}

resource "azurerm_postgresql_server" "ledger" {
  name                    = "ledger"
  location                = var.location
  resource_group_name     = var.resource_group
  sku_name                = "GP_Gen5_2"
  version                 = "11"
  ssl_enforcement_enabled = true
  # expect: tls-outdated-protocol
  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"
}
