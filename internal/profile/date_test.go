package profile_test

import (
	"testing"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/profile"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in         string
		want       profile.Date
		start, end time.Time
	}{
		{"2019", profile.Date{Year: 2019}, day(2019, 1, 1), day(2020, 1, 1)},
		{"2019-03", profile.Date{Year: 2019, Month: 3}, day(2019, 3, 1), day(2019, 4, 1)},
		{"2019-12", profile.Date{Year: 2019, Month: 12}, day(2019, 12, 1), day(2020, 1, 1)},
		{"2019-03-31", profile.Date{Year: 2019, Month: 3, Day: 31}, day(2019, 3, 31), day(2019, 4, 1)},
		{"2024-02-29", profile.Date{Year: 2024, Month: 2, Day: 29}, day(2024, 2, 29), day(2024, 3, 1)},
		{"2000-02-29", profile.Date{Year: 2000, Month: 2, Day: 29}, day(2000, 2, 29), day(2000, 3, 1)},
		{"1000-01-01", profile.Date{Year: 1000, Month: 1, Day: 1}, day(1000, 1, 1), day(1000, 1, 2)},
		{"2999-12-31", profile.Date{Year: 2999, Month: 12, Day: 31}, day(2999, 12, 31), day(3000, 1, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := profile.ParseDate(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d != tt.want {
				t.Errorf("ParseDate = %+v, want %+v", d, tt.want)
			}
			if !d.Start().Equal(tt.start) || !d.End().Equal(tt.end) {
				t.Errorf("[Start, End) = [%v, %v), want [%v, %v)", d.Start(), d.End(), tt.start, tt.end)
			}
			if d.String() != tt.in {
				t.Errorf("String() = %q, want %q", d.String(), tt.in)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"", "19", "201", "20190", "0999", "3000", "2019-13", "2019-00", "2019-1", "2019-1-01",
		"2019-02-30", "2019-02-29", "1900-02-29", "2019-04-31", "2019-01-00", "2019-01-32",
		"2019/01/01", "2019-01-01T00:00", " 2019", "2019 ", "+201", "-2019", "２０１９", "2019-0a", "May 2019",
	} {
		_, err := profile.ParseDate(in)
		if err == nil {
			t.Errorf("ParseDate(%q) succeeded", in)
			continue
		}
		if !apperr.Is(err, apperr.Invalid) {
			t.Errorf("ParseDate(%q) code = %s", in, apperr.CodeOf(err))
		}
	}
}

func TestDateOf(t *testing.T) {
	d := profile.DateOf(time.Date(2021, 7, 4, 23, 59, 0, 0, time.UTC))
	if d != (profile.Date{Year: 2021, Month: 7, Day: 4}) || d.IsZero() || !(profile.Date{}).IsZero() {
		t.Errorf("DateOf = %+v", d)
	}
}
