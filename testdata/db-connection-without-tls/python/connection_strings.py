from pymongo import MongoClient
from sqlalchemy import create_engine

# expect: db-connection-without-tls
mongo = MongoClient("mongodb://reports.example.com:27017/?tls=false")
# ok: db-connection-without-tls -- tls=true
mongo_tls = MongoClient("mongodb://reports.example.com:27017/?tls=true")
# expect: db-connection-without-tls
mysql = create_engine("mysql+pymysql://app@mysql.example.com/app?ssl_disabled=true")
# ok: db-connection-without-tls -- sslmode=verify-full
pg = create_engine("postgresql://app@pg.example.com/app?sslmode=verify-full")
