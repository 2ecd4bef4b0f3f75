# expect: plaintext-transport
resource "azurerm_spring_cloud_service" "orders" {
  name                = "orders"
  resource_group_name = "rg-orders"
  location            = "westeurope"
  sku_tier            = "Standard"
}

resource "azurerm_spring_cloud_app" "orders_api" {
  name                = "orders-api"
  resource_group_name = "rg-orders"
  service_name        = azurerm_spring_cloud_service.orders.name
}

# ok: plaintext-transport -- every app turns end-to-end TLS on
resource "azurerm_spring_cloud_service" "billing" {
  name                = "billing"
  resource_group_name = "rg-billing"
  location            = "westeurope"
  sku_tier            = "Standard"
}

resource "azurerm_spring_cloud_app" "billing_api" {
  name                = "billing-api"
  resource_group_name = "rg-billing"
  service_name        = azurerm_spring_cloud_service.billing.name
  tls_enabled         = true
}

# ok: plaintext-transport -- the Basic tier cannot turn end-to-end TLS on
resource "azurerm_spring_cloud_service" "sandbox" {
  name                = "sandbox"
  resource_group_name = "rg-sandbox"
  location            = "westeurope"
  sku_tier            = "Basic"
}

resource "azurerm_spring_cloud_app" "sandbox_api" {
  name                = "sandbox-api"
  resource_group_name = "rg-sandbox"
  service_name        = azurerm_spring_cloud_service.sandbox.name
  tls_enabled         = false
}
