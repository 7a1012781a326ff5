package blobtest

import (
	"io"
	"net/http"
	"sync"
)

// LifecycleStandIn adds bucket lifecycle configuration (GET and PUT
// ?lifecycle) in front of an in-process S3 that lacks it (gofakes3 takes
// PUT ?lifecycle for a bucket creation), keeping what was put.
type LifecycleStandIn struct {
	Next http.Handler
	mu   sync.Mutex
	body []byte // nil: no configuration
}

// Set replaces the stored configuration (XML).
func (l *LifecycleStandIn) Set(b []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.body = b
}

// Config returns the stored configuration, nil when there is none.
func (l *LifecycleStandIn) Config() []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.body
}

func (l *LifecycleStandIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, ok := r.URL.Query()["lifecycle"]; !ok {
		l.Next.ServeHTTP(w, r)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	w.Header().Set("Content-Type", "application/xml")
	switch r.Method {
	case http.MethodGet:
		if l.body == nil {
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message></Error>`)
			return
		}
		_, _ = w.Write(l.body)
	case http.MethodPut:
		b, err := io.ReadAll(r.Body)
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		l.body = b
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
	}
}
