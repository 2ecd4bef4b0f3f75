from flask import Flask
from flask_talisman import Talisman

app = Flask(__name__)

# expect: hsts-missing
Talisman(app, force_https=False)

# expect: hsts-missing
Talisman(app, strict_transport_security_max_age=86400)

# ok: hsts-missing -- a year, with subdomains
Talisman(app, strict_transport_security_max_age=31536000, strict_transport_security_include_subdomains=True)


@app.after_request
def headers(response):
    # expect: hsts-missing
    response.headers["Strict-Transport-Security"] = "max-age=600"
    return response


@app.after_request
def good_headers(response):
    # ok: hsts-missing -- two years
    response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    return response
