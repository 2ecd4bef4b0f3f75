package store

import (
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func open(ctx any, tlsCfg any) {
	// expect: db-connection-without-tls
	sql.Open("postgres", "host=db.example.com user=app sslmode=disable")
	// expect: db-connection-without-tls
	pgx.Connect(ctx, "postgres://app@db.example.com/shop?sslmode=disable")
	// expect: db-connection-without-tls
	options.Client().ApplyURI("mongodb://db.example.com:27017/?tls=false")
	// ok: db-connection-without-tls -- loopback
	sql.Open("postgres", "host=localhost user=app sslmode=disable")
	// ok: db-connection-without-tls -- TLS required
	sql.Open("postgres", "host=db.example.com user=app sslmode=verify-full")

	// expect: db-connection-without-tls
	redis.NewClient(&redis.Options{Addr: "cache.example.com:6379"})
	// ok: db-connection-without-tls -- loopback
	redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	// ok: db-connection-without-tls -- TLS configured
	redis.NewClient(&redis.Options{Addr: "cache.example.com:6380", TLSConfig: tlsCfg})
}
