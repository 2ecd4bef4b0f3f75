from urllib.request import OpenerDirector, urlopen, urlretrieve

# Default parameter values do not reach their uses yet: blocked on the Python front-end
# restructure (values through parameters).


def fetch_catalog(url="http://catalog.partner.example.com/feed.xml"):
    # todo-expect: plaintext-transport
    return urlopen(url).read()


def mirror(dest, source="ftp://mirror.partner.example.org/pub/data.tar.gz"):
    # todo-expect: plaintext-transport
    return urlretrieve(source, dest)


def open_feed(url="http://feeds.partner.example.com/rss"):
    # todo-expect: plaintext-transport
    return OpenerDirector().open(url)


def fetch_local(url="http://localhost:8080/feed.xml"):
    # ok: plaintext-transport -- loopback default
    return urlopen(url).read()


def fetch_secure(url="https://catalog.partner.example.com/feed.xml"):
    # ok: plaintext-transport -- https default
    return urlopen(url).read()
