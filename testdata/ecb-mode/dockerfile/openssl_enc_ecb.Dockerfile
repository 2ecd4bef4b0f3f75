FROM alpine:3.20
# expect: ecb-mode
RUN openssl enc -aes-128-ecb -K "$KEY_HEX" -in card.bin -out card.enc
# ok: ecb-mode -- CBC with a salt and PBKDF2
RUN openssl enc -aes-128-cbc -pbkdf2 -salt -in card.bin -out card.enc -pass env:CARD_PASS
