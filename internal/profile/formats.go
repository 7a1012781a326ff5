package profile

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"
)

func dateMessage(s string) string {
	return fmt.Sprintf("%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s)
}

// checkEmail accepts a bare address (no display name, no angle brackets)
// whose domain has a dot, as JSON Schema's "email" format does in common
// validators. "" means the field is unset and is accepted.
func checkEmail(s string) string {
	if s == "" {
		return ""
	}
	bad := fmt.Sprintf("%q is not an e-mail address (e.g. ada@example.com)", s)
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return bad
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") ||
		strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") || strings.HasPrefix(domain, "[") {
		return bad
	}
	return ""
}

// Schemes that would run code or smuggle content when a client renders the
// field as a link; the schema alone would allow them.
var refusedSchemes = map[string]bool{"javascript": true, "vbscript": true, "data": true, "file": true}

// checkURI accepts an absolute URI (RFC 3986: scheme, then the rest; http
// and https need a host). "" means the field is unset and is accepted. So
// is a scheme-less web address such as "example.com/work": real résumés,
// the JSON Resume project's own sample among them, write links that way,
// and common validators of the schema accept URI references.
func checkURI(s string) string {
	if s == "" {
		return ""
	}
	bad := fmt.Sprintf("%q is not a URL (e.g. https://example.com)", s)
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return bad
	}
	u, err := url.Parse(s)
	if err != nil {
		return bad
	}
	if u.Scheme == "" {
		if isBareWebAddress(s) {
			return ""
		}
		return bad
	}
	scheme := strings.ToLower(u.Scheme)
	if refusedSchemes[scheme] {
		return fmt.Sprintf("%q: links with the %s: scheme are not allowed", s, scheme)
	}
	if (scheme == "http" || scheme == "https") && u.Host == "" {
		return bad
	}
	return ""
}

// isBareWebAddress reports whether s reads as host.tld[/path...] without a
// scheme, with a host of DNS labels.
func isBareWebAddress(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	if strings.ContainsAny(host, "?#@:") || !strings.Contains(host, ".") {
		return false
	}
	labels := strings.Split(host, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.IndexFunc(tld, unicode.IsLetter) < 0 {
		return false // "1.5" or an IP address is no web address
	}
	u, err := url.Parse("https://" + s)
	return err == nil && u.Host == host
}
