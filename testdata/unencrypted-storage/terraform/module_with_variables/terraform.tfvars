encrypt_cache = true
