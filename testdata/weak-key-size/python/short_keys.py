from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

# expect: weak-key-size
k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
# ok: weak-key-size -- 3072 bits
k2 = rsa.generate_private_key(public_exponent=65537, key_size=3072)
# expect: weak-key-size
k3 = dsa.generate_private_key(key_size=1024)
# expect: weak-key-size
k4 = RSA.generate(512)
# ok: weak-key-size -- 2048 is the floor
k5 = RSA.generate(2048)
# expect: weak-key-size
k6 = ec.generate_private_key(ec.SECP192R1())
# ok: weak-key-size -- P-256
k7 = ec.generate_private_key(ec.SECP256R1())
# expect: weak-key-size
k8 = ec.generate_private_key(curve=ec.SECT163R2)
# ok: weak-key-size -- P-384 passed as a class
k9 = ec.generate_private_key(ec.SECP384R1)
