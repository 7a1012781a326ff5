package converse

import (
	"fmt"
	"strings"
	"time"
)

// contact gives the e-mail, website and public profiles; never the phone
// or street address unless the owner shares them.
func (x *Index) contact(o *out) {
	b := x.r.Basics
	var parts []string
	if b.Email != "" {
		parts = append(parts, "by e-mail at "+b.Email)
		o.cite(secBasics, 0, "email")
	}
	if b.URL != "" {
		parts = append(parts, "through the website "+b.URL)
		o.cite(secBasics, 0, "url")
	}
	var nets []string
	for _, p := range b.Profiles {
		switch {
		case p.Network != "" && p.URL != "":
			nets = append(nets, fmt.Sprintf("%s (%s)", p.Network, p.URL))
		case p.Network != "" && p.Username != "":
			nets = append(nets, fmt.Sprintf("%s (%s)", p.Network, p.Username))
		case p.URL != "":
			nets = append(nets, p.URL)
		}
	}
	if len(nets) > 0 {
		parts = append(parts, "on "+list(nets))
		o.cite(secBasics, 0, "profiles")
	}
	if x.privacy.SharePhone && b.Phone != "" {
		parts = append(parts, "by phone at "+b.Phone)
		o.cite(secBasics, 0, "phone")
	}
	if len(parts) == 0 {
		o.say("The profile doesn't list any contact details.")
		return
	}
	o.say("You can reach %s %s.", x.who(), list(parts))
}

// contactChannel answers a question that asks for one way of reaching the
// person the profile lists ("what is his GitHub", "her website?", "email
// address") with that one alone; it reports whether it did. Questions
// asking for more than one, or for one the profile lacks, get contact.
func (x *Index) contactChannel(o *out, q *query) bool {
	b := x.r.Basics
	email := hasAnyToken(q.ts, "email", "emails", "mail", "inbox")
	site := hasAnyToken(q.ts, "website", "site", "homepage", "blog", "url")
	network := ""
	for _, t := range q.ts {
		if _, ok := knownNetworks[t]; ok {
			if network != "" && network != t {
				return false
			}
			network = t
		}
	}
	asked := 0
	for _, on := range []bool{email, site, network != ""} {
		if on {
			asked++
		}
	}
	if asked != 1 || hasAnyToken(q.ts, "contact", "reach", "phone", "call", "and", "or", "other", "else", "all") ||
		hasAnyToken(q.ts, "hire", "hiring", "build", "make", "design", "create", "need", "want") { // "can I hire him for a website"
		return false
	}
	switch {
	case email && b.Email != "":
		o.say("%s e-mail address is %s.", capital(x.whose()), b.Email)
		o.cite(secBasics, 0, "email")
	case site && b.URL != "":
		o.say("%s website is %s.", capital(x.whose()), b.URL)
		o.cite(secBasics, 0, "url")
	case network != "":
		for _, p := range b.Profiles {
			if !strings.EqualFold(strings.ReplaceAll(p.Network, " ", ""), network) && !strings.Contains(strings.ToLower(p.URL), network+".") {
				continue
			}
			handle := p.URL
			if handle == "" {
				handle = p.Username
			}
			if handle == "" {
				return false
			}
			name := p.Network
			if name == "" {
				name = knownNetworks[network]
			}
			o.say("%s is on %s: %s.", x.Who(), name, handle)
			o.cite(secBasics, 0, "profiles")
			return true
		}
		return x.networkElsewhere(o, network)
	default:
		return false
	}
	return true
}

// networkElsewhere answers "what's his GitHub" when no listed profile is
// on that network but the website or a project's link is (a public URL
// the owner wrote into the profile): with that link, said for what it is.
func (x *Index) networkElsewhere(o *out, network string) bool {
	name := knownNetworks[network]
	b := x.r.Basics
	if onNetwork(b.URL, network) {
		o.say("%s website is on %s: %s.", capital(x.whose()), name, b.URL)
		o.cite(secBasics, 0, "url")
		return true
	}
	var links []string
	for i, p := range x.r.Projects {
		if onNetwork(p.URL, network) {
			links = append(links, fmt.Sprintf("%s (%s)", p.Name, p.URL))
			o.cite(secProjects, i, "url")
		}
	}
	if len(links) == 0 {
		return false
	}
	o.say("The profile doesn't list %s %s profile, but it links to %s for %s: %s.", x.whose(), name, name,
		plural(len(links), "a project", "projects"), list(links))
	return true
}

// onNetwork reports whether link's host is the network's own
// ("https://github.com/samok/tinykv", "samok.github.io").
func onNetwork(link, network string) bool {
	host := strings.ToLower(link)
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:max(len(labels)-1, 0)] { // not the top-level domain
		if l == network {
			return true
		}
	}
	return false
}

// knownNetworks are the social networks a visitor may ask for by name.
var knownNetworks = map[string]string{"linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab",
	"twitter": "Twitter/X", "mastodon": "Mastodon", "bluesky": "Bluesky", "facebook": "Facebook",
	"instagram": "Instagram", "youtube": "YouTube", "medium": "Medium", "dribbble": "Dribbble",
	"behance": "Behance", "stackoverflow": "Stack Overflow", "kaggle": "Kaggle", "tiktok": "TikTok",
	"reddit": "Reddit", "orcid": "ORCID", "scholar": "Google Scholar", "researchgate": "ResearchGate"}

// missingNetwork says plainly when the visitor asks for a network the
// profile doesn't list ("her LinkedIn"), before the contacts it does list.
func (x *Index) missingNetwork(o *out, q *query) {
	if x.r.Basics.Email == "" && hasAnyToken(q.ts, "email", "mail", "emails", "e", "inbox") {
		// "what's her email" on a profile without one: say so before the
		// contacts it does list
		o.say("The profile doesn't list an e-mail address for %s.", x.who())
		return
	}
	for _, t := range q.ts {
		name, ok := knownNetworks[t]
		if !ok || x.networks[t] {
			continue
		}
		if strings.Contains(strings.ToLower(x.r.Basics.URL), t) {
			continue
		}
		o.say("The profile doesn't list %s %s profile.", x.whose(), name)
		return
	}
}

// location gives the city, region and country (the street address only
// when the owner shares it).
func (x *Index) location(o *out) {
	l := x.r.Basics.Location
	place := x.basedIn()
	if o.origin && x.summarySays(o, "hails from", "grew up", "born in", "native of", "raised in", "originally from", "comes from", "moved from") {
		if place != "" {
			o.say("%s is based in %s.", x.Who(), place)
			o.cite(secBasics, 0, "location")
		}
		return
	}
	if place == "" {
		o.say("The profile doesn't say where %s is based.", x.who())
		return
	}
	o.say("%s is based in %s.", x.Who(), place)
	o.cite(secBasics, 0, "location")
	if x.privacy.ShareAddress && l.Address != "" {
		o.say("The address listed is %s.", strings.Join(nonEmpty(l.Address, l.PostalCode, l.City), ", "))
		o.cite(secBasics, 0, "location.address")
	}
}

// private answers a request for the phone number or street address.
func (x *Index) private(o *out, q *query) {
	wantsAddress := q.has("address") || q.has("street") || q.has("postal") ||
		q.has(" zip ") || q.has("postcode") || q.has(" house ") || q.has("apartment")
	b := x.r.Basics
	if wantsAddress {
		switch {
		case x.privacy.ShareAddress && b.Location.Address != "":
			o.say("%s address is %s.", capital(x.whose()), strings.Join(nonEmpty(b.Location.Address, b.Location.PostalCode, b.Location.City), ", "))
			o.cite(secBasics, 0, "location.address")
			return
		case b.Location.Address == "":
			o.refused = true
			o.say("The profile doesn't list a street address for %s.", x.who())
		default:
			o.refused = true
			o.say("Sorry, I can't share %s street address.", x.whose())
		}
	} else {
		switch {
		case x.privacy.SharePhone && b.Phone != "":
			o.say("%s phone number is %s.", capital(x.whose()), b.Phone)
			o.cite(secBasics, 0, "phone")
			return
		case b.Phone == "":
			// still a declined request for a private detail, but nothing
			// is withheld: say there is none rather than imply one
			o.refused = true
			o.say("The profile doesn't list a phone number for %s.", x.who())
		default:
			o.refused = true
			o.say("Sorry, I can't share %s phone number.", x.whose())
		}
	}
	if b.Email != "" {
		o.say("You can reach %s by e-mail at %s.", x.who(), b.Email)
		o.cite(secBasics, 0, "email")
	} else if b.Location.City != "" && wantsAddress {
		o.say("The profile says %s is based in %s.", x.who(), b.Location.City)
		o.cite(secBasics, 0, "location")
	}
}

// summary introduces the person: name, label, location, current role and
// the opening of their own summary.
func (x *Index) summary(o *out, more bool, now time.Time) {
	b := x.r.Basics
	s := ""
	switch {
	case x.full != "" && b.Label != "":
		s = fmt.Sprintf("%s is %s", x.full, article(b.Label))
		o.cite(secBasics, 0, "name")
		o.cite(secBasics, 0, "label")
	case x.full != "":
		s = x.full
		o.cite(secBasics, 0, "name")
	case b.Label != "":
		s = "This person is " + article(b.Label)
		o.cite(secBasics, 0, "label")
	}
	if s != "" {
		if l := b.Location.City; l != "" {
			if x.full == s {
				s += " is based in " + l
			} else {
				s += " based in " + l
			}
			o.cite(secBasics, 0, "location")
		} else if x.full == s {
			s = "This is " + x.full + "'s profile" // not a bare name as a sentence
			if strings.HasSuffix(x.full, "s") {
				s = "This is " + x.full + "' profile"
			}
		}
		o.put(sentence(s))
	}
	if b.Summary != "" {
		if more {
			o.put(sentence(b.Summary))
		} else {
			o.put(firstSentence(b.Summary))
		}
		o.cite(secBasics, 0, "summary")
	}
	var cur []*item
	for _, it := range x.sorted(secWork) {
		if it.current(now) {
			cur = append(cur, it)
		}
	}
	if len(cur) > 0 {
		parts := make([]string, len(cur))
		for i, it := range cur {
			parts[i] = it.roleAt()
			if it.ownAcct {
				parts[i] = article(parts[i]) // "as a self-employed Bassist"
			}
			o.citeItem(it)
		}
		o.say("%s currently works as %s.", x.Who(), list(parts))
		o.focusOn(cur...) // "since when?", "and before that?" are about the current job
	} else if len(x.work) == 0 {
		x.currentStudy(o, now)
	} else if last := x.sorted(secWork)[0]; last.dated && !last.brk && len(x.jobs) > 0 {
		last = lastHeld(x.jobs, now)
		// no job held now: the latest one, which "how long was he
		// there" and "why did he leave" then speak of
		o.say("The most recent job in the profile is %s%s.", last.roleAt(), commaWhen(last))
		o.citeItem(last)
		o.focusOn(last)
	}
	if o.b.Len() == 0 {
		o.say("The profile doesn't include a summary.")
		x.mentionOtherSections(o)
	}
}

// article prefixes a label with "a"/"an" unless it already reads as a name.
func article(label string) string {
	l := strings.TrimSpace(label)
	if l == "" {
		return l
	}
	low := strings.ToLower(l)
	if strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an ") || strings.HasPrefix(low, "the ") {
		return l
	}
	if len(l) >= 2 && isUpper(l[0]) && (isUpper(l[1]) || l[1] == '.') { // an acronym is read letter by letter: "an MSc", "an M.Sc.", "a UX"
		if strings.IndexByte("AEFHILMNORSX", l[0]) >= 0 {
			return "an " + l
		}
		return "a " + l
	}
	if strings.ContainsAny(l[:1], "AEIOUaeiou") {
		return "an " + l
	}
	return "a " + l
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// educationEntry is one course of study in a list, with its dates and score.
func (x *Index) educationEntry(it *item) string {
	e := x.r.Education[it.idx]
	s := it.role
	if s == "" {
		s = "studies"
	}
	if it.title != "" {
		s += " at " + it.title
	}
	var extra []string
	if sp := strings.Trim(it.span(), " ()"); sp != "" {
		extra = append(extra, sp)
	}
	if e.Score != "" {
		extra = append(extra, "score "+e.Score)
	}
	if len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}
