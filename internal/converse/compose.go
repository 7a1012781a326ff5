package converse

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// out builds one reply: sentences, the citations of the facts they use and
// the entries the reply is about (the focus a follow-up refers to).
type out struct {
	x       *Index
	b       strings.Builder
	cites   []Citation
	in      intent
	sec     string
	focus   []int
	tech    string
	refused bool
	win     *Window
	starts  bool // the question asks what began in the window ("joined in 2017")
	doing   bool // the question asks what the person did, not only where they worked ("what did she do in 2020")
	origin  bool // the question asks where the person comes from, not lives
	papers  bool // the question asks for papers or articles, not talks
	talks   bool // the question asks for talks, not writing
	books   bool // the question asks for books, not articles
	newest  bool // the question asks for the last, latest or most recent one ("her last book")
	// near is the one item the previous turn was about when the question
	// says "it" or "its" ("what's its rating"): search keeps to it when it
	// holds a best match.
	near *item
	// there are the entries the previous turn was about when the question
	// says "there" ("what did she do there"): search keeps to their
	// sentences when one holds a best match, as for near.
	there []*item
	// stateRead records that the reply consulted the conversation state:
	// a reply that did not is the same in every session (see Canned).
	stateRead bool
	// yes is set when the question asks yes or no about holding the one
	// certificate answered ("is she IP certified"): the reply opens "Yes,".
	yes bool
	// asked are the stems of the question's words that do not name the
	// entry answered: a later sentence of its summary holding one is
	// quoted too (see putSummary).
	asked []string
	// list are the entries of o.sec a search reply quoted as equally good
	// answers, the focus first (it is then State.List).
	list []int
}

// say appends a sentence (or several).
func (o *out) say(format string, args ...any) {
	if o.b.Len() > 0 {
		o.b.WriteByte(' ')
	}
	if n := len(args); n > 0 && strings.HasSuffix(format, "%s.") {
		if last, ok := args[n-1].(string); ok && strings.HasSuffix(last, ".") && !strings.HasSuffix(last, "..") {
			format = format[:len(format)-1] // "Tanaka Media Inc." ends the sentence itself
		}
	}
	fmt.Fprintf(&o.b, format, args...)
}

// put appends text as it is (no formatting verbs).
func (o *out) put(s string) {
	if s == "" {
		return
	}
	if o.b.Len() > 0 {
		o.b.WriteByte(' ')
	}
	o.b.WriteString(s)
}

func (o *out) cite(sec string, idx int, field string) {
	c := Citation{Section: sec, Index: idx, Field: field}
	for _, h := range o.cites {
		if h == c {
			return
		}
	}
	if o.cites == nil {
		o.cites = make([]Citation, 0, 4) // most replies cite a few facts: one allocation, not three
	}
	o.cites = append(o.cites, c)
}

func (o *out) citeItem(it *item) { o.cite(it.sec, it.idx, "") }

// adopt appends a reply built aside (a search tried before committing to
// it): its text, citations, focus, and its intent.
func (o *out) adopt(sub *out) {
	o.in = sub.in
	o.put(sub.b.String())
	o.cites = append(o.cites, sub.cites...)
	if len(sub.focus) > 0 {
		o.focus, o.sec = append(o.focus[:0], sub.focus...), sub.sec
	}
}

// focusOn records what the reply is about.
func (o *out) focusOn(items ...*item) {
	o.focus = o.focus[:0]
	o.sec = ""
	for _, it := range items {
		if o.sec != "" && it.sec != o.sec {
			continue // a focus lives in one section; the first item's wins
		}
		o.sec = it.sec
		if o.focus == nil {
			o.focus = make([]int, 0, 4)
		}
		o.focus = append(o.focus, it.idx)
	}
}

// who is how answers name the person: the first name, or "this person"
// when the profile has no name (never a guessed pronoun).
func (x *Index) who() string {
	if x.first != "" {
		return x.first
	}
	return "this person"
}

// Who is who at the start of a sentence.
func (x *Index) Who() string {
	if x.first != "" {
		return x.first
	}
	return "This person"
}

// whose is the possessive: "Richard's" or "this person's", as Compile
// kept it.
func (x *Index) whose() string { return x.possessive }

// possessiveOf builds whose from the first name.
func (x *Index) possessiveOf() string {
	if x.first == "" {
		return "this person's"
	}
	if strings.HasSuffix(x.first, "s") {
		return x.first + "'"
	}
	return x.first + "'s"
}

func fmtDate(d profile.Date) string {
	if d.IsZero() {
		return ""
	}
	if d.Month == 0 {
		return strconv.Itoa(d.Year)
	}
	// Built by hand rather than with fmt: every dated reply renders dates.
	var buf [24]byte
	b := append(buf[:0], time.Month(d.Month).String()...)
	b = append(b, ' ')
	return string(strconv.AppendInt(b, int64(d.Year), 10))
}

// when renders an item's dates: "from May 2015 to June 2018", "since 2020",
// "in 2016"; "" when the profile gives none.
func (it *item) when() string {
	if !it.dated {
		if !it.date.IsZero() {
			return "in " + fmtDate(it.date)
		}
		return ""
	}
	p := it.per
	if it.noEnd {
		return endlessWhen(it)
	}
	if p.Open {
		return "since " + fmtDate(p.Start)
	}
	s, e := fmtDate(p.Start), fmtDate(p.End)
	if s == e {
		return "in " + s
	}
	if p.Start.Month == 0 && p.End.Month != 0 || p.Start.Month != 0 && p.End.Month == 0 {
		return "from " + s + " to " + e
	}
	if p.Start.Year == p.End.Year && p.Start.Month != 0 {
		return fmt.Sprintf("from %s to %s", time.Month(p.Start.Month), e)
	}
	return "from " + s + " to " + e
}

// span renders dates in a list: "(2015–2018)", "(since 2020)", "".
func (it *item) span() string {
	switch {
	case it.unfin:
		return fmt.Sprintf(" (from %s, not completed)", fmtDate(it.per.Start))
	case it.noEnd:
		return fmt.Sprintf(" (from %s, no end date given)", fmtDate(it.per.Start))
	case it.dated && it.per.Open:
		return fmt.Sprintf(" (since %s)", fmtDate(it.per.Start))
	case it.dated && it.per.Start.Year == it.per.End.Year:
		return yearsSpan(it.per.Start.Year, it.per.Start.Year)
	case it.dated:
		return yearsSpan(it.per.Start.Year, it.per.End.Year)
	case !it.date.IsZero():
		return yearsSpan(it.date.Year, it.date.Year)
	}
	return ""
}

// yearsSpan is " (from–to)", or " (from)" when to is from, without fmt:
// every list of entries renders one per entry.
func yearsSpan(from, to int) string {
	var buf [32]byte
	b := strconv.AppendInt(append(buf[:0], " ("...), int64(from), 10)
	if to != from {
		b = strconv.AppendInt(append(b, "–"...), int64(to), 10)
	}
	return string(append(b, ')'))
}

// current reports whether the entry is still going on at now.
func (it *item) current(now time.Time) bool {
	if !it.dated || it.unfin || it.noEnd {
		return false // a study left unfinished is not going on
	}
	return it.per.Open || !it.per.End.End().Before(now) && !it.per.From().After(now)
}

// inWindow reports whether the entry overlaps w. Undated entries never do.
func (it *item) inWindow(w Window, now time.Time) bool {
	if w.Current {
		return it.current(now)
	}
	from, to := w.Bounds(now)
	if it.dated {
		return it.per.Overlaps(from, to)
	}
	if !it.date.IsZero() {
		s := it.date.Start()
		return (from.IsZero() || !s.Before(from)) && (to.IsZero() || s.Before(to))
	}
	return false
}

// months renders a number of months as "2 years and 3 months".
func months(n int) string {
	y, m := n/12, n%12
	unit := func(v int, s string) string {
		if v == 1 {
			return "1 " + s
		}
		return fmt.Sprintf("%d %ss", v, s)
	}
	switch {
	case n <= 0:
		return "less than a month"
	case y == 0:
		return unit(m, "month")
	case m == 0:
		return unit(y, "year")
	}
	return unit(y, "year") + " and " + unit(m, "month")
}

// list joins "a", "a and b", "a, b and c".
func list(parts []string) string { return joinLast(parts, " and ") }

// listOr joins "a or b", "a, b or c".
func listOr(parts []string) string { return joinLast(parts, " or ") }

func joinLast(parts []string, last string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + last + parts[len(parts)-1]
}

// roleAt renders "CEO at Pied Piper", "a role at Pied Piper", "CEO".
func (it *item) roleAt() string {
	switch {
	case it.brk:
		return it.breakLabel()
	case it.ownAcct:
		return it.ownAcctRole() // not "Web Developer at Freelance"
	case it.role != "" && it.title != "":
		return it.role + " at " + it.title
	case it.title != "":
		return "a role at " + it.title
	case it.role != "":
		return it.role
	}
	return "an unnamed role"
}

// ownAcctRole renders a job on one's own account: "freelance Web
// Developer", "self-employed Bassist", but a title that already says how
// ("Freelance Web Developer", "Independent Consultant") as it is, not
// "freelance Freelance Web Developer".
func (it *item) ownAcctRole() string {
	if s := ownAcctJob(it.title, it.role); s != "" {
		return s
	}
	return it.role
}

// saysOwnAccount reports whether a title names its own way of working.
func saysOwnAccount(role string) bool {
	for _, t := range tokens(role) {
		switch t {
		case "freelance", "freelancer", "freelancing", "self", "selfemployed", "independent", "contract", "contractor":
			return true
		}
	}
	return false
}

// firstSentence returns the first sentence of s, at most ~300 bytes.
func firstSentence(s string) string {
	s = unbullet(s)
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '\n' && i > 20 {
			return sentence(s[:i]) // a line ends what it says
		}
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && (s[i+1] == ' ' || s[i+1] == '\n') && i > 20 {
			if s[i] == '.' && (abbreviation(s[:i]) || initial(s[:i])) {
				continue // "With J. Alvarado and M. Chen", "Dr. Okafor"
			}
			return s[:i+1]
		}
	}
	if len(s) > 300 {
		cut := strings.LastIndexByte(s[:300], ' ')
		if cut < 0 {
			cut = 300
		}
		return s[:cut] + "…"
	}
	return sentence(s)
}

// sentence makes sure s ends with punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	switch s[len(s)-1] {
	case '.', '!', '?', '"', ')':
		return s
	}
	return s + "."
}

// quoteList renders up to n highlights as "a; b; c".
func quoteList(hs []string, n int) string {
	var out []string
	for _, h := range hs {
		if h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), ".")); h != "" {
			out = append(out, h)
		}
		if len(out) == n {
			break
		}
	}
	return strings.Join(out, "; ")
}
