import grpc
import urllib3
from pysnmp.hlapi import CommunityData, UsmUserData, usmHMACSHAAuthProtocol, usmNoPrivProtocol
from pysnmp.hlapi.v3arch.asyncio import UsmUserData as UsmUserDataV3

# expect: plaintext-transport
v2c = CommunityData("public", mpModel=1)
# expect: plaintext-transport
v1 = CommunityData("monitoring", mpModel=0)
# expect: plaintext-transport
auth_only = UsmUserData("poller", "auth-secret-123")
# expect: plaintext-transport
no_auth = UsmUserDataV3("poller")
# expect: plaintext-transport
explicit_none = UsmUserData("poller", "auth-secret-123", "priv-secret-123", authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmNoPrivProtocol)
# ok: plaintext-transport -- SNMPv3 with a privacy key is encrypted
private = UsmUserData("poller", "auth-secret-123", "priv-secret-123")
# ok: plaintext-transport -- privacy key passed by name
private_kw = UsmUserDataV3("poller", authKey="auth-secret-123", privKey="priv-secret-123")


def serve(server, port):
    # expect: plaintext-transport
    server.add_insecure_port("[::]:50051")
    # expect: plaintext-transport
    server.add_insecure_port(f"0.0.0.0:{port}")
    # ok: plaintext-transport -- a loopback port for a local sidecar
    server.add_insecure_port("127.0.0.1:50052")


def connect(target):
    # expect: plaintext-transport
    return grpc.insecure_channel(target)


# ok: plaintext-transport -- loopback channel
local = grpc.insecure_channel("localhost:50051")

http = urllib3.PoolManager(10)
http = urllib3.PoolManager(10, retries=3)
# expect: plaintext-transport
resp = http.request("GET", "http://inventory.partner.example.com/v2/items")
# ok: plaintext-transport -- https
resp = http.request("POST", "https://inventory.partner.example.com/v2/items")
# ok: plaintext-transport -- loopback
resp = http.request("GET", "http://127.0.0.1:8080/health")

# expect: plaintext-transport
raw = urllib3.PoolManager().urlopen("GET", "http://inventory.partner.example.com/v2/raw")
# expect: plaintext-transport
pool = urllib3.connection_from_url("http://inventory.partner.example.com")
# ok: plaintext-transport -- https pool
tls_pool = urllib3.connection_from_url("https://inventory.partner.example.com")
