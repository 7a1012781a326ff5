package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLeftForBreakOrRetirement: "why did she leave" is answered by the
// summary's sentence naming the employer when it starts a break there
// ("After Tilewright I took two years off") or says he retired from it.
func TestLeftForBreakOrRetirement(t *testing.T) {
	for _, c := range []struct {
		profile string
		qs      []string
		want    []string
	}{
		{"cartographer", []string{"what did she do at tilewright", "why did she leave"}, []string{"care for my father"}},
		{"atco", []string{"was he an air traffic controller", "why did he leave"}, []string{"early retirement"}},
	} {
		got := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, []string{"doesn't say why"})
	}
}

// TestExpiryMonthInName: a certificate's name giving its end with the
// month written out ("expires May 2029", "next due January 2026") is the
// answer to when it runs out, not "the profile doesn't give an expiry".
func TestExpiryMonthInName(t *testing.T) {
	x := mustIndex(t, "atco")
	for q, want := range map[string]string{
		"when does his cscs card expire":                "valid through May 2029",
		"when is the firas certificate due for renewal": "due for renewal by January 2026",
	} {
		got := ask(x, q)[0].Text
		checkText(t, q, got, []string{want}, []string{"doesn't give an expiry", "(renewed"})
	}
}

// TestHowLongAfterRoleCheck: "for how long?" after "was he an air
// traffic controller" is the time in the jobs with that title, not his
// whole career.
func TestHowLongAfterRoleCheck(t *testing.T) {
	got := ask(mustIndex(t, "atco"), "was he an air traffic controller", "for how long?")[1].Text
	checkText(t, "for how long?", got, []string{"15 years", "Trainee Air Traffic Controller"}, []string{"years of work experience"})
}

// TestReferencesByKind: a question naming a kind of referee (clients, an
// apprentice, colleagues from his jobs) quotes theirs, not the first two.
func TestReferencesByKind(t *testing.T) {
	x := mustIndex(t, "atco")
	got := ask(x, "what do his clients say about him", "and his apprentice?", "what do former colleagues say")
	checkText(t, "clients", got[0].Text, []string{"Okafor", "clients (Victorian townhouse, Winchester) say:"}, []string{"Sarah Lindley", "Callum"})
	checkText(t, "apprentice", got[1].Text, []string{"Callum Reid"}, []string{"Okafor", "Apprentice of the Year"})
	checkText(t, "colleagues", got[2].Text, []string{"Sarah Lindley"}, []string{"Okafor"})
	// without a kind named, the first two are quoted as before
	got = ask(x, "who are his references")
	checkText(t, "references", got[0].Text, []string{"Sarah Lindley", "Okafor"}, nil)
	// a profile with one reference has nothing to choose among
	r := mustLoad(t, "atco")
	r.References = r.References[:1]
	one := converse.Compile(r, profile.Privacy{}, today)
	checkText(t, "one", ask(one, "what do his clients say")[0].Text, []string{"Sarah Lindley"}, nil)
}

// TestProjectsForEntity: "what did she make for OPB" and "which project
// was for the city of portland" name a project by its entity, by initials
// or by two of its words, over the other entries a word of it names.
func TestProjectsForEntity(t *testing.T) {
	x := mustIndex(t, "cartographer")
	for q, c := range map[string]struct{ want, not []string }{
		"what did she make for OPB":                            {[]string{"Salmon Return"}, []string{"Flood Risk"}},
		"which project was for the city of portland":           {[]string{"Flood Risk Explorer"}, []string{"Portland State University", "buried creeks"}},
		"what did she build for friends of the columbia gorge": {[]string{"Trail Atlas of the Columbia Gorge"}, []string{"Salmon"}},
	} {
		checkText(t, q, ask(x, q)[0].Text, c.want, c.not)
	}
	// a word of the entity without "for" and a word of making is no such question
	checkText(t, "where is she based", ask(x, "where is she based")[0].Text, []string{"Portland"}, []string{"Flood Risk"})
}

// TestTheOneProjectOfKind: "what's the atlas" is her one project whose
// kind is an atlas, not the list of every project.
func TestTheOneProjectOfKind(t *testing.T) {
	got := ask(mustIndex(t, "cartographer"), "what's the atlas", "who was it for")
	checkText(t, "the atlas", got[0].Text, []string{"96-page"}, []string{"Salmon Return"})
	checkText(t, "who was it for", got[1].Text, []string{"Friends of the Columbia Gorge"}, []string{"Salmon Return"})
}

// TestJobsWhileStudying: "did she have a job while studying" gives the
// jobs whose dates overlap a study's, not the list of schools.
func TestJobsWhileStudying(t *testing.T) {
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"brewer", "did she have a job while studying", []string{"While studying at Politechnika", "Laboratory Assistant"}, []string{"Head Brewer", "Quality Control"}},
		{"brewer", "did she work during her degree", []string{"Laboratory Assistant"}, []string{"Head Brewer"}},
		{"cartographer", "did she work while at university", []string{"Seasonal Fire Lookout"}, []string{"Tilewright"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
}

// TestSummaryDatesGapYear: a year no entry covers, inside the span a
// summary sentence dates ("from September 2019 to August 2021"), is
// answered with that sentence.
func TestSummaryDatesGapYear(t *testing.T) {
	got := ask(mustIndex(t, "cartographer"), "what was she doing in 2020")[0].Text
	checkText(t, "2020", got, []string{"care for my father"}, []string{"Cartographic Engineer"})
}

// TestApprenticeshipIsTheApprenticeJob: "his apprenticeship" names the job
// titled Apprentice, asked alone or as a bound of "between X and Y", and
// an employer's name bounds it as well as a title does.
func TestApprenticeshipIsTheApprenticeJob(t *testing.T) {
	x := mustIndex(t, "atco")
	got := ask(x, "did he serve an apprenticeship", "how long was it")
	checkText(t, "apprenticeship", got[0].Text, []string{"H. Griffiths & Sons"}, []string{"doesn't"})
	checkText(t, "how long", got[1].Text, []string{"4 years"}, []string{"31 years"})
	for _, q := range []string{"what did he do between the apprenticeship and nats", "and between his apprenticeship and bevan shopfitting?"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"Bevan Shopfitting"}, []string{"Watch Supervisor", "Eastleigh"})
	}
	checkText(t, "straight", ask(x, "what did he do between bevan shopfitting and nats")[0].Text, []string{"went straight from Joiner at Bevan Shopfitting", "Trainee Air Traffic Controller"}, nil)
}

// TestCertificationsPluralNamesNoOne: "certifications" asks for the
// section, not the one certificate whose name holds "Certified".
func TestCertificationsPluralNamesNoOne(t *testing.T) {
	x := mustIndex(t, "brewer")
	checkText(t, "how many", ask(x, "how many certifications does she have")[0].Text, []string{"4 certificates", "Gabelstaplerschein"}, nil)
	checkText(t, "what", ask(x, "what certifications does she have")[0].Text, []string{"HACCP", "Diplom-Braumeister"}, nil)
	checkText(t, "one", ask(x, "is she a certified cicerone")[0].Text, []string{"Certified Cicerone"}, []string{"HACCP"})
}

// TestLivedThereBefore: "has she lived in bamberg" is not answered "No"
// from where she is based now; the jobs there follow.
func TestLivedThereBefore(t *testing.T) {
	x := mustIndex(t, "brewer")
	checkText(t, "lived", ask(x, "has she lived in bamberg")[0].Text, []string{"doesn't say where else", "Müller & Söhne"}, []string{"No,"})
	checkText(t, "lives", ask(x, "does she live in bamberg")[0].Text, []string{"No,"}, nil)
}

// TestStudiedInInflectedCity: a school named with the city's adjective
// ("Politechnika Łódzka") is in that city, asked without the accents.
func TestStudiedInInflectedCity(t *testing.T) {
	got := ask(mustIndex(t, "brewer"), "did she study in lodz")[0].Text
	checkText(t, "lodz", got, []string{"Politechnika Łódzka"}, []string{"doesn't say", "Doemens"})
}

// TestAwardForThingInSummary: "did the baltic porter win anything" picks
// the award whose summary names the beer, not every award.
func TestAwardForThingInSummary(t *testing.T) {
	x := mustIndex(t, "brewer")
	checkText(t, "baltic", ask(x, "did the baltic porter win anything")[0].Text, []string{"Piwo Roku"}, []string{"European Beer Star", "doesn't list"})
	checkText(t, "kozlak", ask(x, "what did the kozlak dubeltowy win")[0].Text, []string{"European Beer Star"}, []string{"Piwo Roku"})
	checkText(t, "all", ask(x, "has she won any awards")[0].Text, []string{"European Beer Star", "Piwo Roku"}, nil)
}

// TestGapLength: "how long was the gap" gives each gap with its length,
// not the length of the whole career.
func TestGapLength(t *testing.T) {
	got := ask(mustIndex(t, "cartographer"), "how long was the gap")[0].Text
	checkText(t, "gap", got, []string{"to September 2021 (when Ingrid joined Portland State University), about 2 years"}, []string{"years of work experience"})
}

// TestWhatHisCompanyDoes: "what does his company do" names the business
// and quotes what its job summary says it does.
func TestWhatHisCompanyDoes(t *testing.T) {
	x := mustIndex(t, "atco")
	checkText(t, "do", ask(x, "what does his company do")[0].Text, []string{"Pryce Joinery Ltd", "bespoke kitchens"}, nil)
	checkText(t, "called", ask(x, "what's his company called")[0].Text, []string{"Pryce Joinery Ltd"}, []string{"bespoke kitchens"})
}

// TestTeamOfHisTrade: "3 joiners and an apprentice" is a headcount: the
// plural of a doer's word in his titles counts people, a place's does not.
func TestTeamOfHisTrade(t *testing.T) {
	checkText(t, "joiners", ask(mustIndex(t, "atco"), "how many people work for him")[0].Text, []string{"3 joiners"}, []string{"has held 7 roles"})
	got := ask(mustIndex(t, "windtech"), "What does he do now?", "how long has he been doing that", "and before that?", "how big was his team there")[3].Text
	checkText(t, "sites", got, nil, []string{"9 onshore sites"})
}

// TestRunABusiness: "has he ever run a business" asks for a business of
// his own: the owner's job, and no employer's name for one who owns none.
func TestRunABusiness(t *testing.T) {
	checkText(t, "atco", ask(mustIndex(t, "atco"), "has he ever run a business")[0].Text, []string{"Pryce Joinery Ltd"}, []string{"Eastleigh"})
	checkText(t, "cartographer", ask(mustIndex(t, "cartographer"), "has she ever run a business")[0].Text, nil, []string{"Cascade Geospatial", "Yes"})
}

// TestSeveralJobsNow: "is she juggling two jobs" in the present asks for
// the jobs she holds now, not every job.
func TestSeveralJobsNow(t *testing.T) {
	x := mustIndex(t, "cartographer")
	for _, q := range []string{"is she juggling two jobs", "does she have more than one job"} {
		checkText(t, q, ask(x, q)[0].Text, []string{"Cascade Geospatial", "Portland State University"}, []string{"Tilewright", "Fire Lookout"})
	}
}

// TestLastRenewedInName: "when was it last renewed" gives the date the
// certificate's name says it was renewed, not every issue date.
func TestLastRenewedInName(t *testing.T) {
	got := ask(mustIndex(t, "atco"), "when does his cscs card expire", "when was it last renewed")[1].Text
	checkText(t, "renewed", got, []string{"last renewed in May 2024"}, []string{"December 2002", "FIRAS"})
}

// TestSameKindOfTool: "can he use a cnc machine" is answered with the
// listed tool of that kind ("CNC router"), not "doesn't mention".
func TestSameKindOfTool(t *testing.T) {
	got := ask(mustIndex(t, "atco"), "can he use a cnc machine")[0].Text
	checkText(t, "cnc", got, []string{"CNC router"}, []string{"doesn't mention"})
}

// TestTrainedOthers: "has she trained apprentices" asks whom she trained,
// which a job says, not where she was trained; "where did she train
// first" still asks for her training.
func TestTrainedOthers(t *testing.T) {
	checkText(t, "apprentices", ask(mustIndex(t, "brewer"), "what does she do in her free time", "has she trained apprentices")[1].Text, []string{"Trained the brewery's apprentices"}, []string{"education:"})
	checkText(t, "drivers", ask(mustIndex(t, "baker"), "did he train other drivers")[0].Text, []string{"12 new drivers"}, nil)
	checkText(t, "first", ask(mustIndex(t, "chef"), "where did she train first")[0].Text, []string{"Arzak"}, nil)
}

// TestOrdinalRoleThere: "what was his last role there" after one of his
// jobs at an employer is his latest role at that employer, and "first"
// his earliest, not the job in focus.
func TestOrdinalRoleThere(t *testing.T) {
	got := ask(mustIndex(t, "atco"), "was he an air traffic controller", "what was his last role there", "what was his first role there")
	checkText(t, "last", got[1].Text, []string{"last role at NATS was Watch Supervisor"}, []string{"Air Traffic Controller (Area)"})
	checkText(t, "first", got[2].Text, []string{"first role at NATS was Trainee Air Traffic Controller"}, []string{"Watch Supervisor"})
}
