package httpapi

import (
	"net/http"
	"strings"
)

// turnPattern is the route of a text turn, the request a server mostly
// serves.
const turnPattern = "POST /v1/sessions/{id}/messages"

// serveTurn serves r with turnPattern's handler when r is a text turn
// whose path ServeMux would take as is, and reports whether it did.
// ServeMux's escaping, cleaning and tree walk cost a turn ~4.6k
// instructions (~1.3k for /healthz); this settles the common case with one
// scan of the path. It only takes paths whose id is made of letters,
// digits, '-' and '_' (no escapes, no dots, so cleaning and unescaping
// leave the path as it is) and a POST; anything else goes through the mux.
// No other route is more specific for such a path
// (TestServeTurnIsTheMuxsChoice checks every registered pattern).
//
// The id is not set as a path value: SetPathValue on a request the mux did
// not match allocates a map (two allocations, ~300 bytes a turn). The turn
// handlers read it with turnSessionID, which finds it in the path again.
func (s *Server) serveTurn(w http.ResponseWriter, r *http.Request) bool {
	if s.turnRoute == nil {
		return false
	}
	if _, ok := turnRequestID(r); !ok {
		return false
	}
	r.Pattern = turnPattern
	s.turnRoute.ServeHTTP(w, r)
	return true
}

// turnSessionID is the {id} of a request served under turnPattern: the
// mux's path value, or (when serveTurn took it without the mux) the id in
// its plain path.
func turnSessionID(r *http.Request) string {
	if id := r.PathValue("id"); id != "" {
		return id
	}
	id, _ := turnRequestID(r)
	return id
}

// turnRequestID returns the id of a POST to "/v1/sessions/{id}/messages"
// whose id is plain (see serveTurn).
func turnRequestID(r *http.Request) (string, bool) {
	if r.Method != http.MethodPost || r.URL.RawPath != "" {
		return "", false
	}
	path := r.URL.Path
	const prefix, suffix = "/v1/sessions/", "/messages"
	if len(path) <= len(prefix)+len(suffix) || !strings.HasPrefix(path, prefix) || !strings.HasSuffix(path, suffix) {
		return "", false
	}
	id := path[len(prefix) : len(path)-len(suffix)]
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return "", false
		}
	}
	return id, true
}
