package converse

import "fmt"

// next lists, for each intent, the topics worth suggesting after it, best
// first. Topics the profile cannot answer are skipped.
var nextTopics = map[intent][]intent{
	iSummary:   {iCurrent, iWork, iSkills, iEducation, iProjects},
	iCurrent:   {iDuration, iWork, iSkills, iProjects},
	iWork:      {iFirst, iTotalExp, iSkills, iEducation},
	iEmployer:  {iDuration, iPrev, iSkills, iProjects},
	iFirst:     {iNext, iWork, iEducation},
	iLatest:    {iDuration, iPrev, iSkills},
	iPrev:      {iPrev, iWork, iSkills},
	iNext:      {iWork, iSkills, iProjects},
	iDuration:  {iTotalExp, iWork, iSkills},
	iTotalExp:  {iWork, iFirst, iSkills},
	iProjects:  {iSkills, iWork, iEducation},
	iSkills:    {iTech, iProjects, iWork},
	iTech:      {iSkills, iProjects, iWork},
	iEducation: {iCerts, iWork, iSkills, iProjects},
	iCerts:     {iEducation, iSkills, iAwards},
	iAwards:    {iPubs, iProjects, iWork},
	iPubs:      {iAwards, iProjects, iSkills},
	iLangs:     {iLocation, iInterests, iWork},
	iVolunteer: {iInterests, iWork, iCerts},
	iInterests: {iVolunteer, iLangs, iSummary},
	iContact:   {iLocation, iSummary, iWork},
	iLocation:  {iContact, iCurrent, iLangs},
}

var defaultTopics = []intent{iSummary, iCurrent, iWork, iProjects, iSkills, iEducation, iCerts, iAwards,
	iPubs, iVolunteer, iLangs, iInterests, iContact}

// suggest proposes 2–3 next questions the profile can answer.
func (x *Index) suggest(o *out) []string {
	var out []string // nil when there is nothing to suggest
	var seen [numIntents]bool
	seen[o.in] = true
	if o.in == iEmployer || o.in == iLatest || o.in == iFirst {
		seen[iCurrent] = true
	}
	focus := x.focusItem(o) // what the reply is about, the same for every topic tried
	try := func(in intent) {
		if len(out) >= 3 || seen[in] {
			return
		}
		if s := x.suggestion(in, o, focus); s != "" {
			seen[in] = true
			if out == nil {
				out = make([]string, 0, 3)
			}
			out = append(out, s)
		}
	}
	for _, in := range nextTopics[o.in] {
		try(in)
	}
	for _, in := range defaultTopics {
		try(in)
	}
	return out
}

// suggestion phrases a question of topic in, or "" when the profile has
// nothing to answer it with.
func (x *Index) suggestion(in intent, o *out, focus *item) string {
	switch in {
	case iSummary:
		if x.r.Basics.Summary != "" || x.r.Basics.Label != "" {
			return x.asks[in]
		}
	case iCurrent, iTotalExp:
		if len(x.work) > 0 {
			return x.asks[in]
		}
	case iWork, iFirst:
		if len(x.work) > 1 {
			return x.asks[in]
		}
	case iDuration:
		if focus != nil && focus.sec == secWork && focus.dated && focus.title != "" {
			return fmt.Sprintf("How long was %s at %s?", x.askName(), focus.title)
		}
	case iPrev:
		if focus != nil && focus.sec == secWork && len(x.work) > 1 && oldest(x.sorted(secWork)) != focus {
			return x.asks[in]
		}
	case iNext:
		if focus != nil && focus.sec == secWork && len(x.work) > 1 && x.sorted(secWork)[0] != focus {
			return x.asks[in]
		}
	case iProjects:
		if len(x.projects) > 0 {
			return x.asks[in]
		}
	case iSkills:
		if len(x.r.Skills) > 0 {
			return x.asks[in]
		}
	case iTech:
		if i := x.topTech(o); i >= 0 {
			return x.workTechAsks[i]
		}
	case iEducation:
		if len(x.education) > 0 {
			return x.asks[in]
		}
	case iCerts:
		if len(x.certificates) > 0 {
			return x.asks[in]
		}
	case iAwards:
		if len(x.awards) > 0 {
			return x.asks[in]
		}
	case iPubs:
		if len(x.publications) > 0 {
			return x.asks[in]
		}
	case iVolunteer:
		if len(x.volunteer) > 0 {
			return x.asks[in]
		}
	case iLangs:
		if len(x.r.Languages) > 0 {
			return x.asks[in]
		}
	case iInterests:
		if len(x.r.Interests) > 0 {
			return x.asks[in]
		}
	case iContact:
		b := x.r.Basics
		if b.Email != "" || b.URL != "" || len(b.Profiles) > 0 {
			return x.asks[in]
		}
	case iLocation:
		if x.r.Basics.Location.City != "" || x.r.Basics.Location.CountryCode != "" || x.r.Basics.Location.Region != "" {
			return x.asks[in]
		}
	}
	return ""
}

// askName is the person as suggestions name them.
func (x *Index) askName() string {
	if x.first == "" {
		return "they"
	}
	return x.who()
}

// compileAsks phrases, once per Index, the suggestions whose words depend
// on the profile alone; suggestion picks among them on every turn.
func (x *Index) compileAsks() {
	n, a := x.askName(), &x.asks
	a[iSummary] = fmt.Sprintf("Who is %s?", n)
	if x.first == "" {
		a[iSummary] = "Give me an overview of this profile."
	}
	a[iCurrent] = fmt.Sprintf("What does %s do now?", n)
	a[iWork] = fmt.Sprintf("Where has %s worked?", n)
	a[iFirst] = fmt.Sprintf("What was %s first job?", x.whose())
	a[iTotalExp] = fmt.Sprintf("How many years of experience does %s have?", n)
	a[iPrev] = "What did " + n + " do before that?"
	a[iNext] = "And after that?"
	a[iProjects] = fmt.Sprintf("Which projects has %s built?", n)
	a[iSkills] = fmt.Sprintf("What are %s main skills?", x.whose())
	a[iEducation] = fmt.Sprintf("Where did %s study?", n)
	a[iCerts] = fmt.Sprintf("Does %s have any certifications?", n)
	a[iAwards] = fmt.Sprintf("Has %s won any awards?", n)
	a[iPubs] = fmt.Sprintf("Has %s published anything?", n)
	a[iVolunteer] = fmt.Sprintf("Has %s done any volunteering?", n)
	a[iLangs] = fmt.Sprintf("Which languages does %s speak?", n)
	a[iInterests] = fmt.Sprintf("What are %s hobbies?", x.whose())
	a[iContact] = fmt.Sprintf("How can I contact %s?", n)
	a[iLocation] = fmt.Sprintf("Where is %s based?", n)
	x.workTechAsks = make([]string, len(x.workTech))
	for i, t := range x.workTech {
		x.workTechAsks[i] = fmt.Sprintf("Which jobs used %s?", t)
	}
}

func (x *Index) focusItem(o *out) *item {
	if len(o.focus) != 1 || sectionNoun(o.sec) == "" {
		return nil
	}
	items := x.section(o.sec)
	if o.focus[0] < len(items) {
		return &items[o.focus[0]]
	}
	return nil
}

// topTech is the index in workTech of a technology used in some job,
// other than the one just asked, or -1.
func (x *Index) topTech(o *out) int {
	for i, t := range x.workTech {
		if t != o.tech {
			return i
		}
	}
	return -1
}
