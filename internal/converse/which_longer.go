package converse

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// whichLonger answers "which was longer, bluefin or quarry": a comparison
// of the stays the question names (employers, studies, projects), each
// with its length, the longer (or shorter) first. Roles at one employer
// count as one stay, as in "how long was she at X".
func (r *resolver) whichLonger() bool {
	o, q := r.o, r.q
	longer := hasAnyToken(q.ts, "longer")
	if !longer && !hasAnyToken(q.ts, "shorter") || len(q.ents) == 0 || len(q.techs) > 0 || q.hasWin {
		return false
	}
	ents := q.ents
	if i := slices.Index(q.ts, "or"); i > 0 {
		// "lumenfield or brightdesk": each side names its own entry, though
		// a whole name on one side outscores a part of one on the other
		a, _ := r.x.findEntities(q.ts[:i])
		b, _ := r.x.findEntities(q.ts[i+1:])
		if len(a) > 0 && len(b) > 0 {
			ents = append(a[:len(a):len(a)], b...)
		}
	}
	type stay struct {
		items    []*item
		from, to time.Time
		open     bool
		n        int // months
	}
	work := false
	for _, e := range ents {
		work = work || e.sec == secWork
	}
	var stays []*stay
	byName := map[string]*stay{}
	for _, e := range ents {
		if work && e.sec != secWork {
			continue // "President's Club (Lumenfield)": the award is no stay
		}
		if !e.dated || e.noEnd {
			return false
		}
		key := e.sec + e.norm
		s := byName[key]
		if s != nil && slices.Contains(s.items, e) {
			continue // named on both sides
		}
		if s == nil || e.norm == "" {
			s = &stay{from: e.per.From(), to: e.per.Until(r.now)}
			stays = append(stays, s)
			byName[key] = s
		}
		s.items = append(s.items, e)
		if f := e.per.From(); f.Before(s.from) {
			s.from = f
		}
		if u := e.per.Until(r.now); u.After(s.to) {
			s.to = u
		}
		s.open = s.open || e.per.Open
	}
	if len(stays) < 2 {
		return false
	}
	for _, s := range stays {
		// the months covered, overlaps once and gaps left out: a return to
		// a club years later adds its own stay, not the years between
		sort.Slice(s.items, func(i, j int) bool { return s.items[i].per.From().Before(s.items[j].per.From()) })
		c := coverage{end: s.from}
		for _, it := range s.items {
			c.add(it.per.From(), it.per.Until(r.now))
		}
		s.n = c.total
		if p := s.items[0].per; len(s.items) == 1 && p.Start.Month == 0 && p.End.Month == 0 && p.End.Year > p.Start.Year {
			s.n = (p.End.Year - p.Start.Year) * 12 // "2010 to 2013" is three years, as durationOf reads it
		}
	}
	sort.SliceStable(stays, func(i, j int) bool {
		if longer {
			return stays[i].n > stays[j].n
		}
		return stays[i].n < stays[j].n
	})
	years := func(s *stay) string {
		a := s.from.Year()
		if s.open && len(s.items) > 1 {
			return fmt.Sprintf("in all, since %d", a)
		}
		if s.open {
			return fmt.Sprintf("since %d, so far", a)
		}
		b := s.to.AddDate(0, 0, -1).Year()
		if a == b {
			return fmt.Sprint(a)
		}
		return fmt.Sprintf("%d–%d", a, b)
	}
	for _, s := range stays {
		for _, it := range s.items {
			o.citeItem(it)
		}
	}
	o.in = iDuration
	o.focusOn(stays[0].items...)
	first, rest := stays[0], stays[1:]
	if first.n == rest[0].n {
		o.say("%s and %s were about as long: %s each (%s; %s).", first.items[0].label(), rest[0].items[0].label(), months(first.n), years(first), years(rest[0]))
		return true
	}
	word := "longer"
	if !longer {
		word = "shorter"
	}
	others := make([]string, len(rest))
	for i, s := range rest {
		others[i] = fmt.Sprintf("%s at %s (%s)", months(s.n), s.items[0].label(), years(s))
	}
	o.say("%s was %s: %s (%s), against %s.", first.items[0].label(), word, months(first.n), years(first), list(others))
	return true
}
