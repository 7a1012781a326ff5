package dbcopy

import "testing"

// TestTextNorm: text into a typed column compares in the type's canonical
// form, as PostgreSQL reads it; what the type does not read stays unread.
func TestTextNorm(t *testing.T) {
	for _, tc := range []struct {
		target, in, want string
		ok               bool
	}{
		{"uuid", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", true},
		{"uuid", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", true},
		{"uuid", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", true},
		{"uuid", "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "", false},
		{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "", false},
		{"inet", "2001:DB8:0:0::1", "2001:db8::1", true},
		{"inet", "10.0.0.1/32", "10.0.0.1", true},
		{"inet", "10.0.0.1/8", "10.0.0.1/8", true},
		{"cidr", "10.0.0.1", "10.0.0.1/32", true},
		{"inet", "10.0.0.256", "", false},
		{"macaddr", "08-00-2B-01-02-03", "08:00:2b:01:02:03", true},
		{"boolean", " YES ", "true", true},
		{"boolean", "of", "false", true},
		{"boolean", "o", "", false},
		{"boolean", "2", "", false},
		{"integer", "+007", "7", true},
		{"smallint", "40000", "", false},
		{"numeric(10,2)", "3.50", "3.5", true},
		{"numeric", "1e3", "1000", true},
		{"numeric", "-.05E-1", "-0.005", true},
		{"numeric", "-0.00", "0", true},
		{"numeric", "1.2.3", "", false},
		{"real", "0.1", "0.1", true},
		{"jsonb", `{"b":1, "a":[1.0]}`, `{"a":[1e0],"b":1e0}`, true},
		{"character(5)", "ab   ", "ab", true},
	} {
		f := textNorm(&Column{Convert: "text", TargetType: tc.target})
		if f == nil {
			t.Errorf("%s: no canonical form", tc.target)
			continue
		}
		got, ok := f(tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("%s %q: got %q %v, want %q %v", tc.target, tc.in, got, ok, tc.want, tc.ok)
		}
	}
	// A domain over uuid (--into-existing) compares as uuid.
	if f := textNorm(&Column{Convert: "text", TargetType: "account_id", baseType: "uuid"}); f == nil {
		t.Errorf("domain over uuid: no canonical form")
	} else if got, _ := f("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"); got != "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" {
		t.Errorf("domain over uuid: got %q", got)
	}
	for _, target := range []string{"text", "varchar(10)", "json", "host_state", "citext"} {
		if textNorm(&Column{Convert: "text", TargetType: target}) != nil {
			t.Errorf("%s: text compared in a canonical form; want as it is", target)
		}
	}
}
