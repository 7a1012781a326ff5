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
