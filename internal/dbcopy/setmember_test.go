package dbcopy

import (
	"slices"
	"testing"
)

// TestSetEmptyMember: MySQL writes a SET's empty-string member as
// nothing (the bits of it and 'sso' read 'sso'), so a SET declaring it is
// read as its number (mysqlSelect) and its members listed from that; a
// default, read as text, is taken as before.
func TestSetEmptyMember(t *testing.T) {
	col := &Column{Name: "features", DataType: "set", Convert: "set", Values: []string{"", "sso", "audit"}}
	if got := mysqlSelect(col); got != "CONCAT(',', `features` + 0)" {
		t.Errorf("select %q: the SET's number is not read", got)
	}
	for _, c := range []struct {
		in   string
		want []string
		rej  bool
	}{
		{",3", []string{"", "sso"}, false},
		{",1", []string{""}, false},
		{",0", []string{}, false},
		{",6", []string{"sso", "audit"}, false},
		{",8", nil, true},
		{"sso,audit", []string{"sso", "audit"}, false}, // a default
		{"", []string{}, false},
	} {
		out, rej, _ := convSet(col, []byte(c.in))
		if (rej != nil) != c.rej || !c.rej && !slices.Equal(out.([]string), c.want) {
			t.Errorf("%q: got %q (%v), want %q", c.in, out, rej, c.want)
		}
	}
	if got := mysqlSelect(&Column{Name: "s", DataType: "set", Values: []string{"a", "b"}}); got != "`s`" {
		t.Errorf("a SET without '' read as %q", got)
	}
	if noteDetails["set_value"] == "" {
		t.Error("the set_value note has no detail: plan prints an empty line for it")
	}
}
