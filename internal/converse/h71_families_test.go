package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// opsProfile is written for these tests: an operations analyst whose
// employers' names start like sectors' stems ("Insurely", "Bankwise"),
// with skills whose names hold other words ("Adobe Illustrator", "Tableau
// Prep Builder").
func opsProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Tomas Reed", Label: "Operations Analyst"},
		Work: []profile.Work{
			{Name: "Insurely", Position: "Operations Analyst", StartDate: "2022-02", Summary: "Claims operations for a car-insurance app."},
			{Name: "Bankwise", Position: "Support Specialist", StartDate: "2019-05", EndDate: "2022-01", Summary: "Tier-1 support."},
			{Name: "Harbor Bank", Position: "Teller", StartDate: "2017-06", EndDate: "2019-04"},
			{Name: "Corner Books", Position: "Bookseller", StartDate: "2015-06", EndDate: "2017-05"},
		},
		Skills: []profile.Skill{
			{Name: "Design", Level: "Advanced", Keywords: []string{"Adobe Illustrator", "Figma"}},
			{Name: "Data tools", Level: "Beginner", Keywords: []string{"Tableau Prep Builder", "Adobe Analytics"}},
			{Name: "Cloud", Level: "Intermediate", Keywords: []string{"AWS Lambda", "Azure Functions"}},
		},
	}
}

// TestEmployerNameLikeSector: a question that names an employer whose name
// starts like a sector's stem asks about that employer, not the sector;
// the sector's own words still ask about the sector.
func TestEmployerNameLikeSector(t *testing.T) {
	x := converse.Compile(opsProfile(), profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"where before a -ly employer", []string{"where did he work before insurely?"}, []string{"Bankwise"}, []string{"Yes: in"}},
		{"where before a -wise employer", []string{"where did he work before bankwise?"}, []string{"Harbor Bank"}, []string{"Yes: in"}},
		{"the sector still asked", []string{"has he worked in insurance?"}, []string{"Yes: in fintech and finance", "Insurely"}, nil},
		{"a stem that is the employer's word", []string{"has he worked at a bank?"}, []string{"Harbor Bank"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestSkillLevelInsideLongerName: "how good is he with illustrator" gives
// the level of the one skill whose name holds the word; a word two skill
// names hold gives no single level.
func TestSkillLevelInsideLongerName(t *testing.T) {
	x := converse.Compile(opsProfile(), profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"one word of a keyword", []string{"how good is he with illustrator?"}, []string{"Adobe Illustrator", "Advanced"}, nil},
		{"two words of a keyword", []string{"how good is he at tableau prep?"}, []string{"Tableau Prep Builder", "Beginner"}, nil},
		{"the whole keyword still", []string{"how good is he with figma?"}, []string{"Figma", "Advanced"}, nil},
		{"a word in two names", []string{"how good is he with adobe?"}, nil, []string{"Beginner"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// traineeProfile is written for these tests: a pharmacist who trained as
// an intern and a resident, kept on by the hospital, with papers in
// journals known by their initials.
func traineeProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Mara Quist", Label: "Clinical Pharmacist"},
		Work: []profile.Work{
			{Name: "Lakeside Hospital", Position: "Clinical Pharmacist", StartDate: "2021-07"},
			{Name: "Lakeside Hospital", Position: "Pharmacy Resident", StartDate: "2020-07", EndDate: "2021-06"},
			{Name: "Northgate Pharmacy", Position: "Pharmacy Intern", StartDate: "2019-06", EndDate: "2019-08"},
			{Name: "Northgate Pharmacy", Position: "Pharmacy Technician", StartDate: "2016-01", EndDate: "2019-05"},
		},
		Publications: []profile.Publication{
			{Name: "Vancomycin dosing by AUC in adults", Publisher: "American Journal of Health-System Pharmacy", ReleaseDate: "2022-04"},
			{Name: "Anticoagulant errors at discharge", Publisher: "Journal of the American Medical Association", ReleaseDate: "2023-09"},
		},
	}
}

// TestLengthOfRoleNoun: "how long was her residency" is the time in the
// job whose title carries the role, not at its employer nor her career.
func TestLengthOfRoleNoun(t *testing.T) {
	x := converse.Compile(traineeProfile(), profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"residency at an employer she stayed at", []string{"how long was her residency?"}, []string{"Pharmacy Resident", "1 year"}, []string{"since July 2020", "4 years"}},
		{"internship at an employer of two roles", []string{"how long was her internship?"}, []string{"Pharmacy Intern", "3 months"}, []string{"Technician"}},
		{"with the employer named", []string{"how long was the internship at northgate?"}, []string{"3 months"}, []string{"Technician"}},
		{"no such job leaves the question", []string{"how long was her apprenticeship?"}, nil, []string{"worked as an apprentice"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestPaperByVenueInitials: a paper named by its journal's initials
// ("the JAMA paper") is that journal's publication.
func TestPaperByVenueInitials(t *testing.T) {
	x := converse.Compile(traineeProfile(), profile.Privacy{}, today)
	for _, c := range []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"initials skip the small words", []string{"when did the JAMA paper come out?"}, []string{"Anticoagulant errors at discharge", "September 2023"}, []string{"doesn't list"}},
		{"initials of every word", []string{"what was her AJHP paper about?"}, []string{"Vancomycin dosing"}, []string{"doesn't list"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}

// TestNoReportsNow: "does she manage anyone now" of a "Manager" title
// whose own words say it has no reports is no "Yes"; asked in the past it
// still finds the team she led.
func TestNoReportsNow(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ilse Varga", Label: "Account Manager"},
		Work: []profile.Work{
			{Name: "Quarry Cloud", Position: "Account Manager", StartDate: "2023-01", Highlights: []string{"Owns 40 accounts; individual contributor"}},
			{Name: "Quarry Cloud", Position: "Support Team Lead", StartDate: "2020-01", EndDate: "2022-12", Highlights: []string{"Led a team of 6 agents"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"does she manage anyone now?"}, []string{"individual contributor"}, []string{"Yes"})
	checkLast(t, x, []string{"is she managing a team?"}, []string{"individual contributor"}, []string{"Yes"})
}
