package client

import (
	"context"
	"fmt"
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

const apiHost = "api.example.com"

var base = "http://" + apiHost

func calls(ctx context.Context, client *http.Client) {
	// expect: plaintext-transport
	http.Get("http://api.example.com/users")
	// expect: plaintext-transport
	http.Post(fmt.Sprintf("%s/v%d/orders", base, 2), "application/json", nil)
	// expect: plaintext-transport
	http.NewRequestWithContext(ctx, "GET", base+"/health", nil)
	c := &http.Client{}
	// expect: plaintext-transport
	c.Get("http://payments.example.com/charge")
	// ok: plaintext-transport -- loopback
	http.Get("http://localhost:8080/metrics")
	// ok: plaintext-transport -- TLS
	http.NewRequest("POST", "https://api.example.com/users", nil)
	// ok: plaintext-transport -- serving plain HTTP alone says nothing about what is behind it
	http.ListenAndServe(":8080", nil)
}

func dial(creds credentials.TransportCredentials) {
	// expect: plaintext-transport
	grpc.Dial("orders.example.com:443", grpc.WithInsecure())
	// expect: plaintext-transport
	grpc.Dial("orders.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	// ok: plaintext-transport -- a sidecar on loopback
	grpc.Dial("localhost:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
	// ok: plaintext-transport -- a sidecar on loopback
	grpc.Dial("127.0.0.1:50051", grpc.WithInsecure())
	// expect: plaintext-transport
	opts := []grpc.DialOption{grpc.WithInsecure()}
	grpc.NewClient("orders.example.com:443", opts...)
	// ok: plaintext-transport -- real transport credentials
	grpc.Dial("orders.example.com:443", grpc.WithTransportCredentials(creds))
}
