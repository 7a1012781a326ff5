// Command benchupstream is the upstream of scripts/bench-gateway.sh: a small
// Go server answering every request with the same ~1 KB JSON document. With
// -token-file it also plays Parley's identity server: it serves an ES256 JWKS
// at /oauth/jwks and writes a valid bearer token to the file.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "listen address")
	tokenFile := flag.String("token-file", "", "write a bearer JWT here and serve /oauth/jwks")
	flag.Parse()
	body := payload()
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		h := w.Header()
		h["Content-Type"] = []string{"application/json"}
		h["Content-Length"] = []string{strconv.Itoa(len(body))}
		_, _ = w.Write(body)
	})
	if *tokenFile != "" {
		jwks, token, err := identity("http://" + *addr)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(*tokenFile, []byte(token), 0o600); err != nil {
			log.Fatal(err)
		}
		mux.HandleFunc("/oauth/jwks", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(jwks)
		})
	}
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// payload is a profile-like JSON document of about 1 KB.
func payload() []byte {
	doc := map[string]any{
		"slug": "hendriks", "name": "Ada Hendriks", "label": "Staff engineer",
		"summary": strings.Repeat("Builds reliable distributed systems. ", 19),
		"skills":  []string{"Go", "PostgreSQL", "Redis", "Kubernetes", "Prometheus", "gRPC", "Kafka"},
		"work": []map[string]string{
			{"name": "Example Corp", "position": "Staff engineer", "startDate": "2019-04-01"},
			{"name": "Acme Ltd", "position": "Senior engineer", "startDate": "2015-09-01", "endDate": "2019-03-31"},
		},
	}
	b, _ := json.Marshal(doc)
	return b
}

func identity(issuer string) (jwks []byte, token string, err error) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, "", fmt.Errorf("generate key: %w", err)
	}
	jwks, err = json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &k.PublicKey, KeyID: "bench", Algorithm: "ES256", Use: "sig"}}})
	if err != nil {
		return nil, "", fmt.Errorf("jwks: %w", err)
	}
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: k, KeyID: "bench"}}, nil)
	if err != nil {
		return nil, "", fmt.Errorf("signer: %w", err)
	}
	token, err = jwt.Signed(sig).Claims(jwt.Claims{Issuer: issuer, Subject: "bench", Audience: jwt.Audience{"parley"},
		Expiry: jwt.NewNumericDate(time.Now().Add(24 * time.Hour))}).Serialize()
	if err != nil {
		return nil, "", fmt.Errorf("sign: %w", err)
	}
	return jwks, token, nil
}
