package chat

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
)

// TestStateJSONIsMarshal: the stored state and citations are what
// json.Marshal writes, so rows read back (and states written before) stay
// what they were.
func TestStateJSONIsMarshal(t *testing.T) {
	// A new field must be written by the appenders too.
	for typ, n := range map[reflect.Type]int{
		reflect.TypeFor[converse.State]():    10,
		reflect.TypeFor[converse.Window]():   3,
		reflect.TypeFor[converse.Citation](): 3,
	} {
		if typ.NumField() != n {
			t.Fatalf("%v has %d fields, the appenders in statejson.go know %d", typ, typ.NumField(), n)
		}
	}
	states := []converse.State{
		{},
		{Turn: 3, Intent: "education", Section: "education", Focus: []int{1}, Tech: "go", Mode: 2},
		{Focus: []int{}, List: []int{}},
		{Turn: -1, Focus: []int{0, 2, -3}, List: []int{0, 2, 3}, ListSection: "work", Window: &converse.Window{From: 2019, To: 2021}, Said: 4294967295},
		{Window: &converse.Window{}},
		{Window: &converse.Window{To: 2020, Current: true}},
		{Window: &converse.Window{From: -5, Current: true}},
		{Mode: 255, Tech: "C++"},
		{Tech: "R&D"},
		{Tech: "Node.js <3"},
		{Section: `quo"te`},
		{Intent: "naïve"},
		{ListSection: "tab\t"},
	}
	for _, st := range states {
		want, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalState(st)
		if err != nil || string(got) != string(want) {
			t.Errorf("marshalState(%+v) = %s, %v; want %s", st, got, err, want)
		}
	}
	cites := [][]converse.Citation{
		nil,
		{},
		{{Section: "work", Index: 0}},
		{{Section: "work", Index: 2, Field: "highlights"}, {Section: "education", Index: -1}},
		{{Section: "a<b", Index: 1}},
		{{Section: "work", Index: 1, Field: "é"}},
	}
	for _, cs := range cites {
		want, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalCitations(cs)
		if err != nil || string(got) != string(want) {
			t.Errorf("marshalCitations(%+v) = %s, %v; want %s", cs, got, err, want)
		}
	}
}

// TestStateJSONAllocations: one allocation each, the bytes stored.
func TestStateJSONAllocations(t *testing.T) {
	st := converse.State{Turn: 4, Intent: "education", Section: "education", Focus: []int{1}, Window: &converse.Window{From: 2019}}
	cs := []converse.Citation{{Section: "education", Index: 1}, {Section: "work", Index: 0, Field: "highlights"}}
	if n := testing.AllocsPerRun(100, func() { _, _ = marshalState(st) }); n != 1 {
		t.Errorf("marshalState: %v allocations, want 1", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = marshalCitations(cs) }); n != 1 {
		t.Errorf("marshalCitations: %v allocations, want 1", n)
	}
}
