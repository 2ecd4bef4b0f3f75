resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  # expect: unencrypted-storage
  settings {
    caching_enabled = true
  }
}

# ok: unencrypted-storage -- no cache, nothing stored
resource "aws_api_gateway_method_settings" "metrics" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    metrics_enabled = true
  }
}

# expect: unencrypted-storage
resource "aws_appsync_api_cache" "graph" {
  api_id                     = aws_appsync_graphql_api.main.id
  api_caching_behavior       = "FULL_REQUEST_CACHING"
  type                       = "SMALL"
  ttl                        = 300
  transit_encryption_enabled = true
}

# expect: unencrypted-storage
resource "azurerm_automation_variable_string" "token" {
  name                    = "token"
  resource_group_name     = var.resource_group
  automation_account_name = azurerm_automation_account.main.name
  value                   = var.token
}

# ok: unencrypted-storage -- the variable is encrypted
resource "azurerm_automation_variable_string" "password" {
  name                    = "password"
  resource_group_name     = var.resource_group
  automation_account_name = azurerm_automation_account.main.name
  value                   = var.password
  encrypted               = true
}
