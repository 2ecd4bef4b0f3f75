import asyncpg
import mysql.connector
import psycopg2
from sqlalchemy import create_engine

DSN = "postgresql://app@orders-db.prod.example.com:5432/orders?sslmode=disable"
LOCAL_DSN = "postgresql://app@localhost:5432/orders?sslmode=disable"

conn = psycopg2.connect(
    host="orders-db.prod.example.com",
    dbname="orders",
    # expect: db-connection-without-tls
    sslmode="disable",
)
# ok: db-connection-without-tls -- verify-full is the safe mode
conn2 = psycopg2.connect(host="orders-db.prod.example.com", sslmode="verify-full")
# ok: db-connection-without-tls -- loopback
conn3 = psycopg2.connect(host="localhost", sslmode="disable")

# expect: db-connection-without-tls
engine = create_engine(DSN, pool_pre_ping=True)
# ok: db-connection-without-tls -- loopback DSN
engine_local = create_engine(LOCAL_DSN)

# expect: db-connection-without-tls
engine2 = create_engine("postgresql://app@db.example.com/app", connect_args={"sslmode": "prefer"})


async def pool():
    # expect: db-connection-without-tls
    return await asyncpg.create_pool(host="analytics.example.com", ssl=False)


# expect: db-connection-without-tls
my = mysql.connector.connect(host="mysql.example.com", user="app", ssl_disabled=True)

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        # expect: db-connection-without-tls
        "OPTIONS": {"sslmode": "disable"},
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        # ok: db-connection-without-tls -- require keeps TLS on
        "OPTIONS": {"sslmode": "require"},
    },
}
