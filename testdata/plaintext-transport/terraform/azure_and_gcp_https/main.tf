resource "azurerm_storage_account" "exports" {
  name                     = "acmeexports"
  resource_group_name      = var.rg
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  # ok: tls-outdated-protocol -- TLS1_2
  min_tls_version = "TLS1_2"
  # expect: plaintext-transport
  enable_https_traffic_only = false
}

resource "azurerm_linux_web_app" "portal" {
  name                = "portal"
  resource_group_name = var.rg
  location            = "westeurope"
  service_plan_id     = var.plan_id
  # expect: plaintext-transport
  https_only = false

  site_config {}
}

resource "azurerm_redis_cache" "sessions" {
  name                = "sessions"
  location            = "westeurope"
  resource_group_name = var.rg
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  # expect: plaintext-transport
  non_ssl_port_enabled = true
  minimum_tls_version  = "1.2"
}

resource "google_redis_instance" "cache" {
  name           = "cache"
  memory_size_gb = 1
  # expect: plaintext-transport
  transit_encryption_mode = "DISABLED"
}
