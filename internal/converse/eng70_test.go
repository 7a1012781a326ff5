package converse_test

import "testing"

// eng70Case is one thread: the questions asked in turn, and what the last
// reply must and must not say.
type eng70Case struct {
	profile   string
	qs        []string
	want, not []string
}

func runEng70(t *testing.T, cases []eng70Case) {
	t.Helper()
	for _, c := range cases {
		got := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, c.not)
	}
}

// TestLicenceNumberAsked: a licence's number is what its name gives after
// "No." or "#"; a licence whose name gives none is said to have none in
// the profile, naming the licence, not listing every certificate.
func TestLicenceNumberAsked(t *testing.T) {
	runEng70(t, []eng70Case{
		{"physician", []string{"what's her license number?"}, []string{"doesn't give", "Massachusetts Medical License"}, []string{"Board Certification"}},
		{"firefighter", []string{"what's his licence number?"}, []string{"doesn't give", "DZ driver's licence"}, []string{"NFPA"}},
		{"pharmacist", []string{"what's her license number?"}, []string{"03-3-21877", "Kentucky Pharmacist License"}, []string{"BCPS"}},
		{"trucker", []string{"what's his CDL number?"}, []string{"doesn't give", "Class A"}, nil},
		{"dentist", []string{"what is her licence number"}, []string{"D-8841"}, nil},
		{"pilot", []string{"what's his license number?"}, []string{"doesn't give", "Airline Transport Pilot"}, nil},
	})
}

// TestCredentialedRoleAsked: "is he still a licensed pilot", "a certified
// paramedic": the adjective asks for the credential, which the
// certificates hold (by the role's word, or a licence when a job title
// holds the role); no title says "licensed pilot", and that is no "no".
func TestCredentialedRoleAsked(t *testing.T) {
	runEng70(t, []eng70Case{
		{"pilot", []string{"is he still a licensed pilot?"}, []string{"Yes", "Airline Transport Pilot"}, []string{"doesn't describe"}},
		{"physician", []string{"is she still a licensed physician?"}, []string{"Yes", "Massachusetts Medical License"}, []string{"doesn't describe"}},
		{"vet", []string{"is she a licensed vet?"}, []string{"Yes", "Arizona Veterinary License"}, []string{"doesn't describe", "Diplomate"}},
		{"firefighter", []string{"is he still a certified paramedic?"}, []string{"Yes", "Advanced Care Paramedic", "March 31, 2026"}, []string{"doesn't describe"}},
		{"nurse", []string{"is she a registered nurse?"}, nil, []string{"doesn't describe"}},
	})
}

// TestInWhatAfterCertificates: "in what?" after a yes about certificates
// asks what they are in: their names, each with its issuer and year.
func TestInWhatAfterCertificates(t *testing.T) {
	runEng70(t, []eng70Case{
		{"physician", []string{"is she board certified?", "in what?"}, []string{"Internal Medicine", "Cardiovascular Disease", "Interventional Cardiology"}, []string{"I'm not sure"}},
		{"pharmacist", []string{"is she board certified?", "in what?"}, []string{"Pharmacotherapy", "Oncology"}, []string{"I'm not sure", "Ohio"}},
		{"vet", []string{"is she board certified?", "in which area?"}, []string{"Emergency and Critical Care"}, []string{"I'm not sure"}},
	})
}

// TestUnsaidOfProjectInFocus: a follow-up about the project just named is
// on topic with no word of the profile in it: "how big was the dataset"
// says the profile doesn't say; "who uses it" quotes the project's words
// of use when it has them, and says it doesn't say otherwise.
func TestUnsaidOfProjectInFocus(t *testing.T) {
	runEng70(t, []eng70Case{
		{"fernanda", []string{"tell me about the Turnover Explorer", "how big was the dataset?"}, []string{"doesn't say", "Turnover Explorer"}, []string{"only answer questions"}},
		{"mlsci", []string{"tell me about tabkit", "how large is the training set?"}, []string{"doesn't say", "tabkit"}, []string{"only answer questions"}},
		{"fernanda", []string{"tell me about the Turnover Explorer", "who uses it?"}, []string{"doesn't say who uses", "Turnover Explorer"}, nil},
		{"mlsci", []string{"tell me about tabkit", "who uses it?"}, []string{"Used in production at three companies"}, []string{"doesn't say"}},
		{"healthdata", []string{"tell me about the NHS waiting times explorer", "who used her dashboard?"}, []string{"doesn't say who", "hobby dashboard"}, nil},
	})
}

// TestSystemAcronymOfSkill: an acronym ending in S for "system" ("WMS",
// "EVMS") whose other letters are the initials of a skill the profile
// writes out ("Warehouse management") meets that skill, said as the work
// such a system runs, not as a system the profile names.
func TestSystemAcronymOfSkill(t *testing.T) {
	runEng70(t, []eng70Case{
		{"logistics", []string{"does she know WMS?"}, []string{"Warehouse management", "warehouse management system"}, []string{"doesn't mention WMS"}},
		{"officer", []string{"has he used an EVMS?"}, []string{"Earned value management"}, []string{"doesn't mention EVMS"}},
		{"logistics", []string{"does she know TMS?"}, []string{"doesn't mention TMS"}, nil},
	})
}

// TestThereAfterEmployerNamedElsewhere: after "did he work at Hooli", which
// the work entries don't list but the summary names, "what did he do
// there" asks about Hooli: what the profile's sentences say, not the
// listed job the reply went on to give.
func TestThereAfterEmployerNamedElsewhere(t *testing.T) {
	runEng70(t, []eng70Case{
		{"sample", []string{"did he ever work at Hooli?", "what did he do there?"}, []string{"no entry", "part time software developer"}, []string{"CEO/President"}},
		{"baristaowner", []string{"did he ever work for Costa?", "what did he do there?"}, []string{"no entry", "shift manager"}, []string{"Owner and Head Roaster", "Barista"}},
		{"baristaowner", []string{"did he ever work for Costa?", "how long was he there?"}, []string{"no entry", "shift manager"}, []string{"Owner and Head Roaster"}},
	})
}

// TestMakesMusicFromHints: "does he make music" of a profile whose jobs
// aren't musical answers from what hints at it: a music interest (yes,
// with it), or an account on a music platform (which the profile lists,
// not a yes); a lyric in a job's highlight is no music-making.
func TestMakesMusicFromHints(t *testing.T) {
	runEng70(t, []eng70Case{
		{"sample", []string{"does he make music?"}, []string{"SoundCloud", "doesn't say"}, []string{"media and entertainment"}},
		{"mariner", []string{"does he make music?"}, []string{"Fado guitar"}, []string{"media and entertainment"}},
		{"gigworker", []string{"does she make music?"}, []string{"DJing"}, nil},
		{"atco", []string{"is he musical?"}, []string{"Male voice choirs"}, nil},
	})
}
