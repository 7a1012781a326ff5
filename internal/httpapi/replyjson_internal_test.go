package httpapi

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/converse"
)

// awkward holds every byte below 0x80, HTML characters, line and paragraph
// separators, invalid UTF-8 and multi-byte runes.
var awkward = func() string {
	var sb strings.Builder
	for c := 0; c < utf8.RuneSelf; c++ {
		sb.WriteByte(byte(c))
	}
	sb.WriteString("<b>&amp;</b> \u2028\u2029 é 日本 🎉 \xff\xfe \xe2\x82 end")
	return sb.String()
}()

func TestReplyBodyMatchesEncodingJSON(t *testing.T) {
	cases := []converse.Reply{
		{},
		{Text: "Richard studied at the University of Oklahoma.", Intent: "education",
			Citations:   []converse.Citation{{Section: "education", Index: 0}, {Section: "basics", Index: 12, Field: "name"}},
			Suggestions: []string{"Who is Richard?", "What does Richard do now?"}},
		{Refused: true, Citations: []converse.Citation{}, Suggestions: []string{}},
		{Text: awkward, Intent: awkward, Citations: []converse.Citation{{Section: awkward, Index: -3, Field: awkward}}, Suggestions: []string{awkward, ""}},
	}
	for i := 0; i < len(awkward); i++ {
		cases = append(cases, converse.Reply{Text: awkward[i:], Suggestions: []string{awkward[:i]}})
	}
	for i, r := range cases {
		var want bytes.Buffer
		if err := json.NewEncoder(&want).Encode(replyBody{Reply: r}); err != nil {
			t.Fatal(err)
		}
		if got := appendReplyBody(nil, r); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("case %d:\n got %q\nwant %q", i, got, want.Bytes())
		}
	}
}

// TestReplyBodyKnowsEveryField fails when a field is added to what a reply
// encodes, so that appendReplyBody is taught it.
func TestReplyBodyKnowsEveryField(t *testing.T) {
	fields := func(v any) []string {
		var out []string
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			f := typ.Field(i)
			out = append(out, f.Name+":"+f.Type.String()+":"+f.Tag.Get("json"))
		}
		return out
	}
	cases := []struct {
		v    any
		want []string
	}{
		{replyBody{}, []string{"Reply:converse.Reply:reply"}},
		{converse.Reply{}, []string{"Text:string:text", "Refused:bool:refused", "Citations:[]converse.Citation:citations",
			"Suggestions:[]string:suggestions", "Intent:string:intent"}},
		{converse.Citation{}, []string{"Section:string:section", "Index:int:index", "Field:string:field,omitempty"}},
	}
	for _, c := range cases {
		if got := fields(c.v); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%T fields %v; appendReplyBody knows %v", c.v, got, c.want)
		}
	}
}
