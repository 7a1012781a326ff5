package converse

import (
	"sort"
	"strings"
	"time"

	"github.com/parleyhq/parley/internal/profile"
)

// Section names, as JSON Resume spells them; citations use them.
const (
	secBasics       = "basics"
	secWork         = "work"
	secVolunteer    = "volunteer"
	secEducation    = "education"
	secAwards       = "awards"
	secCertificates = "certificates"
	secPublications = "publications"
	secSkills       = "skills"
	secLanguages    = "languages"
	secInterests    = "interests"
	secReferences   = "references"
	secProjects     = "projects"
)

// Citation points at the profile fact an answer used: a JSON Resume
// section, the index of the entry in it (0 for basics) and optionally the
// field.
type Citation struct {
	Section string `json:"section"`
	Index   int    `json:"index"`
	Field   string `json:"field,omitempty"`
}

// item is one dated entry of a list section (a job, a course of study, a
// project, a volunteering role, an award...), with what the engine needs to
// find and describe it precomputed.
type item struct {
	sec      string
	idx      int
	title    string   // employer, institution, project, organisation, award title
	role     string   // position, degree and area, project roles
	keys     []string // distinctive tokens of title, for entity detection
	keyStems []string // stem of each key
	norm     string   // title as " tok tok " for phrase matching
	acro     string   // initials of a name of three words or more ("ucd" for University College Dublin), or ""
	per      profile.Period
	dated    bool // per is valid
	date     profile.Date
	loc      string
	locKeys  []string          // distinctive tokens of the location
	roleKeys []string          // stems of the position, degree or issuer ("teach", "analyst")
	techs    []string          // canonical technology names, deduplicated
	evidence map[string]string // jobs and studies: lower technology -> the highlight, summary or course naming it
	brk      bool              // a work entry that is a career break, not a job (career_breaks.go)
	ownAcct  bool              // a work entry whose employer is a way of working ("Freelance"): onOwnAccount
	unfin    bool              // a study left unfinished: no end date, and it says so (unfinished.go)
	noEnd    bool              // no end date, yet not current: bare_entries.go, study_no_end.go
	lapsed   bool              // a certificate whose name says it lapsed, expired or was revoked
	roleAcro string            // initials of a degree ("mpa" for Master of Public Administration), or ""
	// leads are the first bytes of keys, roleKeys and locKeys, kept by
	// keepLeads: findEntities passes over an entry none of whose words can
	// start as a word of the question does.
	leads entryLeads
	// roleToks and titleToks are tokens(role) and tokens(title), made
	// once by newItem and newPoint: role checks read them on every turn.
	roleToks, titleToks []string
	// placeCountry and placeWhere are placeOfItem's answer and locText
	// is locationText(loc), kept by keepPlaces when placeKept.
	placeCountry string
	placeWhere   []place
	locText      string
	placeKept    bool
}

// roleTokens is tokens(it.role).
func (it *item) roleTokens() []string {
	if it.roleToks == nil { // an item not made by newItem or newPoint
		return tokens(it.role)
	}
	return it.roleToks
}

// titleTokens is tokens(it.title).
func (it *item) titleTokens() []string {
	if it.titleToks == nil {
		return tokens(it.title)
	}
	return it.titleToks
}

// Index is the compiled, read-only form of one profile version: the facts
// the engine answers from, with names normalised, technologies
// canonicalised and periods parsed. Build it once per profile version with
// Compile and share it: every method is safe for concurrent use.
type Index struct {
	r        profile.Resume
	privacy  profile.Privacy
	compiled time.Time
	first    string // first name, "" when the profile has no name
	firstTok string // the first name as a question token, when it is one word ("beatriz")
	// possessive is whose, built once: "Richard's", "this person's".
	possessive string
	full       string          // full name
	hasBreak   bool            // the work history lists a career break (career_breaks.go)
	nameToks   map[string]bool // tokens of the person's name
	nameList   []string        // nameToks' keys, for the hot tests (small_sets.go)
	acros      map[string]bool // initials of entries' names (item.acro), nil when none
	degreeAbbr map[string]bool // the letters of short degree names as written ("llm" of "LL.M."), nil when none
	// labelHead is the headline's last word in the singular ("lawyer" of
	// "Technology Transactions Lawyer"): a question using it speaks of
	// the person's trade, not of "Lawyers Alliance for New York".
	labelHead string
	// projectKinds are the projects' kinds in the singular ("building"),
	// nil when none: see project_kinds.go.
	projectKinds map[string]bool
	// descHeads are each project's description's opening phrase, by
	// project index: see project_desc_kind.go.
	descHeads [][]string
	// interestToks are each interest's name and keywords as tokens, for
	// "where does she surf" on every turn.
	interestToks [][]string
	locWords     map[string]bool // tokens of the profile's own places (job locations, home)
	// skillNames are the skill groups' names as tokens, for "data
	// journalism?" on every turn.
	skillNames  [][]string
	skillJoined []string     // the same as " a b "
	skillTails  []string     // the last two words of a longer name, as " b c " ("research tools" of "Legal research and tools"), or ""
	skillParts  [][][]string // the parts of a name of several ("Microcontrollers & Debugging"), or nil (skill_parts.go)

	work, volunteer, education, projects []item
	awards, certificates, publications   []item

	entities []*item            // everything a question can name
	bySec    map[string][]*item // each list section, newest first
	jobs     []*item            // the work entries that are jobs (no career breaks), newest first
	workTech []string           // technologies used in some job, for suggestions
	// asks are the suggestions phrased from the profile alone, by
	// intent, and workTechAsks the one of each workTech.
	asks         [numIntents]string
	workTechAsks []string

	techs     *techTable
	techUse   map[string][]Citation      // canonical lower -> where it appears
	techOrder []string                   // canonical names, in profile order
	languages map[string]int             // spoken language lower -> index
	networks  map[string]bool            // social networks of basics.profiles, lower
	netList   []string                   // networks' keys, for the hot tests (small_sets.go)
	snippets  []snippet                  // free-text sentences, for questions nothing else answers
	words     map[string]bool            // stems of every word of the profile's text
	secWords  map[string]map[string]bool // awards, certificates, publications, projects: stems and acronyms of their names
	heard     *spokenIndex               // for questions as a recogniser writes them (spoken.go)
}

// Compile builds the Index of r. privacy says which private fields answers
// may show; now is used to resolve open-ended periods ("present").
func Compile(r profile.Resume, privacy profile.Privacy, now time.Time) *Index {
	r = tidyResume(r)
	r.Basics.Profiles = namedProfiles(r.Basics.Profiles)
	x := &Index{r: r, privacy: privacy, compiled: now, nameToks: map[string]bool{},
		techUse: map[string][]Citation{}, languages: map[string]int{}}
	x.full = nameAsWritten(r.Basics.Name)
	if f := strings.Fields(x.full); len(f) > 0 {
		x.first = strings.Trim(f[0], ",.")
		if len(f) > 1 && honorifics[strings.ToLower(x.first)] { // "Dr. Ada Lovelace", not "Ron. Adams"
			x.first = f[1]
		}
		for _, t := range tokens(x.full) {
			x.nameToks[t] = true
		}
	}
	if ft := tokens(x.first); len(ft) == 1 {
		x.firstTok = ft[0]
	}
	x.addNicknames()
	x.possessive = x.possessiveOf()
	// "Critical Care Nurse (RN, CCRN)", "Project Manager, PMP": the head is
	// the title's, not a credential after it.
	label := r.Basics.Label
	if i := strings.IndexAny(label, "(,|"); i > 0 {
		label = label[:i]
	}
	if ls := tokens(label); len(ls) > 0 {
		x.labelHead = singular(ls[len(ls)-1])
	}
	x.techs = newTechTable(r)
	x.compileLists(now)
	x.keepPlaces()
	x.locWords = map[string]bool{}
	for _, loc := range []string{r.Basics.Location.City, r.Basics.Location.Region} {
		for _, t := range tokens(loc) {
			if len(t) > 2 && !commonWords[t] {
				x.locWords[t] = true
			}
		}
	}
	for i := range x.work {
		for _, t := range x.work[i].locKeys {
			x.locWords[t] = true
		}
	}
	x.compileTechs()
	x.skillNames, x.skillJoined = make([][]string, len(r.Skills)), make([]string, len(r.Skills))
	for i, sk := range r.Skills {
		x.skillNames[i] = tokens(sk.Name)
		x.skillJoined[i] = joinTokens(x.skillNames[i])
	}
	x.skillTails = skillTails(x.skillNames)
	x.compileSkillParts()
	x.compileSnippets()
	x.compileWords()
	for _, in := range r.Interests {
		x.interestToks = append(x.interestToks, tokens(in.Name+" "+strings.Join(in.Keywords, " ")))
	}
	x.bySec = map[string][]*item{}
	for _, sec := range []string{secWork, secEducation, secProjects, secVolunteer, secAwards, secCertificates, secPublications} {
		x.bySec[sec] = sortedByStart(x.section(sec))
	}
	x.compileJobs()
	for _, t := range x.techOrder {
		for _, c := range x.techUse[strings.ToLower(t)] {
			if c.Section == secWork && !ambiguousTech[strings.ToLower(t)] {
				x.workTech = append(x.workTech, t)
				break
			}
		}
	}
	x.compileAsks()
	x.networks = map[string]bool{}
	for _, p := range r.Basics.Profiles {
		for _, t := range tokens(p.Network) {
			x.networks[t] = true
		}
	}
	x.keepSmallSets()
	for i, l := range r.Languages {
		if n := normName(l.Language); n != "" {
			x.languages[n] = i
		}
		if e := strings.ToLower(englishLanguage(l.Language)); e != "" {
			if _, ok := x.languages[e]; !ok {
				x.languages[e] = i // "Inglés" answers "does she speak english"
			}
		}
	}
	x.compileSpoken()
	return x
}

func (x *Index) compileLists(now time.Time) {
	r := x.r
	for i, w := range r.Work {
		it := x.newItem(secWork, i, w.Name, roleWithoutEmployer(w.Position, w.Name), w.StartDate, w.EndDate, now)
		it.loc = w.Location
		for _, t := range tokens(w.Location) {
			if len(t) > 3 && !commonWords[t] && !genericNameWords[t] {
				it.locKeys = append(it.locKeys, t)
			}
		}
		// Each highlight on its own, so that a technology's answer can
		// quote the one that names it (techEvidence).
		it.techs = x.techs.find(w.Position, w.Description)
		x.findWithEvidence(&it, append(append([]string(nil), w.Highlights...), w.Summary))
		it.brk = breakEntry(&it)
		it.ownAcct = it.role != "" && onOwnAccount(it.title) != ""
		x.work = append(x.work, it)
	}
	x.markEndless()
	for i, v := range r.Volunteer {
		it := x.newItem(secVolunteer, i, v.Organization, v.Position, v.StartDate, v.EndDate, now)
		it.techs = x.techs.find(v.Position, v.Summary, strings.Join(v.Highlights, " . "))
		x.volunteer = append(x.volunteer, it)
	}
	for i, e := range r.Education {
		role := strings.TrimSpace(strings.Join(nonEmpty(e.StudyType, e.Area), " in "))
		it := x.newItem(secEducation, i, e.Institution, role, e.StartDate, e.EndDate, now)
		it.techs = x.techs.find(e.Area)
		x.findWithEvidence(&it, e.Courses) // "did he study SQL": the course that names it
		x.education = append(x.education, it)
	}
	x.markStaleStudies(now)
	for i, p := range r.Projects {
		it := x.newItem(secProjects, i, p.Name, strings.Join(p.Roles, ", "), p.StartDate, p.EndDate, now)
		if it.dated && strings.TrimSpace(p.EndDate) == "" && oneOffProject(p) {
			it.per.End, it.per.Open = it.per.Start, false // a talk given in December is not going on "since December"
		}
		it.techs = x.techs.canon(withParts(p.Keywords))
		it.techs = mergeTechs(it.techs, x.techs.find(p.Description, strings.Join(p.Highlights, " . ")))
		x.projects = append(x.projects, it)
	}
	x.indexProjectKinds(r.Projects)
	x.indexDescHeads(r.Projects)
	for i, a := range r.Awards {
		x.awards = append(x.awards, x.newPoint(secAwards, i, a.Title, a.Awarder, a.Date))
	}
	for i, c := range r.Certificates {
		it := x.newPoint(secCertificates, i, c.Name, c.Issuer, c.Date)
		it.lapsed = namesLapsed(c.Name)
		it.techs = x.techs.find(c.Name)
		x.certificates = append(x.certificates, it)
	}
	for i, p := range r.Publications {
		it := x.newPoint(secPublications, i, p.Name, p.Publisher, p.ReleaseDate)
		it.techs = x.techs.find(p.Name, p.Summary)
		x.publications = append(x.publications, it)
	}
	for _, list := range [][]item{x.work, x.projects, x.education, x.volunteer, x.certificates, x.awards, x.publications} {
		for i := range list {
			for _, t := range tokens(list[i].role) {
				// "time" of "(part-time)" names no role: "how many times"
				if len(t) >= 3 && t != "time" && !genericNameWords[t] && !x.nameToks[t] && !(list[i].sec != secWork && list[i].sec != secVolunteer && list[i].sec != secEducation && issuerWords[t]) {
					list[i].roleKeys = append(list[i].roleKeys, stem(t))
				}
			}
			if sec := list[i].sec; sec == secWork || sec == secEducation || sec == secVolunteer || sec == secCertificates {
				name := list[i].title
				if sec == secCertificates {
					// "Commercial Driver's License, Class A (expires 2027)"
					// is a "CDL": the initials of the name before its details
					name = nameHead(name)
				}
				if list[i].acro = orgAcronym(name); list[i].acro != "" {
					if x.acros == nil {
						x.acros = map[string]bool{}
					}
					x.acros[list[i].acro] = true
				}
			}
			if list[i].sec == secEducation {
				x.compileDegree(&list[i])
			}
			if len(list[i].keys) > 0 || list[i].norm != "" || len(list[i].locKeys) > 0 || len(list[i].roleKeys) > 0 {
				x.entities = append(x.entities, &list[i])
			}
		}
	}
	for _, e := range x.entities {
		e.keepLeads()
	}
}

func (x *Index) newItem(sec string, idx int, title, role, start, end string, now time.Time) item {
	it := item{sec: sec, idx: idx, title: strings.TrimSpace(title), role: strings.TrimSpace(role)}
	it.keys, it.norm = x.nameKeys(it.title)
	it.keyStems = stemsOf(it.keys)
	it.roleToks, it.titleToks = tokens(it.role), tokens(it.title)
	if p, err := profile.PeriodOf(start, end, now); err == nil {
		it.per, it.dated = p, true
	} else if d, err := profile.ParseDate(strings.TrimSpace(end)); err == nil && strings.TrimSpace(start) == "" {
		it.date = d // only an end date: "graduated 2014"
	}
	return it
}

func (x *Index) newPoint(sec string, idx int, title, by, date string) item {
	it := item{sec: sec, idx: idx, title: strings.TrimSpace(title), role: strings.TrimSpace(by)}
	it.keys, it.norm = x.nameKeys(it.title)
	it.keyStems = stemsOf(it.keys)
	it.roleToks, it.titleToks = tokens(it.role), tokens(it.title)
	if d, err := profile.ParseDate(strings.TrimSpace(date)); err == nil {
		it.date = d
	}
	return it
}

// nameKeys returns the distinctive tokens of a name (not generic words
// like "university" or "inc", not the person's own name) and the name's
// phrase form.
func (x *Index) nameKeys(name string) ([]string, string) {
	ts := tokens(name)
	if len(ts) == 0 {
		return nil, ""
	}
	var keys []string
	for _, t := range ts {
		if genericNameWords[t] || x.nameToks[t] || len(t) < 2 {
			continue
		}
		keys = append(keys, t)
		if b := plusBase(t, name); b != "" {
			keys = append(keys, b) // "is he oscp certified": the "OSCP+" he holds
		}
	}
	return keys, joinTokens(ts)
}

// plusBase returns the acronym a token like "oscp+" extends: three
// letters or more, written in capitals in the name, and a "+" for its newer
// or stronger edition ("OSCP+"). Empty for anything else: "c++" and "a+"
// are names whole, and "Security+" keys no plain "security".
func plusBase(t, name string) string {
	b := strings.TrimRight(t, "+")
	if len(b) < 3 || len(b) == len(t) || !isAlphaWord(b) || !strings.Contains(name, strings.ToUpper(b)+"+") {
		return ""
	}
	return b
}

// start is when the entry began: its period's start or its single date
// (an award, a publication).
func (it *item) start() (time.Time, bool) {
	if it.dated {
		return it.per.From(), true
	}
	if !it.date.IsZero() {
		return it.date.Start(), true
	}
	return time.Time{}, false
}

// sortedByStart returns the dated items newest first, then the undated in
// profile order (résumés list the newest first by convention).
func sortedByStart(list []item) []*item {
	out := make([]*item, 0, len(list))
	for i := range list {
		out = append(out, &list[i])
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		ta, oka := a.start()
		tb, okb := b.start()
		if oka != okb {
			return oka
		}
		if !oka {
			return false
		}
		return ta.After(tb)
	})
	return out
}

// sorted returns a section's entries newest first (see sortedByStart).
func (x *Index) sorted(sec string) []*item { return x.bySec[sec] }

// Valid reports whether c points at an entry (and field) present in the
// profile. Tests use it to check that every citation is real.
func (x *Index) Valid(c Citation) bool {
	n := map[string]int{
		secWork: len(x.r.Work), secVolunteer: len(x.r.Volunteer), secEducation: len(x.r.Education),
		secAwards: len(x.r.Awards), secCertificates: len(x.r.Certificates), secPublications: len(x.r.Publications),
		secSkills: len(x.r.Skills), secLanguages: len(x.r.Languages), secInterests: len(x.r.Interests),
		secReferences: len(x.r.References), secProjects: len(x.r.Projects), secBasics: 1,
	}
	count, ok := n[c.Section]
	if !ok || c.Index < 0 || c.Index >= count {
		return false
	}
	if c.Section == secBasics {
		return x.basicsField(c.Field) != ""
	}
	return true
}

// basicsField returns the value of a basics field by its citation name.
func (x *Index) basicsField(f string) string {
	b := x.r.Basics
	switch f {
	case "name":
		return b.Name
	case "label":
		return b.Label
	case "email":
		return b.Email
	case "phone":
		return b.Phone
	case "url":
		return b.URL
	case "summary":
		return b.Summary
	case "location":
		return strings.Join(nonEmpty(b.Location.City, b.Location.Region, b.Location.CountryCode), ", ")
	case "location.address":
		return b.Location.Address
	case "profiles":
		if len(b.Profiles) > 0 {
			return "profiles"
		}
	}
	return ""
}

// namesLapsed reports a certificate whose name says it is no longer held:
// "PALS Provider (lapsed 2023)", "Pilotage Licence (surrendered 2021)".
func namesLapsed(name string) bool {
	return hasAnyToken(tokens(name), "lapsed", "expired", "inactive", "revoked", "surrendered", "relinquished")
}
