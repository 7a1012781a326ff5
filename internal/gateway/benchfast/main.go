// Command benchfast is a peer in scripts/bench-gateway.sh: a bare proxy on
// fasthttp (fasthttp.Server in front, one fasthttp.HostClient with
// keep-alive to the upstream), with no routing, authentication, rate
// limits, retries, metrics or header rewriting. It shows what a Go proxy
// costs per request at the floor, so that the gateway's own per-request
// layer can be told from Go's runtime.
package main

import (
	"flag"
	"log"
	"net/url"
	"time"

	"github.com/valyala/fasthttp"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9001", "listen address")
	target := flag.String("target", "http://127.0.0.1:9000", "upstream URL (http only)")
	flag.Parse()
	u, err := url.Parse(*target)
	if err != nil || u.Scheme != "http" {
		log.Fatalf("target: want http://host:port, got %q", *target)
	}
	c := &fasthttp.HostClient{Addr: u.Host, MaxConns: 1024, MaxIdleConnDuration: 90 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	srv := &fasthttp.Server{
		ReadTimeout: 10 * time.Second,
		Handler: func(fc *fasthttp.RequestCtx) {
			// Do sends the request as it arrived and reads the answer into
			// fc's response; fasthttp strips Connection itself.
			if err := c.Do(&fc.Request, &fc.Response); err != nil {
				fc.Error("bad gateway", fasthttp.StatusBadGateway)
			}
		},
	}
	log.Fatal(srv.ListenAndServe(*addr))
}
