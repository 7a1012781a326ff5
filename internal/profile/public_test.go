package profile_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/profile"
)

func TestPublicJSON(t *testing.T) {
	doc := mustDecode(t, sample(t))
	tests := []struct {
		name                   string
		opts                   profile.Privacy
		wantPhone, wantAddress bool
	}{
		{"default shares neither", profile.Privacy{}, false, false},
		{"phone shared", profile.Privacy{SharePhone: true}, true, false},
		{"address shared", profile.Privacy{ShareAddress: true}, false, true},
		{"both shared", profile.Privacy{SharePhone: true, ShareAddress: true}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := profile.PublicJSON(doc.Raw, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Contains(out, []byte("(912) 555-4321")); got != tt.wantPhone {
				t.Errorf("phone present = %v, want %v", got, tt.wantPhone)
			}
			if got := bytes.Contains(out, []byte("2712 Broadway St")); got != tt.wantAddress {
				t.Errorf("address present = %v, want %v", got, tt.wantAddress)
			}
			// Everything else survives: the public JSON is still a valid
			// document, and only the private keys differ from the source.
			pub := mustDecode(t, out)
			if pub.Resume.Basics.Location.City != "San Francisco" || pub.Resume.Basics.Email == "" {
				t.Errorf("public view lost public fields: %+v", pub.Resume.Basics)
			}
			want := doc.Resume.Public(tt.opts)
			if diff := cmp.Diff(want, pub.Resume); diff != "" {
				t.Errorf("PublicJSON and Resume.Public disagree (-Public +PublicJSON):\n%s", diff)
			}
		})
	}
}

func TestPublicJSONKeepsUnknownFields(t *testing.T) {
	doc := mustDecode(t, []byte(`{"basics":{"name":"A","phone":"1","x":{"y":[1.50]},"location":{"address":"a","z":true}}}`))
	out, err := profile.PublicJSON(doc.Raw, profile.Privacy{})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"basics":{"location":{"z":true},"name":"A","x":{"y":[1.50]}}}`
	if string(out) != want {
		t.Errorf("PublicJSON = %s, want %s", out, want)
	}
}

func TestPublicJSONRejectsNonJSON(t *testing.T) {
	if _, err := profile.PublicJSON([]byte("{"), profile.Privacy{}); err == nil {
		t.Error("PublicJSON accepted broken JSON")
	}
	// Documents without basics (or with odd shapes) pass through unchanged.
	out, err := profile.PublicJSON([]byte(`{"basics":"x"}`), profile.Privacy{})
	if err != nil || !json.Valid(out) || string(out) != `{"basics":"x"}` {
		t.Errorf("PublicJSON = %s, %v", out, err)
	}
}

func TestResumePublicDoesNotChangeOriginal(t *testing.T) {
	r := mustDecode(t, sample(t)).Resume
	pub := r.Public(profile.Privacy{})
	if pub.Basics.Phone != "" || pub.Basics.Location.Address != "" {
		t.Errorf("Public kept private fields: %+v", pub.Basics)
	}
	if r.Basics.Phone == "" || r.Basics.Location.Address == "" {
		t.Error("Public changed its receiver")
	}
}
