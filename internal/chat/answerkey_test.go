package chat

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
)

// TestAnswerKeyIsStable: keys outlive a deploy (the answer cache may be
// Redis), so building them without allocations must not change them.
func TestAnswerKeyIsStable(t *testing.T) {
	now := time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)
	cases := []struct{ version, question string }{
		{"hendriks@3:abc:false:true", "Where did he study?"},
		{"", ""},
		{"x@1:h:true:true", "  WHAT   is his   Current role??  "},
		{strings.Repeat("v", 300), strings.Repeat("long question ", 40)}, // past the stack buffer
	}
	for _, c := range cases {
		h := sha256.Sum256([]byte(c.version + "\x00" + now.Format(time.DateOnly) + "\x00" + converse.NormalizeQuestion(c.question)))
		want := "answer:" + hex.EncodeToString(h[:])
		if got := answerKey(c.version, c.question, now); got != want {
			t.Errorf("answerKey(%q, %q) = %s, want %s", c.version, c.question, got, want)
		}
	}
}

// TestAppendNormalizedIsNormalizeQuestion: the decoded-reply layer's key
// holds the question as the engine normalises it.
func TestAppendNormalizedIsNormalizeQuestion(t *testing.T) {
	cases := []string{"", " ", "Where did he study?", "  WHAT   is his\tCurrent\r\nrole??  ",
		"a\u00a0b\u0085c\u3000d\u2028e", "\xff \xfe\x80 ok", "\v\f", "déjà  vu", "one"}
	for _, q := range cases {
		want := converse.NormalizeQuestion(q)
		if got := string(appendNormalized([]byte("x"), q)); got != "x"+want {
			t.Errorf("appendNormalized(%q) = %q, want %q", q, got[1:], want)
		}
	}
}

// TestAnswerInputAllocatesNothing: a turn names its reply in a stack
// buffer; only the decoded layer's key (one string) is allocated.
func TestAnswerInputAllocatesNothing(t *testing.T) {
	now := time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC)
	var sink int
	allocs := testing.AllocsPerRun(100, func() {
		var in [256]byte
		sink += len(appendAnswerInput(in[:0], "hendriks@3:abc:false:true", "  Where did   he study? ", now))
	})
	if allocs != 0 {
		t.Errorf("appendAnswerInput: %v allocations, want 0", allocs)
	}
	_ = sink
}

// TestValidIDIsHexDecode: validID takes what hex.DecodeString takes (32
// digits), allocating nothing.
func TestValidIDIsHexDecode(t *testing.T) {
	ids := []string{"0123456789abcdef0123456789ABCDEF", "0123456789abcdef0123456789abcdeg", "", "00",
		"0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0", "0123456789abcdef 123456789abcdef",
		"0123456789abcdef0123456789abcd\xc3\xa9"}
	for c := 0; c < 256; c++ {
		ids = append(ids, "0123456789abcdef0123456789abcde"+string([]byte{byte(c)}))
	}
	for _, id := range ids {
		_, err := hex.DecodeString(id)
		if got, want := validID(id), len(id) == 32 && err == nil; got != want {
			t.Errorf("validID(%q) = %v, want %v", id, got, want)
		}
	}
	ok := false
	if n := testing.AllocsPerRun(100, func() { ok = validID("0123456789abcdef0123456789abcdef") }); n != 0 || !ok {
		t.Errorf("validID: %v allocations, want 0 (and true: %v)", n, ok)
	}
}
