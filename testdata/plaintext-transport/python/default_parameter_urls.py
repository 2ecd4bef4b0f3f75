from urllib.request import OpenerDirector, urlopen, urlretrieve

# A parameter's constant default reaches its uses in the body when no call site in the file
# passes anything else for it.


def fetch_catalog(url="http://catalog.partner.example.com/feed.xml"):
    # expect: plaintext-transport
    return urlopen(url).read()


def mirror(dest, source="ftp://mirror.partner.example.org/pub/data.tar.gz"):
    # expect: plaintext-transport
    return urlretrieve(source, dest)


def open_feed(url="http://feeds.partner.example.com/rss"):
    # expect: plaintext-transport
    return OpenerDirector().open(url)


def fetch_local(url="http://localhost:8080/feed.xml"):
    # ok: plaintext-transport -- loopback default
    return urlopen(url).read()


def fetch_secure(url="https://catalog.partner.example.com/feed.xml"):
    # ok: plaintext-transport -- https default
    return urlopen(url).read()


def fetch_passed(url="http://catalog.partner.example.com/feed.xml"):
    # ok: plaintext-transport -- a call site passes another value
    return urlopen(url).read()


def fetch_same(url="http://catalog.partner.example.com/feed.xml"):
    # expect: plaintext-transport
    return urlopen(url).read()


def fetch_splat(url="http://catalog.partner.example.com/feed.xml"):
    # ok: plaintext-transport -- a call through **kwargs may pass anything
    return urlopen(url).read()


def fetch_rebound(url="http://catalog.partner.example.com/feed.xml"):
    url = url.replace("http://", "https://")
    # ok: plaintext-transport -- rebound in the body
    return urlopen(url).read()


def route(path):
    return lambda f: f


@route("/feed")
def fetch_routed(url="http://catalog.partner.example.com/feed.xml"):
    # ok: plaintext-transport -- a decorated function is called by what decorates it
    return urlopen(url).read()


class Client:
    def get(self, url="http://api.partner.example.com/v1"):
        # ok: plaintext-transport -- a call site passes another value positionally
        return urlopen(url).read()

    def ping(self, url="http://api.partner.example.com/ping"):
        # expect: plaintext-transport
        return urlopen(url).read()


def main(settings, options):
    fetch_passed(settings.url)
    fetch_same("http://catalog.partner.example.com/feed.xml")
    fetch_same(url="http://catalog.partner.example.com/feed.xml")
    fetch_splat(**options)
    fetch_rebound()
    Client().get(settings.url)
    Client().ping()
