package httpapi

import (
	"math"
	"net/http"
	"net/url"
	"strconv"

	"github.com/parleyhq/parley/internal/apperr"
)

// queryOf parses r's query string for an endpoint that reads the
// parameters names. url.Values drops what it cannot parse (a bad %-escape,
// a ';' separator) and Get keeps the first of repeated values, so
// "?limit=%zz" or "?limit=1;after=2" would silently mean "no limit" and
// "?strict=false&strict=true" "not strict": each is the client's mistake,
// answered 400 rather than read as something it did not say. Parameters the
// endpoint does not read are ignored, repeated or not.
func queryOf(r *http.Request, names ...string) (url.Values, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, apperr.New(apperr.Malformed, "query string: %v", err)
	}
	for _, name := range names {
		if n := len(q[name]); n > 1 {
			return nil, apperr.New(apperr.Malformed, "query parameter %s given %d times: give it once", name, n)
		}
	}
	return q, nil
}

// queryInt reads the optional integer parameter name, at least lo: 0 when
// absent. A value below lo, past 32 bits or not a number is the client's
// mistake, answered 400 rather than silently read as "all".
func queryInt(q url.Values, name string, lo int) (int, error) {
	const hi = math.MaxInt32
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, apperr.New(apperr.Malformed, "query parameter %s=%s: want an integer from %d to %d", name, apperr.Quote(v), lo, hi)
	}
	return n, nil
}
