module "orders_db" {
  source            = "./modules/db"
  name              = "orders"
  storage_encrypted = false
}
