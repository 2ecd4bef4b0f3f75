import smtplib
import ssl


def send_mail(user, password):
    context = ssl.create_default_context()
    # ok: plaintext-transport -- starttls() upgrades the connection before login
    with smtplib.SMTP("smtp.example.com", 587) as server:
        server.starttls(context=context)
        server.login(user, password)


def send_implicit(user, password):
    # ok: plaintext-transport -- SMTP_SSL is TLS from the first byte
    with smtplib.SMTP_SSL("smtp.example.com", 465) as server:
        server.login(user, password)


def relay_without_login(msg):
    # ok: plaintext-transport -- no credentials are sent (a local relay)
    with smtplib.SMTP("localhost") as server:
        server.send_message(msg)
