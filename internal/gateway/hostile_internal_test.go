package gateway

import (
	"path"
	"strings"
	"testing"
)

func TestRoutePath(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "/", true},
		{"/api/", "/api/", true},
		{"/api/x", "/api/x", true},
		{"/.well-known/x", "/.well-known/x", true},
		{"/a.b/..c/x..", "/a.b/..c/x..", true},
		{"*", "*", true},
		{"/api;v=1/x;y", "/api/x", true},
		{"/api/x;", "/api/x", true},
		{"//api", "//api", false},
		{"/api//x", "/api//x", false},
		{"/a/../api", "/a/../api", false},
		{"/a/./api", "/a/./api", false},
		{"/a/..", "/a/..", false},
		{"/.", "/.", false},
		{"/..;x/api", "/../api", false},
		{"/a\\b", "/a\\b", false},
	}
	for _, tt := range tests {
		got, ok := routePath(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("routePath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestCleanPath: the reading of a path by an upstream that normalises it.
func TestCleanPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "/"},
		{"/api/x", "/api/x"},
		{"//api/x", "/api/x"},
		{"/api//x/", "/api/x/"},
		{"/a/../api/x", "/api/x"},
		{"/a/./api", "/a/api"},
		{"/open/..", "/"},
		{"/open/x/..", "/open/"},
		{"/open/x/.", "/open/x/"},
		{"/../../api", "/api"},
		{"/open\\..\\api\\x", "/api/x"},
		{"/api/..;/open", "/open"},
		{"/api;v=1/x", "/api/x"},
		{"*", "*"},
	}
	for _, tt := range tests {
		if got := cleanPath(tt.in); got != tt.want {
			t.Errorf("cleanPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzRoutePath: a path routePath accepts is one no upstream resolves to
// another (path.Clean leaves it as is, but for a trailing slash), once
// its ";" parameters are left out.
func FuzzRoutePath(f *testing.F) {
	for _, s := range []string{"/", "/api/x", "/a/../b", "//a", "/a;b/c", "/..;/x", "/a\\b", "/.well-known/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got, ok := routePath(p)
		if p == "" || p[0] != '/' {
			return
		}
		if c := cleanPath(p); c != path.Clean(c) && c != path.Clean(c)+"/" {
			t.Fatalf("cleanPath(%q) = %q, not clean", p, c)
		}
		if !ok {
			return
		}
		if strings.IndexByte(got, ';') >= 0 || strings.IndexByte(got, '\\') >= 0 {
			t.Fatalf("routePath(%q) = %q", p, got)
		}
		if c := path.Clean(got); c != got && c+"/" != got {
			t.Fatalf("routePath(%q) = %q, which cleans to %q", p, got, c)
		}
		if strings.IndexByte(p, ';') < 0 && got != p {
			t.Fatalf("routePath(%q) = %q, changed without parameters", p, got)
		}
	})
}
