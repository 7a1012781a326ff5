package chat

import (
	"bytes"
	"testing"
	"time"
)

func TestLiveRecordDecodes(t *testing.T) {
	exp := time.Date(2026, 11, 29, 18, 0, 0, 123456789, time.UTC)
	full := live{Slug: "hendriks", ExpiresAt: exp, Context: []byte(`{"topic":"education"}`)}
	enc := full.encode()
	cases := []struct {
		name string
		in   []byte
		ok   bool
		want live
	}{
		{"compact", enc, true, full},
		{"compact without context", live{Slug: "a", ExpiresAt: exp}.encode(), true, live{Slug: "a", ExpiresAt: exp}},
		{"older JSON layout", []byte(`{"slug":"hendriks","expires_at":"2026-11-29T18:00:00.123456789Z","context":{"topic":"education"}}`), true, full},
		{"empty", nil, false, live{}},
		{"unknown layout", append([]byte{liveFormat + 1}, enc[1:]...), false, live{}},
		{"slug cut short", enc[:4], false, live{}},
		{"expiry missing", enc[:1+1+len("hendriks")], false, live{}},
		{"not JSON", []byte(`{"slug":`), false, live{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := decodeLive(c.in)
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			if got.Slug != c.want.Slug || !got.ExpiresAt.Equal(c.want.ExpiresAt) || !bytes.Equal(got.Context, c.want.Context) {
				t.Errorf("decoded %+v (context %s), want %+v (context %s)", got, got.Context, c.want, c.want.Context)
			}
		})
	}
}
