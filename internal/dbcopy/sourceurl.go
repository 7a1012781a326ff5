package dbcopy

import (
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/parleyhq/parley/internal/apperr"
)

// SourceURL is a parsed --from value.
type SourceURL struct {
	Engine string // "mysql" or "sqlite"
	// DSN is what the driver opens: a go-sql-driver/mysql DSN or a modernc
	// sqlite "file:" URI opened read-only.
	DSN string
	// Display is the URL with the password masked, for logs and plans.
	Display string
	// Database is the MySQL database (schema) name; empty for SQLite.
	Database string
}

// ParseSource parses mysql://USER[:PASS]@HOST[:PORT]/DB[?tls=...] and
// sqlite:PATH. It never panics; bad input gets an apperr.Invalid error.
func ParseSource(raw string) (SourceURL, error) {
	switch {
	case strings.HasPrefix(raw, "mysql://"):
		return parseMySQL(raw)
	case strings.HasPrefix(raw, "sqlite:"):
		return parseSQLite(raw)
	case raw == "":
		return SourceURL{}, apperr.New(apperr.Invalid, "--from is required (mysql://USER[:PASS]@HOST:PORT/DB or sqlite:PATH)")
	}
	return SourceURL{}, apperr.New(apperr.Invalid, "unsupported source %q: want mysql://USER[:PASS]@HOST:PORT/DB or sqlite:PATH", maskURL(raw))
}

func parseMySQL(raw string) (SourceURL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return SourceURL{}, apperr.New(apperr.Invalid, "bad mysql URL: %v", strings.ReplaceAll(err.Error(), raw, maskURL(raw)))
	}
	db := strings.TrimPrefix(u.Path, "/")
	if db == "" || strings.Contains(db, "/") {
		return SourceURL{}, apperr.New(apperr.Invalid, "mysql URL must name one database: mysql://USER[:PASS]@HOST:PORT/DB")
	}
	if u.User == nil || u.User.Username() == "" {
		return SourceURL{}, apperr.New(apperr.Invalid, "mysql URL must name a user: mysql://USER[:PASS]@HOST:PORT/DB")
	}
	host := u.Hostname()
	if host == "" {
		return SourceURL{}, apperr.New(apperr.Invalid, "mysql URL must name a host")
	}
	port := u.Port()
	if port == "" {
		port = "3306"
	}
	cfg := mysql.NewConfig()
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.Net = "tcp"
	cfg.Addr = net.JoinHostPort(host, port)
	cfg.DBName = db
	// Exact values: dates stay text (zero dates survive), the session is
	// UTC so TIMESTAMP columns read as stored, and utf8mb4 so every
	// character set converts to UTF-8 on the server.
	cfg.ParseTime = false
	cfg.Collation = "utf8mb4_bin"
	cfg.Timeout = 10 * time.Second
	cfg.Params = map[string]string{
		"time_zone":         "'+00:00'",
		"net_write_timeout": "600",
		"net_read_timeout":  "600",
	}
	q := u.Query()
	for k, v := range q {
		switch k {
		case "tls":
			cfg.TLSConfig = v[0]
		case "socket":
			cfg.Net, cfg.Addr = "unix", v[0]
		default:
			return SourceURL{}, apperr.New(apperr.Invalid, "unknown mysql URL parameter %q (known: tls, socket)", k)
		}
	}
	if cfg.TLSConfig != "" {
		if err := cfg.Apply(); err != nil { // validates the tls value
			return SourceURL{}, apperr.New(apperr.Invalid, "bad mysql tls parameter: %v", err)
		}
	}
	return SourceURL{Engine: "mysql", DSN: cfg.FormatDSN(), Display: maskURL(raw), Database: db}, nil
}

func parseSQLite(raw string) (SourceURL, error) {
	path := strings.TrimPrefix(raw, "sqlite:")
	path = strings.TrimPrefix(path, "//")
	if path == "" {
		return SourceURL{}, apperr.New(apperr.Invalid, "sqlite source needs a path: sqlite:./data/parley.db")
	}
	if strings.ContainsAny(path, "?#\x00") {
		return SourceURL{}, apperr.New(apperr.Invalid, "sqlite path must not contain '?', '#' or NUL")
	}
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath()}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	u.RawQuery = q.Encode()
	return SourceURL{Engine: "sqlite", DSN: u.String(), Display: raw}, nil
}

// maskURL hides the password of a URL for display.
func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		if i := strings.Index(raw, "@"); i >= 0 {
			return "***" + raw[i:]
		}
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
