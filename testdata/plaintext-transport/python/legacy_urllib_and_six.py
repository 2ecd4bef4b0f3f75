import urllib
import urllib2

from six.moves import urllib as compat_urllib

FEED = "http://feeds.partner.example.com/daily.csv"

# expect: plaintext-transport
urllib.urlretrieve(FEED, "/tmp/daily.csv")
# expect: plaintext-transport
page = urllib.FancyURLopener().open("http://status.partner.example.com/")
# expect: plaintext-transport
req = urllib2.Request("http://api.partner.example.com/v1/orders")
opener = urllib2.build_opener()
# expect: plaintext-transport
resp = opener.open("http://api.partner.example.com/v1/orders")
# expect: plaintext-transport
body = compat_urllib.request.urlopen("ftp://files.partner.example.com/pub/list.txt").read()
# ok: plaintext-transport -- https
body = compat_urllib.request.urlopen("https://files.partner.example.com/pub/list.txt").read()
# ok: plaintext-transport -- loopback
urllib.URLopener().retrieve("http://127.0.0.1:8000/export.csv", "/tmp/export.csv")
