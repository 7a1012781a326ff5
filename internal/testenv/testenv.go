// Package testenv gives tests real servers: a fresh PostgreSQL database, a
// Redis connection URL, a fresh MySQL/MariaDB database. When a server does not
// answer, the test is skipped with a loud message, unless
// PARLEY_REQUIRE_SERVICES=1 (set by .ci/run), which turns the skip into a
// failure so that CI can never pass without the server suites.
package testenv

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"

	_ "github.com/go-sql-driver/mysql" // driver for MySQLDSN
)

// Defaults match the project machine; override with PARLEY_TEST_POSTGRES_URL,
// PARLEY_TEST_REDIS_URL and PARLEY_TEST_MYSQL_DSN.
const (
	defaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	defaultRedis    = "redis://127.0.0.1:6379/0"
	defaultMySQL    = "root@tcp(127.0.0.1:3306)/"
)

// Required reports whether missing servers must fail tests instead of skipping them.
func Required() bool { return os.Getenv("PARLEY_REQUIRE_SERVICES") == "1" }

// Missing reports that something a test needs is not there: a loud skip,
// or a failure under PARLEY_REQUIRE_SERVICES=1.
func Missing(tb testing.TB, what string, err error) {
	tb.Helper()
	unavailable(tb, what, err)
}

func unavailable(tb testing.TB, what string, err error) {
	tb.Helper()
	msg := fmt.Sprintf("%s is not reachable (%v)", what, err)
	if Required() {
		tb.Fatalf("%s and PARLEY_REQUIRE_SERVICES=1: start it (see README) or unset the variable", msg)
	}
	fmt.Fprintf(os.Stderr, "\n!!! SKIPPING %s: %s — this suite did NOT run !!!\n\n", tb.Name(), msg)
	tb.Skipf("SKIPPED: %s", msg)
}

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func randomName(prefix string) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// PostgresURL creates a fresh, empty database on the test PostgreSQL server
// and returns its URL; the database is dropped when the test ends.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	admin := getenv("PARLEY_TEST_POSTGRES_URL", defaultPostgres)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		unavailable(tb, "PostgreSQL", err)
	}
	defer conn.Close(context.Background())
	name := randomName("parley_test_")
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		_, _ = c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("parse PARLEY_TEST_POSTGRES_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// RedisURL returns the URL of the test Redis after checking that it answers.
// Tests must isolate themselves with a unique key prefix (see KeyPrefix): the
// server is shared with other packages running in parallel.
func RedisURL(tb testing.TB) string {
	tb.Helper()
	raw := getenv("PARLEY_TEST_REDIS_URL", defaultRedis)
	opt, err := redis.ParseURL(raw)
	if err != nil {
		tb.Fatalf("parse PARLEY_TEST_REDIS_URL: %v", err)
	}
	c := redis.NewClient(opt)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		unavailable(tb, "Redis", err)
	}
	return raw
}

// KeyPrefix returns a prefix unique to this test, for keys on a shared Redis.
func KeyPrefix(tb testing.TB) string {
	tb.Helper()
	return randomName("t") + ":"
}

// MySQLDSN creates a fresh database on the test MySQL/MariaDB server and
// returns a go-sql-driver/mysql DSN for it; the database is dropped at the end.
func MySQLDSN(tb testing.TB) string {
	tb.Helper()
	base := getenv("PARLEY_TEST_MYSQL_DSN", defaultMySQL)
	db, err := sql.Open("mysql", base)
	if err != nil {
		tb.Fatalf("open mysql: %v", err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		unavailable(tb, "MySQL/MariaDB", err)
	}
	name := randomName("parley_test_")
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name+" CHARACTER SET utf8mb4"); err != nil {
		tb.Fatalf("create mysql database: %v", err)
	}
	tb.Cleanup(func() {
		d, err := sql.Open("mysql", base)
		if err != nil {
			return
		}
		defer d.Close()
		_, _ = d.Exec("DROP DATABASE IF EXISTS " + name)
	})
	dsn := strings.TrimSuffix(base, "/") + "/" + name
	if strings.Contains(base, "/?") {
		dsn = strings.Replace(base, "/?", "/"+name+"?", 1)
	}
	return dsn
}

// FreeAddr returns a free 127.0.0.1 address for a server under test.
func FreeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("listen: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

// Tool returns the path of an external program a test needs (espeak-ng,
// pocketsphinx_continuous, ...). When it is missing the test is skipped
// loudly, or fails under PARLEY_REQUIRE_SERVICES=1, where .ci/run has
// installed every tool the README's set-up names.
func Tool(tb testing.TB, name, install string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		unavailable(tb, name+" ("+install+")", err)
	}
	return p
}

// File checks that a file a test reads from the system exists, like Tool.
func File(tb testing.TB, path, install string) {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		unavailable(tb, path+" ("+install+")", err)
	}
}
