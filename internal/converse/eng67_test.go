package converse_test

import "testing"

// eng67Case is one thread: the questions asked in turn, and what the last
// reply must and must not say.
type eng67Case struct {
	profile   string
	qs        []string
	want, not []string
}

func runEng67(t *testing.T, cases []eng67Case) {
	t.Helper()
	for _, c := range cases {
		got := ask(mustIndex(t, c.profile), c.qs...)
		checkText(t, c.qs, got[len(got)-1].Text, c.want, c.not)
	}
}

// TestWorkingStudentIsNoIntern: a German Werkstudent or dual student held
// a student job beside the degree, not an internship; asked for student
// jobs, the jobs held while studying answer.
func TestWorkingStudentIsNoIntern(t *testing.T) {
	runEng67(t, []eng67Case{
		{"dedata", []string{"did he do any internships"}, []string{"doesn't list an internship", "Werkstudent Business Intelligence", "Dualer Student"}, []string{"Yes", "Senior Data Engineer"}},
		{"firmware", []string{"did he do an internship"}, []string{"doesn't list an internship", "Werkstudent Embedded Software"}, []string{"Yes"}},
		{"frdev", []string{"did she do any internships"}, []string{"Yes", "Stagiaire"}, nil},
		{"dedata", []string{"any student jobs?"}, []string{"While studying", "Werkstudent Business Intelligence"}, []string{"Senior Data Engineer"}},
		{"firmware", []string{"was he a working student"}, []string{"While studying", "Werkstudent Embedded Software"}, []string{"Vireon"}},
	})
}

// TestPracticeByItsTools: a practice the profile never names is met
// through a tool made only for it (Cucumber for BDD), said as what the
// profile lists, not a plain yes; a general test runner (JUnit) says
// nothing of TDD. A vendor's name as a certificate's issuer is no
// technology: "Oracle Certified Professional: Java SE" is Java, not Oracle
// Database.
func TestPracticeByItsTools(t *testing.T) {
	runEng67(t, []eng67Case{
		{"qa", []string{"does he know BDD"}, []string{"lists Cucumber, a BDD tool"}, []string{"Yes", "doesn't mention"}},
		{"qa", []string{"has he done behaviour driven development"}, []string{"Cucumber"}, []string{"Yes"}},
		{"qa", []string{"does he know TDD"}, []string{"doesn't mention"}, []string{"JUnit", "Yes"}},
		{"cobol", []string{"does he know oracle"}, []string{"doesn't mention Oracle"}, []string{"Yes"}},
		{"cobol", []string{"does he know java"}, []string{"Yes", "Java SE 11"}, nil},
	})
}

// TestDegreeAbbreviationAsked: "a M.Sc.", "an MSc", "a B.Sc." ask for a
// degree of that kind: yes with the degree when held, "doesn't list" with
// the highest when none of that level is; the reply reads the dotted
// abbreviation letter by letter ("an M.Sc.").
func TestDegreeAbbreviationAsked(t *testing.T) {
	runEng67(t, []eng67Case{
		{"dedata", []string{"does he have a M.Sc.?"}, []string{"Yes", "an M.Sc. in Informatik"}, nil},
		{"dedata", []string{"does he have an MSc"}, []string{"Yes", "M.Sc. in Informatik"}, nil},
		{"dedata", []string{"does he have a B.Sc."}, []string{"Yes", "B.Sc. (Duales Studium)"}, nil},
		{"gamedev", []string{"does he have an MSc"}, []string{"doesn't list a master's degree", "Bachelor of Science"}, []string{"Yes"}},
		{"gamedev", []string{"does he have a BSc"}, []string{"Yes", "Bachelor of Science"}, nil},
	})
}

// TestDegreeAbbreviationOtherKind: "an MA" of a profile whose master's is
// an MFA is no yes and no "no master's": it names the degree of that level.
func TestDegreeAbbreviationOtherKind(t *testing.T) {
	runEng67(t, []eng67Case{
		{"actor", []string{"does she have an M.A."}, []string{"doesn't list an MA", "MFA in Acting"}, []string{"Yes"}},
		{"actor", []string{"does she have a BA"}, []string{"Yes", "BA in English"}, nil},
	})
}

// TestRelocationFromJobSearch: "would he relocate" of a summary that only
// says where the person looks for work, in any language ("in Hamburg oder
// remote", "à Lyon ou en télétravail"), quotes that sentence and says the
// move itself is not mentioned; a headline that names the role asked
// ("Développeuse back-end") answers yes though the current title differs.
func TestRelocationFromJobSearch(t *testing.T) {
	runEng67(t, []eng67Case{
		{"dedata", []string{"would he relocate"}, []string{"doesn't say whether Jonas would relocate", "Hamburg oder remote"}, []string{"work-location preferences"}},
		{"frdev", []string{"would she be willing to relocate"}, []string{"télétravail partiel"}, []string{"work-location preferences"}},
		{"frdev", []string{"is she a backend developer"}, []string{"Yes", "headline is “Développeuse back-end”", "Banque Rhodanienne"}, []string{"Not currently"}},
	})
}

// TestPlatformsWorkedOn: "what platform does she stream on" names the
// platform the work's sentences put after the verb, not an award whose
// title holds "Streamer"; "which platforms" names every one; "does she
// stream on Twitch" quotes the sentences saying so.
func TestPlatformsWorkedOn(t *testing.T) {
	runEng67(t, []eng67Case{
		{"streamer", []string{"what platform does she stream on"}, []string{"Twitch: the profile says", "I stream strategy games on Twitch"}, []string{"Best Strategy Streamer"}},
		{"streamer", []string{"which platforms is she on"}, []string{"Twitch and YouTube", "TikTok"}, []string{"Best Strategy Streamer"}},
		{"streamer", []string{"does she stream on twitch"}, []string{"Yes", "on Twitch"}, []string{"e-mail"}},
		{"ines", []string{"How much traffic does the platform handle?"}, nil, []string{"the profile says “"}},
	})
}

// TestTradeAndIndustryYears: a trade's crew-lead title counts for the
// trade when the job's own words name it (a General Foreman of
// electricians is an electrician's years); a field that is an industry is
// the time in that industry's jobs, not the one title holding the word.
func TestTradeAndIndustryYears(t *testing.T) {
	runEng67(t, []eng67Case{
		{"electrician", []string{"how long has he been an electrician"}, []string{"General Foreman at Parsons Electric", "Journeyman Wireman"}, nil},
		{"gamedev", []string{"how many years of experience in game development?"}, []string{"about 9 years", "Gameplay Programmer at Ubisoft"}, []string{"Yes:"}},
		{"gamedev", []string{"how long has he worked in games"}, []string{"about 9 years", "Lantern Fox Games"}, nil},
		{"electrician", []string{"how long was he a foreman"}, []string{"about 5 years"}, []string{"Journeyman"}},
	})
}

// TestPastJobFollowUps: after a past job, "in that job", "at the time",
// "was it full-time", "was that remote" keep to that job, not today's;
// two roles at one employer are one "there"; a trainee programme is no
// people led.
func TestPastJobFollowUps(t *testing.T) {
	const parsons = "what did he do at parsons electric"
	runEng67(t, []eng67Case{
		{"electrician", []string{parsons, "was it a full-time job"}, []string{"job at Parsons Electric was full- or part-time"}, []string{"Nowak"}},
		{"electrician", []string{parsons, "was that a remote job"}, []string{"job at Parsons Electric was remote", "Minneapolis"}, []string{"St. Paul"}},
		{"electrician", []string{parsons, "how many people did he manage at the time"}, []string{"At Parsons Electric", "40 electricians"}, []string{"6 electricians"}},
		{"gamedev", []string{"what did he do at behaviour interactive", "did he use unity in that job"}, []string{"doesn't mention Unity in connection with Behaviour Interactive"}, []string{"Yes"}},
		{"cobol", []string{"what did he do at northbridge savings bank", "did he manage anyone there"}, []string{"doesn't say whether Dennis led or managed people at Northbridge"}, []string{"Keystone", "trainee programme"}},
	})
}

// TestBeforeThatWalksBack: "and before that?" chained walks back one entry
// a step through whichever list the thread is on — jobs or studies — and
// says plainly when nothing is earlier; "her last degree", "where did she
// study most recently" start the walk at the latest study.
func TestBeforeThatWalksBack(t *testing.T) {
	const b = "and before that?"
	runEng67(t, []eng67Case{
		{"frdev", []string{"what was her last degree"}, []string{"Diplôme d'ingénieur"}, []string{"Licence"}},
		{"frdev", []string{"where did she study most recently", b}, []string{"Licence in Informatique"}, []string{"Mobiliz"}},
		{"frdev", []string{"where did she study most recently", b, b}, []string{"BTS"}, nil},
		{"frdev", []string{"where did she study most recently", b, b, b}, []string{"doesn't list any course of study before Lycée Vaucanson"}, nil},
		{"qa", []string{"where does he work", b, b, b}, []string{"Manual Tester at Callisto Seguros"}, nil},
		{"qa", []string{"where does he work", b, b, b, b}, []string{"doesn't list any job before Callisto Seguros"}, nil},
	})
}
