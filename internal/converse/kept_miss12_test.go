package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// studyingProfile: a nurse with an associate's and a BSN held, an MSN
// under way, and a master's she left.
func studyingProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Tove Arneberg", Label: "Registered Nurse"},
		Work: []profile.Work{
			{Name: "Rikshospitalet", Position: "Registered Nurse", StartDate: "2017-02"},
		},
		Education: []profile.Education{
			{Institution: "University of Bergen", StudyType: "MSN", Area: "Family Nurse Practitioner", StartDate: "2024-08"},
			{Institution: "Open Polytechnic", StudyType: "Master of Health Administration (not completed)", Area: "Health Administration", StartDate: "2019-01"},
			{Institution: "VID Specialized University", StudyType: "BSN", Area: "Nursing", StartDate: "2013-08", EndDate: "2016-06"},
			{Institution: "Oslo Community College", StudyType: "Associate of Science", Area: "Biology", StartDate: "2011", EndDate: "2013"},
		},
	}
}

// socialWorkerProfile: a master's named by its initials, above a
// bachelor's.
func socialWorkerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Rafael Quiroga", Label: "Clinical Social Worker"},
		Education: []profile.Education{
			{Institution: "Boston College", StudyType: "MSW", Area: "Clinical Social Work", StartDate: "2014", EndDate: "2016"},
			{Institution: "Rutgers University", StudyType: "Bachelor of Arts", Area: "Psychology", StartDate: "2010", EndDate: "2014"},
		},
	}
}

// TestHighestDegreeHeld: the highest degree is one finished; a degree
// under way or left is named as such, never as the one held; degrees
// named by their initials rank as what they are.
func TestHighestDegreeHeld(t *testing.T) {
	tove := converse.Compile(studyingProfile(), profile.Privacy{}, today)
	rafael := converse.Compile(socialWorkerProfile(), profile.Privacy{}, today)
	onlyOpen := studyingProfile()
	onlyOpen.Education = onlyOpen.Education[:1]
	cases := []struct {
		name      string
		x         *converse.Index
		question  string
		want, not []string
	}{
		{"a degree under way is not the highest held", tove, "what's her highest degree", []string{"highest degree in Tove's profile is a BSN", "still studying for an MSN"}, []string{"is an MSN", "is a Master"}},
		{"the same asked as a level of education", tove, "what is her highest level of education", []string{"a BSN"}, []string{"is an MSN"}},
		{"a master's by its initials outranks a bachelor's", rafael, "what is his highest degree", []string{"is an MSW"}, []string{"is a Bachelor"}},
		{"only a degree under way: none finished", converse.Compile(onlyOpen, profile.Privacy{}, today), "whats her highest degree", []string{"No degree", "still studying for an MSN"}, []string{"highest degree in Tove's profile is"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// analystProfile: a teacher turned data analyst whose field is also a
// skill, and a product manager whose field is a "-ment" noun.
func analystProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Wren Okafor", Label: "Data Analyst"},
		Work: []profile.Work{
			{Name: "Lumen Grid", Position: "Senior Data Analyst", StartDate: "2021-03"},
			{Name: "Lumen Grid", Position: "Data Analyst", StartDate: "2019-01", EndDate: "2021-02"},
			{Name: "Harbor School", Position: "Maths Teacher", StartDate: "2012-09", EndDate: "2018-12"},
			{Name: "Halcyon Labs", Position: "Product Manager", StartDate: "2010-01", EndDate: "2012-08"},
			{Name: "Daily Ledger", Position: "London Correspondent", StartDate: "2008-01", EndDate: "2009-12"},
		},
		Skills: []profile.Skill{
			{Name: "Analytics", Keywords: []string{"Data analysis", "SQL"}},
			{Name: "Product management", Keywords: []string{"Roadmaps"}},
		},
	}
}

// TestFieldOfWork: a line of work asked by its field ("doing data
// analysis") is about the jobs whose titles name it, not the skill of the
// same name.
func TestFieldOfWork(t *testing.T) {
	wren := converse.Compile(analystProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"how long doing a field: the jobs, since the first", "how long has she been doing data analysis", []string{"since January 2019", "Data Analyst at Lumen Grid"}, []string{"Yes,", "Teacher"}},
		{"how many years working in a field", "how many years has she been working in data analysis", []string{"since January 2019"}, []string{"Yes,"}},
		{"a field of a -ment noun names its managers", "how long has she been doing product management", []string{"Product Manager at Halcyon Labs", "starting in January 2010"}, []string{"Yes,", "Data Analyst"}},
		{"before a field: the job before its first", "what did she do before data analysis", []string{"Maths Teacher"}, []string{"Yes,"}},
		{"after a field: the job after its last", "what did she do after product management", []string{"Maths Teacher"}, nil},
		{"a place is no field", "how long has she been working in london", nil, []string{"London roles"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(wren, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// grocerProfile: three roles at one grocer, two with a head count of the
// same noun, and a first job elsewhere whose title is that noun.
func grocerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ines Varga", Label: "Regional Director"},
		Work: []profile.Work{
			{Name: "Northgate Markets", Position: "Regional Director", StartDate: "2022-05", Highlights: []string{"Nine stores and about 300 cashiers"}},
			{Name: "Northgate Markets", Position: "Store Manager, Riverside", StartDate: "2019-01", EndDate: "2022-04", Highlights: []string{"Flagship store, 55 cashiers"}},
			{Name: "Northgate Markets", Position: "Assistant Store Manager, Eastgate", StartDate: "2016-03", EndDate: "2018-12"},
			{Name: "Corner Deli", Position: "Cashier", StartDate: "2014", EndDate: "2016"},
		},
	}
}

// TestNarrowerProduct: "does she use SAP Ariba" with SAP in the profile
// but never "Ariba" is no yes: the product asked about is not mentioned.
func TestNarrowerProduct(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Oona Lind", Label: "Procurement Manager"},
		Work: []profile.Work{{Name: "Kestrel Foods", Position: "Procurement Manager", StartDate: "2019-02",
			Highlights: []string{"Moved purchasing onto Oracle and Excel models"}}},
		Skills: []profile.Skill{{Name: "Systems", Keywords: []string{"Oracle", "Excel"}}},
	}
	oona := converse.Compile(p, profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"a vendor's product the profile never names", "does she use oracle fusion", []string{"doesn't mention Oracle Fusion", "It mentions Oracle"}, []string{"Yes"}},
		{"an adverb after the name is no product", "does she use oracle professionally", []string{"Yes"}, []string{"doesn't mention"}},
		{"a word of the profile after the name is no product", "does she use oracle purchasing", nil, []string{"doesn't mention Oracle Purchasing"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(oona, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestAbsentName: a yes/no question naming something of which only one
// word is the profile's ("Cigna Dental" to a dentist) says that name is
// not mentioned, rather than listing the entries that share the word.
func TestAbsentName(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Mira Castell", Label: "Dentist"},
		Work: []profile.Work{
			{Name: "Harbor Dental Group", Position: "Associate Dentist", StartDate: "2016-03"},
			{Name: "Lakeside Family Dental", Position: "Dental Assistant", StartDate: "2009", EndDate: "2012"},
		},
	}
	mira := converse.Compile(p, profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"a word nowhere in the profile beside an entry's word", "does she accept cigna dental plans", []string{"doesn't mention Cigna Dental"}, []string{"Yes", "entries that match"}},
		{"every word the profile's: the entries", "has she worked at a family dental practice", []string{"Lakeside Family Dental"}, []string{"doesn't mention"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(mira, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestToolNameNoProjectCue: a technology whose name holds a word that
// cues projects ("Design-build", "MS Project") is asked about as itself,
// not as "in any project".
func TestToolNameNoProjectCue(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Ada Ruiz", Label: "Construction Manager"},
		Work:   []profile.Work{{Name: "Corvid Builders", Position: "Construction Manager", StartDate: "2018-01"}},
		Skills: []profile.Skill{{Name: "Delivery", Keywords: []string{"Design-build", "MS Project"}}},
	}
	ada := converse.Compile(p, profile.Privacy{}, today)
	for _, q := range []string{"has she done design-build", "does she use ms project"} {
		t.Run(q, func(t *testing.T) {
			r := ask(ada, q)
			checkText(t, q, r[len(r)-1].Text, []string{"Yes"}, []string{"in any project"})
		})
	}
}

// TestCountNow: "how many X does it have now" asks a count as it stands,
// of the entry in focus, not the current job.
func TestCountNow(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Lena Holt", Label: "Neurologist"},
		Work: []profile.Work{
			{Name: "Bayview Hospital", Position: "Attending Neurologist", StartDate: "2021-07"},
			{Name: "Fairmont Clinic", Position: "Staff Neurologist", StartDate: "2015-01", EndDate: "2021-06",
				Highlights: []string{"Started the headache clinic in 2017, now 450 patients"}},
		},
	}
	lena := converse.Compile(p, profile.Privacy{}, today)
	qs := []string{"did she start the headache clinic", "how many patients does it have now"}
	r := ask(lena, qs...)
	checkText(t, qs, r[len(r)-1].Text, []string{"450 patients"}, []string{"currently works"})
}

// TestCountInProjectInFocus: "how many tunnels did it have" counts in the
// project in focus when its own sentence gives the number; without "it"
// the projects of that kind are counted.
func TestCountInProjectInFocus(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Kofi Mensah", Label: "Civil Engineer"},
		Projects: []profile.Project{
			{Name: "Ridgeline Rail Link", Type: "tunnel", StartDate: "2019", EndDate: "2023", Description: "Three bored tunnels and 14 km of track for the regional rail authority"},
			{Name: "Harbor Road Underpass", Type: "tunnel", StartDate: "2015", EndDate: "2017"},
		},
	}
	kofi := converse.Compile(p, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"the number in the project in focus", []string{"tell me about the ridgeline rail link", "how many tunnels did it have"}, []string{"Three bored tunnels"}, []string{"lists 2 tunnels"}},
		{"no it: the projects of that kind", []string{"tell me about the ridgeline rail link", "how many tunnels has he built"}, []string{"2 tunnels"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(kofi, c.questions...)
			checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestBeforeAPlace: "and before Lima" names a posting by its place; the
// posting before it is given with its own place, which its name lacks.
func TestBeforeAPlace(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Ana Ferro", Label: "Diplomat"},
		Work: []profile.Work{
			{Name: "Embassy in Lima", Position: "Deputy Head of Mission", StartDate: "2020-09", Location: "Lima, Peru"},
			{Name: "Permanent Mission to the OECD", Position: "Counsellor", StartDate: "2016-09", EndDate: "2020-08", Location: "Paris, France"},
		},
	}
	ana := converse.Compile(p, profile.Privacy{}, today)
	cases := []struct {
		name      string
		question  string
		want, not []string
	}{
		{"named by its place: the next one's place too", "and before lima", []string{"Counsellor", "Paris, France"}, nil},
		{"named by its name: no place added", "and before the embassy", []string{"Counsellor"}, []string{"Paris"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(ana, c.question)
			checkText(t, c.question, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestStartAtEmployer: "where did she start?" after her roles at one
// employer is her first role there; "her career" is still the first job.
func TestStartAtEmployer(t *testing.T) {
	ines := converse.Compile(grocerProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"after her roles at one employer", []string{"How long has she been at Northgate Markets?", "Where did she start?"}, []string{"Assistant Store Manager, Eastgate"}, []string{"Corner Deli"}},
		{"her career: the first job", []string{"How long has she been at Northgate Markets?", "Where did she start her career?"}, []string{"Corner Deli"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(ines, c.questions...)
			checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
		})
	}
}

// TestRaisedNotSaved: a sum brought in under budget is money saved, not
// money raised.
func TestRaisedNotSaved(t *testing.T) {
	p := profile.Resume{
		Basics: profile.Basics{Name: "Rui Tavares", Label: "Project Manager"},
		Work: []profile.Work{{Name: "Atlas Build", Position: "Project Manager", StartDate: "2019-01",
			Highlights: []string{"Brought the river crossing in $2.4M under budget"}}},
		Volunteer: []profile.Volunteer{{Organization: "Bridges to Schools", Position: "Volunteer", StartDate: "2020",
			Highlights: []string{"Raised $40,000 for a footbridge in Nepal"}}},
	}
	rui := converse.Compile(p, profile.Privacy{}, today)
	q := "how much money has he raised"
	r := ask(rui, q)
	checkText(t, q, r[len(r)-1].Text, []string{"$40,000"}, []string{"$2.4M"})
}
