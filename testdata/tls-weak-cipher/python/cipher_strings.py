import ssl

WEAK = "ALL:@SECLEVEL=0"

ctx = ssl.create_default_context()
# expect: tls-weak-cipher
ctx.set_ciphers("DES-CBC3-SHA:RC4-SHA")
# expect: tls-weak-cipher
ctx.set_ciphers(WEAK)
# ok: tls-weak-cipher -- the weak suites are excluded with "!"
ctx.set_ciphers("ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!RC4:!3DES")
# ok: tls-weak-cipher -- HIGH minus anonymous and MD5 suites
ctx.set_ciphers("HIGH:!aNULL:!MD5")
