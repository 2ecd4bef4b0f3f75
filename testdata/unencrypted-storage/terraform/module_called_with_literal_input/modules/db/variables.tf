variable "name" {
  type = string
}

variable "storage_encrypted" {
  type    = bool
  default = true
}
