package chat

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
)

// TestCloneStateIsAJSONRoundTrip: a kept state handed to a turn must be what
// decoding its bytes would give, and share no memory with the kept one.
func TestCloneStateIsAJSONRoundTrip(t *testing.T) {
	cases := []converse.State{
		{},
		{Turn: 3, Intent: "education", Section: "education", Focus: []int{1}, Tech: "go", Mode: 2},
		{Focus: []int{}, List: []int{}},
		{Focus: []int{0, 2}, List: []int{0, 2, 3}, ListSection: "work", Window: &converse.Window{From: 2019, To: 2021}, Said: 4123456789},
		{Window: &converse.Window{}},
	}
	for i, st := range cases {
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		var want converse.State
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		got := cloneState(st)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("case %d: clone %+v, round trip %+v", i, got, want)
		}
		if len(got.Focus) > 0 {
			got.Focus[0]++
			got.Focus = append(got.Focus, 9)
			if st.Focus[0] == got.Focus[0] || (len(got.List) > 0 && got.List[0] == 9) {
				t.Errorf("case %d: clone shares Focus with the kept state", i)
			}
		}
		if got.Window != nil && got.Window == st.Window {
			t.Errorf("case %d: clone shares Window", i)
		}
	}
}

// TestCloneStateKnowsEveryField fails when converse.State gains a field, so
// that cloneState is checked for it (a new slice, map or pointer field
// would be shared between turns).
func TestCloneStateKnowsEveryField(t *testing.T) {
	var names []string
	typ := reflect.TypeFor[converse.State]()
	for i := range typ.NumField() {
		names = append(names, typ.Field(i).Name+":"+typ.Field(i).Type.String())
	}
	want := []string{"Turn:int", "Intent:string", "Section:string", "Focus:[]int", "Tech:string", "Mode:uint8",
		"Window:*converse.Window", "List:[]int", "ListSection:string", "Said:uint32"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("converse.State fields %v; cloneState knows %v", names, want)
	}
}
