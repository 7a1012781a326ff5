package converse_test

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/converse"
)

func month(y, m int) int { return y*12 + m - 1 }

func TestParseWindow(t *testing.T) {
	now := time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		q      string
		want   converse.Window
		ok     bool
		phrase string
	}{
		{"What did she do in 2017?", converse.Window{From: month(2017, 1), To: month(2017, 12)}, true, "in 2017"},
		{"between 2016 and 2019", converse.Window{From: month(2016, 1), To: month(2019, 12)}, true, "between 2016 and 2019"},
		{"from 2019 to 2016", converse.Window{From: month(2016, 1), To: month(2019, 12)}, true, "between 2016 and 2019"},
		{"jobs 2012-2014", converse.Window{From: month(2012, 1), To: month(2014, 12)}, true, "between 2012 and 2014"},
		{"since 2020", converse.Window{From: month(2020, 1)}, true, "since 2020"},
		{"after 2020", converse.Window{From: month(2021, 1)}, true, "since 2021"},
		{"before 2015", converse.Window{To: month(2014, 12)}, true, "before 2015"},
		{"until 2015", converse.Window{To: month(2015, 12)}, true, "before 2016"},
		{"in March 2019", converse.Window{From: month(2019, 3), To: month(2019, 3)}, true, "in March 2019"},
		{"in the last three years", converse.Window{From: month(2022, 7), To: month(2025, 6)}, true, ""},
		{"past 5 years", converse.Window{From: month(2020, 7), To: month(2025, 6)}, true, ""},
		{"last year", converse.Window{From: month(2024, 1), To: month(2024, 12)}, true, "in 2024"},
		{"this year", converse.Window{From: month(2025, 1), To: month(2025, 12)}, true, "in 2025"},
		{"in the 2010s", converse.Window{From: month(2010, 1), To: month(2019, 12)}, true, "between 2010 and 2019"},
		{"in the early 2010s", converse.Window{From: month(2010, 1), To: month(2013, 12)}, true, "between 2010 and 2013"},
		{"late 90s", converse.Window{From: month(1996, 1), To: month(1999, 12)}, true, "between 1996 and 1999"},
		{"in the nineties", converse.Window{From: month(1990, 1), To: month(1999, 12)}, true, "between 1990 and 1999"},
		{"what is she doing currently", converse.Window{Current: true}, true, "currently"},
		{"at the moment", converse.Window{Current: true}, true, "currently"},
		{"from 2018 to now", converse.Window{From: month(2018, 1)}, true, "since 2018"},
		{"Where did she work?", converse.Window{}, false, ""},
		{"Does she know C++ 11?", converse.Window{}, false, ""},
		{"call 555 1234", converse.Window{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got, ok := converse.ParseWindow(tt.q, now)
			if ok != tt.ok || got != tt.want {
				t.Fatalf("ParseWindow(%q) = %+v, %v; want %+v, %v", tt.q, got, ok, tt.want, tt.ok)
			}
			if tt.phrase != "" && got.Phrase() != tt.phrase {
				t.Errorf("Phrase() = %q, want %q", got.Phrase(), tt.phrase)
			}
		})
	}
}

func TestWindowBounds(t *testing.T) {
	now := time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)
	w, _ := converse.ParseWindow("in 2017", now)
	from, to := w.Bounds(now)
	if !from.Equal(time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)) || !to.Equal(time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Bounds = %v, %v", from, to)
	}
	w, _ = converse.ParseWindow("since 2020", now)
	if _, to := w.Bounds(now); !to.IsZero() {
		t.Errorf("since 2020 has an end: %v", to)
	}
}

func FuzzParseWindow(f *testing.F) {
	for _, s := range []string{"in 2017", "between 2016 and 2019", "last 3 years", "early 90s", "since 2199", "before 1900", "the 00s", "last 99 decades", ""} {
		f.Add(s)
	}
	now := time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		w, ok := converse.ParseWindow(s, now)
		if !ok {
			if !w.IsZero() {
				t.Fatalf("no window but %+v", w)
			}
			return
		}
		if w.From != 0 && w.To != 0 && w.From > w.To {
			t.Fatalf("%q: From %d after To %d", s, w.From, w.To)
		}
		_ = w.Phrase()
		w.Bounds(now)
	})
}
