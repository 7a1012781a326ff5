package converse

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Window is a span of time a question asks about, in whole months. From and
// To are month numbers (year*12 + month-1) and To is inclusive; a zero
// bound is open ("since 2020" has no To). Current marks "now",
// "currently", "at the moment".
type Window struct {
	From    int  `json:"from,omitempty"`
	To      int  `json:"to,omitempty"`
	Current bool `json:"current,omitempty"`
}

// IsZero reports whether w restricts nothing.
func (w Window) IsZero() bool { return w == Window{} }

func monthOf(year, month int) int { return year*12 + month - 1 }

func monthTime(m int) time.Time { return time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC) }

// Bounds returns the window as [from, to) instants, zero where open, the
// form profile.Period.Overlaps takes.
func (w Window) Bounds(now time.Time) (from, to time.Time) {
	if w.Current {
		d := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		return d, d.AddDate(0, 0, 1)
	}
	if w.From != 0 {
		from = monthTime(w.From)
	}
	if w.To != 0 {
		to = monthTime(w.To + 1)
	}
	return from, to
}

// Phrase renders w for an answer: "in 2017", "between 2016 and 2019",
// "since 2020", "before 2015", "currently".
func (w Window) Phrase() string {
	fy, fm := w.From/12, w.From%12
	ty, tm := w.To/12, w.To%12
	switch {
	case w.Current:
		return "currently"
	case w.From != 0 && w.To != 0 && fm == 0 && tm == 11 && fy == ty:
		return fmt.Sprintf("in %d", fy)
	case w.From != 0 && w.To != 0 && w.From == w.To:
		return "in " + time.Month(fm+1).String() + " " + strconv.Itoa(fy)
	case w.From != 0 && w.To != 0 && fm == 0 && tm == 11:
		return fmt.Sprintf("between %d and %d", fy, ty)
	case w.From != 0 && w.To != 0:
		return fmt.Sprintf("between %s %d and %s %d", time.Month(fm+1), fy, time.Month(tm+1), ty)
	case w.From != 0 && fm == 0:
		return fmt.Sprintf("since %d", fy)
	case w.From != 0:
		return fmt.Sprintf("since %s %d", time.Month(fm+1), fy)
	case w.To != 0 && tm == 11:
		return fmt.Sprintf("before %d", ty+1)
	case w.To != 0:
		return fmt.Sprintf("before %s %d", time.Month((tm+1)%12+1), ty+(tm+1)/12)
	}
	return ""
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
	"twenty": 20, "a": 1, "few": 3, "several": 5, "couple": 2,
}

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var decadeWords = map[string]int{
	"fifties": 1950, "sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990,
	"2000s": 2000, "noughties": 2000, "aughts": 2000, "twenties": 2020, "teens": 2010,
}

// ParseWindow finds the time window a question names, relative to now:
// "in 2017", "during March 2019", "between 2016 and 2019", "2016-2019",
// "from 2016 to 2019", "since 2020", "after 2020", "before 2015",
// "until 2015", "last three years", "past 5 years", "last year",
// "this year", "in the 2010s", "in the early 90s", "currently", "now".
// ok is false when the question names no time.
func ParseWindow(question string, now time.Time) (Window, bool) {
	return parseWindow(tokens(question), now)
}

func parseWindow(ts []string, now time.Time) (Window, bool) {
	cur := monthOf(now.Year(), int(now.Month()))
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		prevWord := at(ts, i-1)
		// "years ago" first: the number look-ups below only matter before it
		if next := at(ts, i+1); (next == "years" || next == "year") && at(ts, i+2) == "ago" {
			if n, ok := atoi(t); ok && n > 0 && n < 60 || numberWords[t] > 0 && t != "a" {
				if v := numberWords[t]; v > 0 {
					n = v
				}
				y := now.Year() - n
				return Window{From: monthOf(y, 1), To: monthOf(y, 12)}, true
			}
		}
		if y, ok := yearTok(t); ok {
			return yearWindow(ts, i, y)
		}
		if d, ok := decadeTok(t, prevWord); ok {
			return decadeWindow(d, prevWord), true
		}
		switch t {
		case "last", "past", "previous", "recent":
			if w, ok := relativeWindow(ts, i, cur, now); ok {
				return w, true
			}
		case "this":
			if at(ts, i+1) == "year" {
				return Window{From: monthOf(now.Year(), 1), To: monthOf(now.Year(), 12)}, true
			}
		case "currently", "nowadays", "presently":
			return Window{Current: true}, true
		case "now", "today":
			if prevWord != "until" && prevWord != "till" && prevWord != "to" {
				return Window{Current: true}, true
			}
		case "moment":
			if prevWord == "the" && at(ts, i-2) == "at" {
				return Window{Current: true}, true
			}
		case "days":
			if prevWord == "these" {
				return Window{Current: true}, true
			}
		}
	}
	return Window{}, false
}

func at(ts []string, i int) string {
	if i < 0 || i >= len(ts) {
		return ""
	}
	return ts[i]
}

// yearTok accepts 4-digit years that a résumé could name.
func yearTok(t string) (int, bool) {
	if len(t) != 4 {
		return 0, false
	}
	y, ok := atoi(t)
	if !ok || y < 1900 || y > 2199 {
		return 0, false
	}
	return y, true
}

// decadeTok reads "2010s", "1990s", "90s", "nineties" ("the 90s").
func decadeTok(t, prev string) (int, bool) {
	if !strings.HasSuffix(t, "s") {
		return 0, false // every decade word and "1990s", "90s" ends so
	}
	if d, ok := decadeWords[t]; ok {
		if t == "twenties" || t == "teens" {
			if prev != "the" && prev != "early" && prev != "late" && prev != "mid" {
				return 0, false
			}
		}
		return d, true
	}
	n := t[:len(t)-1]
	switch len(n) {
	case 4:
		y, ok := yearTok(n)
		if ok && y%10 == 0 {
			return y, true
		}
	case 2:
		v, ok := atoi(n)
		if ok && v%10 == 0 {
			if v >= 30 {
				return 1900 + v, true
			}
			return 2000 + v, true
		}
	}
	return 0, false
}

func decadeWindow(d int, prev string) Window {
	from, to := d, d+9
	switch prev {
	case "early":
		to = d + 3
	case "mid", "middle":
		from, to = d+3, d+6
	case "late":
		from = d + 6
	}
	return Window{From: monthOf(from, 1), To: monthOf(to, 12)}
}

// yearWindow reads the words around a year at ts[i].
func yearWindow(ts []string, i, y int) (Window, bool) {
	prev := at(ts, i-1)
	// A second year after "and", "to", "-" or directly: a range.
	for j := i + 1; j <= i+3 && j < len(ts); j++ {
		if y2, ok := yearTok(ts[j]); ok {
			link := strings.Join(ts[i+1:j], " ")
			if link == "" || link == "and" || link == "to" || link == "until" || link == "till" || link == "through" || link == "thru" || link == "or" {
				lo, hi := min(y, y2), max(y, y2)
				return Window{From: monthOf(lo, 1), To: monthOf(hi, 12)}, true
			}
			break
		}
	}
	if at(ts, i+1) == "to" || at(ts, i+1) == "until" || at(ts, i+1) == "till" {
		if n := at(ts, i+2); n == "now" || n == "today" || n == "present" || n == "date" {
			return Window{From: monthOf(y, 1)}, true
		}
	}
	m := 0
	if mm, ok := monthNames[prev]; ok {
		m = mm
		prev = at(ts, i-2)
	}
	from, to := monthOf(y, 1), monthOf(y, 12)
	if m != 0 {
		from, to = monthOf(y, m), monthOf(y, m)
	}
	switch prev {
	case "since", "from", "starting":
		return Window{From: from}, true
	case "after":
		return Window{From: to + 1}, true
	case "before", "prior":
		return Window{To: from - 1}, true
	case "until", "till", "through", "by", "up":
		return Window{To: to}, true
	case "to":
		if at(ts, i-2) == "prior" {
			return Window{To: from - 1}, true
		}
		if at(ts, i-2) == "up" {
			return Window{To: to}, true
		}
	}
	return Window{From: from, To: to}, true
}

// relativeWindow reads "last three years", "past 5 years", "last year",
// "last decade", "last 18 months", "recent years".
func relativeWindow(ts []string, i, cur int, now time.Time) (Window, bool) {
	j := i + 1
	n := 1
	if v, ok := atoi(at(ts, j)); ok && v > 0 && v < 100 {
		n, j = v, j+1
	} else if v, ok := numberWords[at(ts, j)]; ok {
		n, j = v, j+1
		if at(ts, j) == "of" {
			j++
		}
	} else if at(ts, j) == "several" {
		n, j = 5, j+1
	}
	switch at(ts, j) {
	case "year":
		if j == i+1 && ts[i] == "last" {
			y := now.Year() - 1
			return Window{From: monthOf(y, 1), To: monthOf(y, 12)}, true
		}
		return Window{From: cur - 12*n + 1, To: cur}, true
	case "years":
		if j == i+1 {
			n = 3
		}
		return Window{From: cur - 12*n + 1, To: cur}, true
	case "decade":
		return Window{From: cur - 120*n + 1, To: cur}, true
	case "decades":
		return Window{From: cur - 120*max(n, 2) + 1, To: cur}, true
	case "month", "months":
		return Window{From: cur - n + 1, To: cur}, true
	}
	return Window{}, false
}
