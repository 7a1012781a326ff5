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
	var out []string
	seen := map[intent]bool{o.in: true}
	if o.in == iEmployer || o.in == iLatest || o.in == iFirst {
		seen[iCurrent] = true
	}
	try := func(in intent) {
		if len(out) >= 3 || seen[in] {
			return
		}
		if s := x.suggestion(in, o); s != "" {
			seen[in] = true
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
func (x *Index) suggestion(in intent, o *out) string {
	n := x.who()
	if x.first == "" {
		n = "they"
	}
	focus := x.focusItem(o)
	switch in {
	case iSummary:
		if x.r.Basics.Summary != "" || x.r.Basics.Label != "" {
			if x.first == "" {
				return "Give me an overview of this profile."
			}
			return fmt.Sprintf("Who is %s?", n)
		}
	case iCurrent:
		if len(x.work) > 0 {
			return fmt.Sprintf("What does %s do now?", n)
		}
	case iWork:
		if len(x.work) > 1 {
			return fmt.Sprintf("Where has %s worked?", n)
		}
	case iFirst:
		if len(x.work) > 1 {
			return fmt.Sprintf("What was %s first job?", x.whose())
		}
	case iTotalExp:
		if len(x.work) > 0 {
			return fmt.Sprintf("How many years of experience does %s have?", n)
		}
	case iDuration:
		if focus != nil && focus.sec == secWork && focus.dated && focus.title != "" {
			return fmt.Sprintf("How long was %s at %s?", n, focus.title)
		}
	case iPrev:
		if focus != nil && focus.sec == secWork && len(x.work) > 1 && oldest(x.sorted(secWork)) != focus {
			return "What did " + n + " do before that?"
		}
	case iNext:
		if focus != nil && focus.sec == secWork && len(x.work) > 1 && x.sorted(secWork)[0] != focus {
			return "And after that?"
		}
	case iProjects:
		if len(x.projects) > 0 {
			return fmt.Sprintf("Which projects has %s built?", n)
		}
	case iSkills:
		if len(x.r.Skills) > 0 {
			return fmt.Sprintf("What are %s main skills?", x.whose())
		}
	case iTech:
		if t := x.topTech(o); t != "" {
			return fmt.Sprintf("Which jobs used %s?", t)
		}
	case iEducation:
		if len(x.education) > 0 {
			return fmt.Sprintf("Where did %s study?", n)
		}
	case iCerts:
		if len(x.certificates) > 0 {
			return fmt.Sprintf("Does %s have any certifications?", n)
		}
	case iAwards:
		if len(x.awards) > 0 {
			return fmt.Sprintf("Has %s won any awards?", n)
		}
	case iPubs:
		if len(x.publications) > 0 {
			return fmt.Sprintf("Has %s published anything?", n)
		}
	case iVolunteer:
		if len(x.volunteer) > 0 {
			return fmt.Sprintf("Has %s done any volunteering?", n)
		}
	case iLangs:
		if len(x.r.Languages) > 0 {
			return fmt.Sprintf("Which languages does %s speak?", n)
		}
	case iInterests:
		if len(x.r.Interests) > 0 {
			return fmt.Sprintf("What are %s hobbies?", x.whose())
		}
	case iContact:
		b := x.r.Basics
		if b.Email != "" || b.URL != "" || len(b.Profiles) > 0 {
			return fmt.Sprintf("How can I contact %s?", n)
		}
	case iLocation:
		if x.r.Basics.Location.City != "" || x.r.Basics.Location.CountryCode != "" || x.r.Basics.Location.Region != "" {
			return fmt.Sprintf("Where is %s based?", n)
		}
	}
	return ""
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

// topTech is a technology used in some job, other than the one just asked.
func (x *Index) topTech(o *out) string {
	for _, t := range x.workTech {
		if t != o.tech {
			return t
		}
	}
	return ""
}
