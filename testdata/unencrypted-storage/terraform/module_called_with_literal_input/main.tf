module "orders_db" {
  source            = "./modules/db"
  name              = "orders"
  storage_encrypted = false
}

module "sessions_cache" {
  source          = "./modules/cache"
  name            = "sessions"
  encrypt_at_rest = local.encrypt
}

locals {
  encrypt = true
}
