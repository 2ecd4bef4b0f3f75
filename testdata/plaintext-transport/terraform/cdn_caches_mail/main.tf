# expect: plaintext-transport
resource "azurerm_cdn_endpoint" "static" {
  name                = "static"
  profile_name        = azurerm_cdn_profile.main.name
  location            = var.location
  resource_group_name = var.resource_group
  origin {
    name      = "web"
    host_name = "web.example.com"
  }
}

# ok: plaintext-transport -- the endpoint serves HTTPS only
resource "azurerm_cdn_endpoint" "media" {
  name                = "media"
  profile_name        = azurerm_cdn_profile.main.name
  location            = var.location
  resource_group_name = var.resource_group
  is_http_allowed     = false
  origin {
    name      = "media"
    host_name = "media.example.com"
  }
}

resource "aws_appsync_api_cache" "graph" {
  api_id                     = aws_appsync_graphql_api.main.id
  api_caching_behavior       = "FULL_REQUEST_CACHING"
  type                       = "SMALL"
  ttl                        = 300
  at_rest_encryption_enabled = true
  # expect: plaintext-transport
  transit_encryption_enabled = false
}

resource "aws_ses_configuration_set" "marketing" {
  name = "marketing"
  delivery_options {
    # expect: plaintext-transport
    tls_policy = "Optional"
  }
}

# ok: plaintext-transport -- SES must deliver over TLS
resource "aws_ses_configuration_set" "receipts" {
  name = "receipts"
  delivery_options {
    tls_policy = "Require"
  }
}

resource "azurerm_linux_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.portal.id
  # expect: plaintext-transport
  https_only     = false
  site_config {}
}
