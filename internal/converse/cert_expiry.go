package converse

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// A visitor asks when a credential runs out ("when does her ccrn
// expire"). Certificates often carry their expiry in their own name
// ("ACLS Provider, expires 2026-02"), so the asking word names every such
// certificate too: it is the thing asked, not the entry.

// expiryWords ask when something runs out.
var expiryWords = setOf(`expire expires expired expiring expiry expiration lapse lapses renew renewal valid validity
revalidation revalidate recertification recertify`)

// expiryInName finds the date a name gives as its end: "valid through
// 2027-01", "expires 2026-02", "exp. 2025", "expires May 2029", "next due
// January 2026".
var expiryInName = regexp.MustCompile(`(?i)\b(?:expires?|expiring|expiry|exp\.?|valid (?:through|until|till|to)|through|until|(?:renewal|renewable|recertification|revalidation) (?:due|by|on)|due for renewal(?: by| on)?|next due(?: by| on| in)?|renews?(?: by| on)?)\s*:?\s*(\d{4}(?:-\d{2}){0,2}|[a-z]{3,9}\.? \d{4})\b`)

// renewedInName finds the date a name says it was last renewed:
// "renewed May 2024", "renewed 2023-01".
var renewedInName = regexp.MustCompile(`(?i)\brenewed:?\s+(\d{4}(?:-\d{2}){0,2}|[a-z]{3,9}\.? \d{4})\b`)

// lastRenewed answers "when was it last renewed" with the certificates
// among items whose names give that date; false when none does.
func (x *Index) lastRenewed(o *out, items []*item) bool {
	var found []*item
	for _, it := range items {
		if it.sec == secCertificates && renewedInName.MatchString(it.title) {
			found = append(found, it)
		}
	}
	if len(found) == 0 {
		return false
	}
	for _, it := range found {
		said := renewedInName.FindString(it.title)
		o.say("%s was last renewed in %s (its name says “%s”).", capital(nameHead(it.title)), renewedInName.FindStringSubmatch(it.title)[1], said)
		o.citeItem(it)
	}
	o.focusOn(found...)
	return true
}

// nameExpiry is the end a certificate's name gives, with where the
// phrase saying it stands in the name; ok is false when it gives none.
func nameExpiry(title string) (m []int, d profile.Date, ok bool) {
	for _, m := range expiryInName.FindAllStringSubmatchIndex(title, -1) {
		ds := title[m[2]:m[3]]
		if d, err := profile.ParseDate(ds); err == nil {
			return m, d, true
		}
		// "May 2029": a month written out, as names are typed
		month, year, _ := strings.Cut(ds, " ")
		if mo := monthNames[strings.ToLower(strings.TrimSuffix(month, "."))]; mo > 0 {
			if d, err := profile.ParseDate(year); err == nil {
				d.Month = mo
				return m, d, true
			}
		}
	}
	return nil, profile.Date{}, false
}

// whenAsked answers a "when" question about items; asked about an expiry,
// it keeps the entries named by another word of the question and gives a
// certificate's end rather than its issue date.
func (x *Index) whenAsked(o *out, items []*item, ts []string) {
	items = x.rolesBecome(items, ts)
	if x.employerLeftJoined(o, items, ts) {
		return // "when did she leave?" after three roles at one firm
	}
	if hasAnyToken(ts, "renewed") && x.lastRenewed(o, items) {
		return
	}
	if !hasAnyTokenIn(ts, expiryWords) {
		x.when(o, items)
		x.unknownFinish(o, items, ts)
		return
	}
	if allCertificates(items) && certPlurals.anyIn(ts) {
		items = x.certItems() // "when do his certificates expire": every one, whatever single name "expire" matched
	}
	items = namedBesides(items, ts, expiryOrSection)
	if !allCertificates(items) {
		x.when(o, items)
		return
	}
	// Several certificates (a follow-up after a list, "when do they
	// expire"): each one's end, never its issue date as the answer.
	for i, it := range items {
		if i == 4 {
			break
		}
		x.expiry(o, it)
	}
	o.focusOn(items...)
}

// becomeWords ask when she took up a role: "when did she become branch
// manager", "when was he promoted to captain".
var becomeWords = setOf(`become became becoming promoted promotion appointed made named`)

// rolesBecome answers "when did she become X" with the jobs and posts
// whose title the question names: a paper about "branch libraries" shares
// "branch" with "Branch Manager" but is no role she became, and a title
// may be found only by its role ("Owner and Optometrist"). Without a word
// of becoming, or with no role named, items are returned as they are.
func (x *Index) rolesBecome(items []*item, ts []string) []*item {
	if !hasAnyTokenIn(ts, becomeWords) {
		return items
	}
	var roles []*item
	for _, sec := range []string{secWork, secVolunteer} {
		for _, it := range x.sorted(sec) {
			if it.role != "" && sharesWord(tokens(it.role), ts) {
				roles = append(roles, it)
			}
		}
	}
	if len(roles) == 0 {
		return items
	}
	return roles
}

// sharesWord reports a word of own, not a common one, that ts holds.
func sharesWord(own, ts []string) bool {
	for _, t := range own {
		if !commonWords[t] && len(t) > 2 && slices.Contains(ts, t) {
			return true
		}
	}
	return false
}

// certPlurals name the certificates section as a whole; a question
// holding one asks about every certificate, so it selects none by name.
var certPlurals = wordSetOf(`certificates certifications certs licenses licences credentials`)

// certNouns name a certificate itself: with a spoken language ("a German
// certificate") they ask for the certificate, not the fluency.
var certNouns = setOf(`certificate certificates certification certifications cert certs diploma exam exams`)

// expiryOrSection are the words that name no single certificate in an
// expiry question.
var expiryOrSection = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []map[string]bool{expiryWords, certPlurals.m} {
		for w := range s {
			m[w] = true
		}
	}
	return m
}()

// certItems returns every certificate entry, those whose name gives an
// end first.
func (x *Index) certItems() []*item {
	out := make([]*item, len(x.certificates))
	for i := range x.certificates {
		out[i] = &x.certificates[i]
	}
	// Only a few are answered: those whose name gives an end come first.
	sort.SliceStable(out, func(a, b int) bool {
		_, _, ea := nameExpiry(out[a].title)
		_, _, eb := nameExpiry(out[b].title)
		return ea && !eb
	})
	return out
}

// dropSectionNamed removes the certificates that "certifications" alone
// names ("Certified Cicerone"): the plural asks for the section, and
// another word of the question must name one of them.
func dropSectionNamed(ents []*item, ts []string) []*item {
	out := ents[:0:0]
	for _, it := range ents {
		if it.sec != secCertificates || namesWord(it, ts, certWordsAll) {
			out = append(out, it)
		}
	}
	return out
}

// certWordsAll are the words that name certificates in general.
var certWordsAll = func() map[string]bool {
	m := map[string]bool{"certified": true, "licensed": true}
	for _, s := range []map[string]bool{certPlurals.m, certNouns} {
		for w := range s {
			m[w] = true
		}
	}
	return m
}()

// allCertificates: items is not empty and every item is a certificate.
func allCertificates(items []*item) bool {
	for _, it := range items {
		if it.sec != secCertificates {
			return false
		}
	}
	return len(items) > 0
}

// namedBesides keeps the items whose name holds a word of ts outside skip;
// all of items when none does.
func namedBesides(items []*item, ts []string, skip map[string]bool) []*item {
	var keep []*item
	for _, it := range items {
		if namesWord(it, ts, skip) {
			keep = append(keep, it)
		}
	}
	if len(keep) == 0 {
		return items
	}
	return keep
}

func namesWord(it *item, ts []string, skip map[string]bool) bool {
	for _, t := range ts {
		if skip[t] || len(t) < 2 {
			continue
		}
		st := stem(t)
		for _, k := range it.keyStems {
			if k == st {
				return true
			}
		}
	}
	return false
}

// expiry says when a certificate runs out, from its name, with its issue
// date; when the name gives none, it says so rather than passing the
// issue date off as the answer.
func (x *Index) expiry(o *out, it *item) {
	o.citeItem(it)
	o.focusOn(it)
	issued := ""
	if w := it.when(); w != "" {
		issued = "; it was issued " + w
	}
	if m, d, ok := nameExpiry(it.title); ok {
		name := strings.TrimRight(it.title[:m[0]], " ,;:(-–") // "CCRN (Adult)" of "CCRN (Adult), valid through 2027-01"
		if i := strings.LastIndex(name, "("); i > 0 && !strings.Contains(name[i:], ")") {
			// "Gold Card (renewed May 2024, expires May 2029)": the aside the end is in
			name = strings.TrimRight(name[:i], " ,;:-–")
		}
		if name == "" {
			name = it.describe()
		}
		// The name's words are quoted: they are the source, with the
		// date as the owner wrote it.
		said := strings.ToLower(it.title[m[0]:m[1]])
		if strings.Contains(said, "renew") || strings.Contains(said, "recertif") || strings.Contains(said, "due") {
			// A renewal is not a lapse: the owner renews by that date.
			o.say("%s is due for renewal by %s (its name says “%s”)%s.", capital(name), fmtExpiry(d), it.title[m[0]:m[1]], issued)
			return
		}
		o.say("%s is valid through %s (its name says “%s”)%s.", capital(name), fmtExpiry(d), it.title[m[0]:m[1]], issued)
		return
	}
	o.say("The profile doesn't give an expiry date for %s%s.", it.describe(), issued)
}

// fmtExpiry renders an expiry date to the day when the name gives one:
// for an end date, the day matters ("March 31, 2026", not "March 2026").
func fmtExpiry(d profile.Date) string {
	if d.Day == 0 {
		return fmtDate(d)
	}
	return fmt.Sprintf("%s %d, %d", time.Month(d.Month), d.Day, d.Year)
}

// holdsAsked reports a yes/no question about holding the one certificate
// it names ("is she IP certified", "does she have a green belt"), which
// the profile lists as held: not lapsed, not in progress, and not expired
// by a date in its name. Questions of validity or time ("is it still valid", "when does it
// expire") are left to the answers that weigh the date.
func (x *Index) holdsAsked(q *query, it *item, now time.Time) bool {
	if it.sec != secCertificates || it.lapsed || !q.third || q.hasWin {
		return false
	}
	switch at(q.ts, 0) {
	case "is", "does", "has", "did":
	default:
		return false
	}
	if hasAnyToken(q.ts, "still", "valid", "current", "currently", "active", "expired", "expire", "expires", "lapsed", "renewed", "renew", "when", "where", "how", "ever", "not") {
		return false
	}
	if it.pending() {
		return false
	}
	if _, d, ok := nameExpiry(it.title); ok && d.Year > 0 && endOf(d).Before(now) {
		return false
	}
	return true
}

// pending reports a certificate its own name says is not held yet
// ("UEFA Pro Licence (in progress)").
func (it *item) pending() bool {
	return it.sec == secCertificates && hasAnyToken(tokens(it.title), "progress", "pending", "candidate", "expected", "ongoing", "studying", "towards", "planned", "underway")
}

// endOf is the last moment of a date as precise as it was written: an
// expiry "2026-01" runs to the end of January.
func endOf(d profile.Date) time.Time {
	switch {
	case d.Day > 0:
		return time.Date(d.Year, time.Month(d.Month), d.Day+1, 0, 0, 0, 0, time.UTC)
	case d.Month > 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
}
