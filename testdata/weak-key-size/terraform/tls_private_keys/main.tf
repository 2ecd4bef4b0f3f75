resource "tls_private_key" "legacy" {
  algorithm = "RSA"
  # expect: weak-key-size
  rsa_bits = 1024
}

# ok: weak-key-size -- 4096 bits
resource "tls_private_key" "service" {
  algorithm = "RSA"
  rsa_bits  = 4096
}

# ok: weak-key-size -- the default is 2048 bits
resource "tls_private_key" "default" {
  algorithm = "RSA"
}

resource "tls_private_key" "ec_small" {
  algorithm = "ECDSA"
  # expect: weak-key-size
  ecdsa_curve = "P224"
}

# ok: weak-key-size -- P-384
resource "tls_private_key" "ec" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P384"
}
