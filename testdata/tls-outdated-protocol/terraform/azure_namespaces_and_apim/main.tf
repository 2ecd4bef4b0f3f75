resource "azurerm_eventhub_namespace" "telemetry" {
  name                = "telemetry"
  location            = var.location
  resource_group_name = var.resource_group
  sku                 = "Standard"
  # expect: tls-outdated-protocol
  minimum_tls_version = "1.0"
}

# ok: tls-outdated-protocol -- TLS 1.2 minimum
resource "azurerm_servicebus_namespace" "orders" {
  name                = "orders"
  location            = var.location
  resource_group_name = var.resource_group
  sku                 = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_cosmosdb_account" "catalog" {
  name                = "catalog"
  location            = var.location
  resource_group_name = var.resource_group
  offer_type          = "Standard"
  # expect: tls-outdated-protocol
  minimal_tls_version = "Tls11"
}

resource "azurerm_api_management" "gateway" {
  name                = "gateway"
  location            = var.location
  resource_group_name = var.resource_group
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"
  security {
    # expect: tls-outdated-protocol
    enable_frontend_tls10 = true
  }
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = var.resource_group
  server_name         = azurerm_mysql_flexible_server.main.name
  # expect: tls-outdated-protocol
  value               = "TLSv1.1,TLSv1.2"
}
