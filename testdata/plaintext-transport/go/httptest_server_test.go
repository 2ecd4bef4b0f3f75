package client

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	// ok: plaintext-transport -- a test server on loopback, URL unknown statically
	http.Get(srv.URL + "/x")
}
