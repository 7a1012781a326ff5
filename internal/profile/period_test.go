package profile_test

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

var now = time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC)

func mustPeriod(t *testing.T, start, end string) profile.Period {
	t.Helper()
	p, err := profile.PeriodOf(start, end, now)
	if err != nil {
		t.Fatalf("PeriodOf(%q, %q): %v", start, end, err)
	}
	return p
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		start, end string
		open       bool
		months     int
		str        string
	}{
		{"2020-01", "2020-03", false, 3, "2020-01 – 2020-03"},
		{"2013-12-01", "2014-12-01", false, 12, "2013-12-01 – 2014-12-01"},
		{"2019", "2019", false, 12, "2019 – 2019"},
		{"2019-05", "2019", false, 8, "2019-05 – 2019"},
		{"2016-08-24", "2016-08-24", false, 0, "2016-08-24 – 2016-08-24"},
		{"2022-01", "", true, 29, "2022-01 – present"},
		{"2022-01", "Present", true, 29, "2022-01 – present"},
		{"2022-01", " current ", true, 29, "2022-01 – present"},
		{"2022-01", "NOW", true, 29, "2022-01 – present"},
		{"2030", "", true, 0, "2030 – present"}, // starts in the future
	}
	for _, tt := range tests {
		t.Run(tt.start+".."+tt.end, func(t *testing.T) {
			p := mustPeriod(t, tt.start, tt.end)
			if p.Open != tt.open {
				t.Errorf("Open = %v", p.Open)
			}
			if tt.open && p.End != profile.DateOf(now) {
				t.Errorf("open End = %v, want today", p.End)
			}
			if got := p.Months(now); got != tt.months {
				t.Errorf("Months = %d, want %d", got, tt.months)
			}
			if p.Duration(now) < 0 {
				t.Errorf("Duration = %v", p.Duration(now))
			}
			if p.String() != tt.str {
				t.Errorf("String = %q, want %q", p.String(), tt.str)
			}
		})
	}
}

func TestPeriodOfRejects(t *testing.T) {
	for _, tt := range [][2]string{{"", "2020"}, {"2020-13", ""}, {"2020", "soon"}, {"2020-05", "2020-04"}, {"2021", "2020-12-31"}} {
		if p, err := profile.PeriodOf(tt[0], tt[1], now); err == nil {
			t.Errorf("PeriodOf(%q, %q) = %v, want an error", tt[0], tt[1], p)
		}
	}
}

func TestPeriodDuration(t *testing.T) {
	if got := mustPeriod(t, "2019-03-01", "2019-03-01").Duration(now); got != 24*time.Hour {
		t.Errorf("one-day period lasts %v", got)
	}
	if got := mustPeriod(t, "2024-06", "").Duration(now); got != 14*24*time.Hour+12*time.Hour {
		t.Errorf("open period lasts %v", got)
	}
	if got := mustPeriod(t, "2030", "").Duration(now); got != 0 {
		t.Errorf("future open period lasts %v", got)
	}
}

func TestPeriodOverlaps(t *testing.T) {
	in2017 := [2]time.Time{day(2017, 1, 1), day(2018, 1, 1)}
	since2020 := [2]time.Time{day(2020, 1, 1), {}}
	before2015 := [2]time.Time{{}, day(2015, 1, 1)}
	tests := []struct {
		start, end string
		window     [2]time.Time
		want       bool
	}{
		{"2016", "2017-01", in2017, true},     // ends in January 2017
		{"2016", "2016-12-31", in2017, false}, // ends the day before
		{"2018-01-01", "2019", in2017, false}, // starts the day after
		{"2017-12-31", "2019", in2017, true},  // one day inside
		{"2015", "", in2017, true},            // still going on
		{"2018", "", in2017, false},           // open, but started later
		{"2010", "2019-12", since2020, false}, // ended before
		{"2010", "2020-01", since2020, true},  // through January 2020
		{"2021", "", since2020, true},
		{"2014-12", "2016", before2015, true},
		{"2015-01-01", "2016", before2015, false},
		{"2001", "2002", [2]time.Time{{}, {}}, true}, // no bounds at all
	}
	for _, tt := range tests {
		p := mustPeriod(t, tt.start, tt.end)
		if got := p.Overlaps(tt.window[0], tt.window[1]); got != tt.want {
			t.Errorf("%v overlaps [%v, %v) = %v, want %v", p, tt.window[0], tt.window[1], got, tt.want)
		}
	}
}
