package dbcopy_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"

	"github.com/parleyhq/parley/internal/dbcopy"
	"github.com/parleyhq/parley/internal/testenv"
)

// freshMySQL returns a mysql:// URL of a fresh MariaDB database and its DSN.
func freshMySQL(t *testing.T) (url, dsn, name string) {
	t.Helper()
	dsn = testenv.MySQLDSN(t)
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("parse dsn: %v", err)
	}
	cred := cfg.User
	if cfg.Passwd != "" {
		cred += ":" + cfg.Passwd
	}
	return "mysql://" + cred + "@" + cfg.Addr + "/" + cfg.DBName, dsn, cfg.DBName
}

// mysqlExec feeds SQL to the mariadb client, in UTC so TIMESTAMPs are predictable.
func mysqlExec(t *testing.T, dsn string, sqlText string) {
	t.Helper()
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("parse dsn: %v", err)
	}
	host, port, _ := strings.Cut(cfg.Addr, ":")
	args := []string{"-h" + host, "-P" + port, "-u" + cfg.User, "--default-character-set=utf8mb4", "--init-command=SET time_zone='+00:00'", cfg.DBName}
	if cfg.Passwd != "" {
		args = append(args, "-p"+cfg.Passwd)
	}
	cmd := exec.Command("mariadb", args...)
	cmd.Stdin = strings.NewReader(sqlText)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mariadb: %v\n%s", err, out)
	}
}

var v57Comment = regexp.MustCompile(`/\*!50705 (.*?)\*/`)

// loadSakila loads the shared Sakila fixture into a fresh database.
func loadSakila(t *testing.T) (url, dsn string) {
	t.Helper()
	url, dsn, _ = freshMySQL(t)
	dir := filepath.Join("..", "..", "..", "shared", "fixtures", "mysql-sakila")
	if _, err := os.Stat(dir); err != nil {
		dir = "/work/shared/fixtures/mysql-sakila"
	}
	var all strings.Builder
	for _, f := range []string{"sakila-schema.sql", "sakila-data.sql"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatalf("read fixture: %v", err)
		}
		for _, line := range strings.SplitAfter(string(b), "\n") {
			l := strings.TrimSpace(line)
			if strings.HasPrefix(l, "DROP SCHEMA") || strings.HasPrefix(l, "CREATE SCHEMA") || strings.HasPrefix(l, "USE ") {
				continue
			}
			// MariaDB skips MySQL 5.7 version comments; unwrap them so the
			// GEOMETRY column and its data load too.
			line = v57Comment.ReplaceAllString(line, "$1")
			all.WriteString(strings.ReplaceAll(line, "sakila.", ""))
		}
	}
	mysqlExec(t, dsn, all.String())
	return url, dsn
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// runCLI calls dbcopy.Main like the parley binary does.
func runCLI(t *testing.T, ctx context.Context, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := dbcopy.Main(ctx, args, &out, &errb, testLogger(t))
	if err != nil {
		t.Logf("dbcopy %s: %v\nstdout:\n%s\nstderr:\n%s", args[0], err, out.String(), errb.String())
	}
	return out.String(), err
}

func pgConn(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	c, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatalf("connect pg: %v", err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}
