package dbcopy_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/dbcopy"
)

func TestParseSource(t *testing.T) {
	tests := []struct {
		in, engine, dsnHas, display string
		bad                         bool
	}{
		{in: "mysql://app:s3cret@db1:3307/shop", engine: "mysql", dsnHas: "app:s3cret@tcp(db1:3307)/shop", display: "mysql://app:xxxxx@db1:3307/shop"},
		{in: "mysql://root@127.0.0.1/sakila", engine: "mysql", dsnHas: "root@tcp(127.0.0.1:3306)/sakila"},
		{in: "mysql://u@h/db?tls=skip-verify", engine: "mysql", dsnHas: "tls=skip-verify"},
		{in: "sqlite:./data/parley.db", engine: "sqlite", dsnHas: "mode=ro"},
		{in: "sqlite:///tmp/x y.db", engine: "sqlite", dsnHas: "x%20y.db"},
		{in: "mysql://h/db", bad: true},
		{in: "mysql://u@h/", bad: true},
		{in: "mysql://u@h/db?foo=1", bad: true},
		{in: "postgres://u@h/db", bad: true},
		{in: "sqlite:", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		got, err := dbcopy.ParseSource(tt.in)
		if tt.bad {
			if !apperr.Is(err, apperr.Invalid) {
				t.Errorf("ParseSource(%q) err = %v, want invalid", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseSource(%q): %v", tt.in, err)
			continue
		}
		if got.Engine != tt.engine || !strings.Contains(got.DSN, tt.dsnHas) {
			t.Errorf("ParseSource(%q) = %+v, want engine %s and DSN containing %q", tt.in, got, tt.engine, tt.dsnHas)
		}
		if tt.display != "" && got.Display != tt.display {
			t.Errorf("display = %q, want %q", got.Display, tt.display)
		}
	}
}

func FuzzParseSource(f *testing.F) {
	for _, s := range []string{"mysql://u:p@h:1/db", "sqlite:a.db", "mysql://u@[::1]:3306/d?tls=true", "mysql://%zz@h/d", "sqlite://", "mysql://u@h/d?socket=/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := dbcopy.ParseSource(s)
		if err != nil {
			if apperr.CodeOf(err) != apperr.Invalid {
				t.Fatalf("error without Invalid code: %v", err)
			}
			return
		}
		if u.Engine != "mysql" && u.Engine != "sqlite" {
			t.Fatalf("engine %q", u.Engine)
		}
		if pw := strings.SplitN(strings.TrimPrefix(s, "mysql://"), "@", 2)[0]; u.Engine == "mysql" && strings.Contains(pw, ":") {
			if _, secret, _ := strings.Cut(pw, ":"); len(secret) > 5 && strings.Contains(u.Display, secret) {
				t.Fatalf("display %q leaks the password", u.Display)
			}
		}
	})
}
