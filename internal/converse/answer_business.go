package converse

import (
	"slices"
	"strings"
)

// Questions recruiters ask of leaders and seasoned engineers: industries,
// team sizes, hands-on or not, how they lead. Résumés answer them in free
// text, so these answers find and quote the sentences that do.

// industry is a sector and the word stems that place an entry in it.
type industry struct {
	name  string
	stems []string
}

var industries = []industry{
	{"healthcare", []string{"health", "medic", "clinic", "hospital", "patient", "hipaa", "pharma", "biotech", "telehealth", "healthcare"}},
	{"fintech and finance", []string{"fintech", "financ", "bank", "payment", "ledger", "trading", "insur", "lending", "credit card", "wealth"}},
	{"e-commerce and retail", []string{"e-commerce", "ecommerce", "commerce", "retail", "shop", "marketplace"}},
	{"logistics and transport", []string{"logistic", "shipping", "freight", "transport", "supply chain", "fleet"}},
	{"education", []string{"education", "edtech", "school", "learning platform", "teaching", "curriculum", "university"}},
	{"media and entertainment", []string{"media", "music", "video", "streaming", "gaming", "game", "entertainment", "publishing", "newsroom"}},
	{"telecommunications", []string{"telecom", "mobile network", "carrier", "5g"}},
	{"energy", []string{"energy", "solar", "oil", "renewable", "power grid"}},
	// Agencies rarely call themselves "government": "US Forest Service",
	// "Tri-County Regional Planning Council", "City of Portland Bureau of
	// Emergency Management". Several-word stems place entries only; one-word
	// stems are also read in questions ("did she work for a county").
	{"government and public sector", []string{"government", "public sector", "ministry", "federal", "county", "municipal",
		"city of", "state of", "department of", "bureau of", "forest service", "national park", "civil service", "public agenc",
		"city council", "planning council", "regional council"}},
	{"travel and hospitality", []string{"travel", "hotel", "hostel", "resort", "airline", "hospitality", "booking"}},
	{"security", []string{"security", "cyber", "fraud"}},
	{"consulting", []string{"consult", "accenture", "deloitte", "mckinsey", "client"}},
	// a kind of employer rather than a sector: asked of ("has she worked at
	// a startup"), never put beside the sectors an employer is listed with
	{startups, []string{"startup", "start-up", "seed round", "series a", "series b", "early-stage", "early stage", "venture-backed", "vc-backed", "y combinator", "founding engineer", "co-founded"}},
}

const startups = "startups"

// firmStems are the industry stems that are one firm's name: "did she
// work for McKinsey" asks for that employer, not for consulting.
var firmStems = setOf(`accenture deloitte mckinsey`)

// withoutFirms returns ts without the firms' names, so only the words
// that name a sector are left.
func withoutFirms(ts []string) []string {
	out := ts[:0:0]
	for _, t := range ts {
		if !firmStems[t] {
			out = append(out, t)
		}
	}
	return out
}

// industriesNamed returns the industries a question names ("healthcare",
// "finance", "banking"), by the first word of their name or a one-word
// stem of theirs; studies set leaves education out ("educational
// background" is about school).
func industriesNamed(ts []string, studies bool) []industry {
	var out []industry
	seen := 0
	for i, t := range ts {
		if t == "webshop" || (t == "store" || t == "shop" || t == "stores" || t == "shops") && (at(ts, i-1) == "online" || at(ts, i-1) == "web") {
			ts = append([]string{"ecommerce"}, ts...) // "an online store"
			break
		}
	}
	for _, t := range ts {
		if len(t) == 3 {
			if isShortIndustryWord(t) {
				for _, i := range industryPrefixes[t].of {
					if seen&(1<<i) == 0 {
						seen |= 1 << i
						out = append(out, industries[i])
					}
				}
			}
			continue
		}
		if !industryLead(t) {
			continue // no key starts with t's first four bytes: no prefix of t is one
		}
		for l := 4; l <= len(t); l++ {
			ids, ok := industryPrefixes[t[:l]]
			if !ok || l < len(t) && !ids.prefix {
				continue
			}
			for _, i := range ids.of {
				if seen&(1<<i) == 0 && !(studies && industries[i].name == "education") {
					seen |= 1 << i
					out = append(out, industries[i])
				}
			}
		}
	}
	return out
}

// asksIndustry reports "what industries has he worked in", "does she
// have healthcare experience", "has he worked in fintech".
func asksIndustry(q *query, named []industry) bool {
	if q.scores[iAvailability] > 0 {
		return false // "is she open to industry roles"
	}
	if hasAnyToken(q.ts, "industries", "industry", "sectors", "sector", "domains", "verticals", "vertical") {
		return true
	}
	return len(named) > 0 && (hasAnyToken(q.ts, "experience", "experienced", "background", "worked", "work", "working", "jobs", "job",
		"built", "build", "made", "make", "created", "designed", "projects", "project", "sites", "site", "apps", "app"))
}

// entryText is what an entry says of itself, lower-cased with spaces
// around: name, summary and highlights.
func (x *Index) entryText(it *item) string {
	var parts []string
	switch it.sec {
	case secWork:
		w := x.r.Work[it.idx]
		parts = append(append(parts, w.Name, w.Summary, w.Description), w.Highlights...)
	case secVolunteer:
		v := x.r.Volunteer[it.idx]
		parts = append(append(parts, v.Organization, v.Summary), v.Highlights...)
	case secProjects:
		p := x.r.Projects[it.idx]
		parts = append(append(parts, p.Name, p.Description, p.Entity), p.Highlights...)
	}
	return " " + strings.ToLower(strings.Join(parts, " ")) + " "
}

func (ind industry) in(text string) bool {
	for _, st := range ind.stems {
		if stemAt(text, ' ', st) || stemAt(text, '-', st) {
			return true
		}
	}
	return false
}

// stemAt reports whether text holds the stem after the separator, outside
// the phrases where its word means something else: a Kubernetes "health
// checker" is no healthcare.
func stemAt(text string, sep byte, st string) bool {
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], st)
		if i < 0 {
			return false
		}
		i += off
		if i > 0 && text[i-1] == sep && !otherSense(text[i:]) {
			return true
		}
		off = i + 1
	}
	return false
}

// otherSensePhrases start with a sector's stem but name no sector.
var otherSensePhrases = []string{"health check", "health-check", "healthcheck", "health probe", "health endpoint", "health status"}

func otherSense(rest string) bool {
	for _, p := range otherSensePhrases {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// industryAnswer answers "what industries has he worked in" and, when
// the question names some, "does she have healthcare experience": each
// job with the sectors its own words place it in, and the summary's
// sentence about sectors.
func (x *Index) industryAnswer(o *out, q *query, asked []industry) {
	o.in = iWork
	jobs := x.sorted(secWork)
	if len(asked) == 0 && asksIndustryVsAcademia(q.joined) && x.industryVsAcademia(o, jobs) {
		return // "has she ever worked in industry"
	}
	if len(asked) == 0 {
		var parts []string
		found := false
		seen := map[string]bool{}
		for _, it := range jobs {
			if seen[it.title] { // two roles at one employer
				continue
			}
			seen[it.title] = true
			text := x.entryText(it)
			var names []string
			for _, ind := range industries {
				if ind.name != startups && ind.in(text) {
					names = append(names, ind.name)
				}
			}
			part := it.label()
			if len(names) > 0 {
				part += " (" + strings.Join(names, ", ") + ")"
				found = true
			}
			parts = append(parts, part)
			o.citeItem(it)
		}
		switch {
		case len(parts) == 0:
			o.say("The profile doesn't list any jobs.")
		case found:
			o.say("%s employers, with the industries their own descriptions point to: %s.", capital(x.whose()), list(parts))
		default:
			o.say("The profile doesn't name the industries; %s employers are %s.", x.whose(), list(parts))
		}
		x.quoteSentences(o, "The summary says:", x.summarySentences(func(low string) bool {
			for _, ind := range industries {
				if ind.name != startups && ind.in(low) {
					return true
				}
			}
			return false
		}))
		return
	}
	for _, ind := range asked {
		var hits []string
		var focus []*item
		for _, it := range append(append([]*item(nil), jobs...), x.sorted(secProjects)...) {
			if ind.in(x.entryText(it)) {
				if it.sec == secProjects {
					hits = append(hits, "the project "+it.label()+it.span())
				} else {
					hits = append(hits, it.roleAt()+it.span())
				}
				focus = append(focus, it)
				o.citeItem(it)
			}
		}
		if len(hits) > 0 {
			o.say("%s, the profile lists %s.", yesIn(q.ts, "in", ind.name), list(hits))
			// The words that place them there: "three Fortune 50 banks".
			var said []*snippet
			for i := range x.snippets {
				sn := &x.snippets[i]
				if len(said) < 2 && citesItem(sn.cite, focus) && ind.in(sn.low) {
					said = append(said, sn)
				}
			}
			x.quoteSentences(o, "Where it says so:", said)
			o.focusOn(focus...)
		} else if ind.name == startups {
			o.say("The profile doesn't describe any of %s employers as a startup.", x.whose())
		} else {
			o.say("The profile doesn't list a job in %s.", ind.name)
			// "did he ever work as a consultant": a reference may say so
			sub := &out{x: x}
			if x.searchCover(sub, q) > 0 {
				o.say("It does mention:")
				in := o.in
				o.adopt(sub)
				o.in = in
			}
		}
	}
	x.quoteSentences(o, "The summary says:", x.summarySentences(func(low string) bool {
		for _, ind := range asked {
			if ind.in(low) {
				return true
			}
		}
		return false
	}))
}

// summarySentences are the summary's sentences that keep says yes to
// (given " lower-cased text ").
func (x *Index) summarySentences(keep func(low string) bool) []*snippet {
	var out []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section == secBasics && keep(sn.low) {
			out = append(out, sn)
		}
	}
	return out
}

// teamStems are the people a team size counts.
var teamNouns = setOf(`engineers engineer people person developers staff employees employee reports report team teams members
designers analysts scientists nurses agents reps heads headcount direct researchers students lab group
cooks chefs brigade crew workers technicians consultants associates accountants lawyers teachers volunteers
electricians apprentices plumbers carpenters drivers mechanics operators foremen labourers laborers tradespeople tradesmen
craftsmen installers journeymen crews players coaches pharmacists physicians therapists agents brokers
department departments division divisions managers supervisors soldiers troops sailors marines`)

// placeSizeNouns measure a hotel, hospital or restaurant when the size of
// the one in focus is asked ("how big was the hotel": "the 320-room
// resort"); not a team's size, so only then.
var placeSizeNouns = setOf(`room rooms bed beds seat seats cover covers`)

// smallNumbers are counts written in words: "a lab of nine".
var smallNumbers = setOf(`two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty dozen hundred`)

// isCount reports a number of things: "12", "twelve"; not the ordinal of
// "7th Infantry Division".
func isCount(t string) bool {
	return t != "" && (t[0] >= '0' && t[0] <= '9' && !ordinalSuffix(t) || smallNumbers[t] || bigNumbers[t])
}

// bigNumbers count in words what is too many for digits to be natural:
// "a million accident-free miles", "played by millions".
var bigNumbers = setOf(`thousand thousands million millions billion billions`)

// ordinalSuffix reports a number written as an ordinal: "7th", "21st".
func ordinalSuffix(t string) bool {
	n := len(t)
	if n < 3 {
		return false
	}
	switch t[n-2:] {
	case "st", "nd", "rd", "th":
		return t[n-3] >= '0' && t[n-3] <= '9'
	}
	return false
}

// describesPeople reports two words that can stand between a count and the
// people counted ("9 national supply staff"): no time ("5 years managing
// engineers"), no joining word, no second count.
func describesPeople(ws []string) bool {
	for _, w := range ws {
		if timeUnitWords[w] || joiningWords[w] || isCount(w) {
			return false
		}
	}
	return true
}

var (
	timeUnitWords = setOf(`year years yr yrs month months week weeks day days hour hours decade decades`)
	joiningWords  = setOf(`of and or to in on at for with from by the a an as per than`)
)

// teamSize answers "how big is his team", "how many engineers did he
// manage there": the sentences that put a number next to people, from
// the entries in focus first.
func (x *Index) teamSize(o *out, focus []*item, company bool) bool {
	var picked []*snippet
	// "3 joiners and an apprentice": the plural of a title word of hers
	// counts people of her trade, as "electricians" does
	trade := map[string]bool{}
	for _, it := range x.work {
		for _, t := range tokens(it.role) {
			// only the doers among the words: "Site Manager" counts
			// managers, not sites
			if len(t) >= 4 && !commonWords[t] && (strings.HasSuffix(t, "er") || strings.HasSuffix(t, "or") || strings.HasSuffix(t, "ist") || strings.HasSuffix(t, "ian")) {
				trade[t+"s"] = true
			}
		}
	}
	people := func(t string) bool { return teamNouns[t] || trade[t] }
	for i := range x.snippets {
		sn := &x.snippets[i]
		if len(focus) > 0 && !citesItem(sn.cite, focus) {
			continue
		}
		for j, t := range sn.toks {
			if isCount(t) && !magnitude(t) && (people(at(sn.toks, j+1)) || people(at(sn.toks, j+2)) || people(at(sn.toks, j+3)) && describesPeople(sn.toks[j+1:j+3])) ||
				t == "of" && isCount(at(sn.toks, j+1)) && teamNouns[at(sn.toks, j-1)] || // "a lab of nine"
				company && len(focus) > 0 && isCount(t) && placeSizeNouns[at(sn.toks, j+1)] { // "the 320-room resort"
				picked = append(picked, sn)
				break
			}
		}
	}
	if len(picked) == 0 {
		if len(focus) > 0 {
			return x.teamSize(o, nil, company)
		}
		return false
	}
	if len(picked) > 3 {
		picked = picked[:3]
	}
	o.in = iHighlights
	if !x.quoteSentences(o, "On team size, the profile says:", picked) {
		return false
	}
	// The entry quoted is what "and before that?" is asked about next.
	var items []*item
	for _, sn := range picked {
		if sectionNoun(sn.cite.Section) != "" {
			if list := x.section(sn.cite.Section); sn.cite.Index < len(list) && !slices.Contains(items, &list[sn.cite.Index]) {
				items = append(items, &list[sn.cite.Index]) // once: two sentences of one job leave that job in focus
			}
		}
	}
	if len(items) > 0 {
		o.focusOn(items...)
	}
	return true
}

func citesItem(c Citation, items []*item) bool {
	for _, it := range items {
		if it.sec == c.Section && it.idx == c.Index {
			return true
		}
	}
	return false
}

// asksTeamSize reports "how big is her team", "how many people does he
// manage", "team size".
func asksTeamSize(q *query) bool {
	if q.has(" size ") && (q.has(" team size ") || q.has(" size of @p team ")) || q.hasAnyOf(sizePhrases) && hasAnyToken(q.ts, "team", "org", "organisation", "organization", "department", "lab", "group") {
		return true
	}
	if asksCompanySize(q) {
		return true
	}
	return q.has(" how many ") && hasAnyToken(q.ts, "manage", "managed", "manages", "lead", "led", "leads", "report", "reports", "hire", "hired", "grow", "grew", "team", "teams", "employ", "employs", "employed") &&
		!hasAnyToken(q.ts, "years", "year", "months", "jobs", "projects", "languages")
}

var sizePhrases = newPhraseSet(" how big ", " how large ", " what size ", " how many employees ", " how many people work ", " headcount ")

// asksCompanySize reports "how big is the company", "how many employees
// does the firm have", "what size of start-up".
func asksCompanySize(q *query) bool {
	if !q.hasAnyOf(sizePhrases) {
		return false
	}
	if hasAnyToken(q.ts, "contract", "contracts", "deal", "deals", "budget", "project", "projects", "grant", "order", "job", "jobs", "round") {
		return false // "how big was that contract": a sum, not a headcount
	}
	return (q.has(" how many ") || q.has(" headcount ") ||
		hasAnyToken(q.ts, "company", "companies", "firm", "startup", "start", "business", "employer", "organisation", "organization", "agency", "bank", "it", "that", "they",
			"hotel", "hotels", "hostel", "resort", "store", "shop", "restaurant", "hospital", "clinic", "school", "office", "plant", "factory", "property", "branch", "site"))
}

// styleStems mark sentences of belief and method: "believes in small
// autonomous teams".
var styleStems = []string{"believ", "philosoph", "approach", "value", "principle", "prefer", "favour", "favor", "advocate", "champion"}

// leadershipStyle answers "what's his leadership style", "how does she
// manage": the summary's (or entries') sentences of belief, then what the
// entries show of leading people.
func (x *Index) leadershipStyle(o *out) {
	o.in = iHighlights
	said := x.quoteSentences(o, "In the profile's words:", x.peopleSentences(3, styleStems))
	if !x.quoteSentences(o, "What the entries show of leading people:", x.peopleSentences(3, leadStems)) && !said {
		o.say("The profile doesn't describe how %s leads.", x.who())
	}
}

// asksStyle reports "leadership style", "management philosophy", "how
// does she lead".
func asksStyle(q *query) bool {
	return hasAnyToken(q.ts, "style", "philosophy", "approach", "principles", "values") &&
		hasAnyToken(q.ts, "leadership", "management", "managing", "leading", "lead", "manage", "engineering", "working", "work") ||
		q.has(" how does @p lead ") || q.has(" how does @p manage ")
}

// handsOn answers "is he still hands-on", "does she still code": what
// the summary and the jobs say of the person writing code.
func (x *Index) handsOn(o *out) bool {
	var picked []*snippet
	for i := range x.snippets {
		sn := &x.snippets[i]
		if sn.cite.Section != secBasics && sn.cite.Section != secWork {
			continue
		}
		for _, t := range sn.toks {
			if handsOnWords[t] {
				picked = append(picked, sn)
				break
			}
		}
	}
	if len(picked) > 3 {
		picked = picked[:3]
	}
	o.in = iSummary
	return x.quoteSentences(o, "On writing code, the profile says:", picked)
}

var handsOnWords = setOf(`code codes coding coded hands-on handson programming programs programmed`)

func asksHandsOn(q *query) bool {
	return q.has(" hands on ") || hasAnyToken(q.ts, "hands-on", "handson") ||
		q.has(" still ") && (q.has(" still code ") || q.has(" still coding ") ||
			q.has(" still write code ") || q.has(" still program "))
}
