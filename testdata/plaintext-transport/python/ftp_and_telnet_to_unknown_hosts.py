import sys
import telnetlib
from ftplib import FTP

host = sys.argv[1]
# expect: plaintext-transport
tn = telnetlib.Telnet(host)
# expect: plaintext-transport
ftp = FTP()
# ok: plaintext-transport -- loopback
local = FTP("127.0.0.1")
