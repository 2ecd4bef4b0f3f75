variable "encrypt_storage" {
  type    = bool
  default = false
}

variable "encrypt_cache" {
  type    = bool
  default = false
}

variable "encrypt_search" {
  type = bool
}

variable "env" {
  type    = string
  default = "dev"
}
