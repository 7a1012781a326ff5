package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// careerChangerProfile: a teacher whose first design contract ran beside
// her last school job, a certificate in progress beside a held one, two
// native languages among four, and a diploma from a secondary school.
func careerChangerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ilse Brandt", Label: "Product Designer"},
		Work: []profile.Work{
			{Name: "Lumen Apps", Position: "Senior Product Designer", StartDate: "2022-02"},
			{Name: "Northside Studio", Position: "Product Designer", StartDate: "2020-01", EndDate: "2022-01"},
			{Name: "Freelance", Position: "Product Design Contractor", StartDate: "2019-04", EndDate: "2019-10"},
			{Name: "Kepler Gymnasium", Position: "Head of Art", StartDate: "2015", EndDate: "2019-12", Highlights: []string{"Led an art department of 6 teachers"}},
			{Name: "Kepler Gymnasium", Position: "Art Teacher", StartDate: "2010-09", EndDate: "2015"},
		},
		Education: []profile.Education{
			{Institution: "Universität der Künste Berlin", StudyType: "Master", Area: "Art Education", StartDate: "2005", EndDate: "2010-07"},
			{Institution: "Goethe Secondary School", StudyType: "Abitur", StartDate: "1996", EndDate: "2005"},
		},
		Certificates: []profile.Certificate{
			{Name: "Certified Usability Analyst", Date: "2021", Issuer: "HFI"},
			{Name: "Certified Usability Lead (in progress)", Issuer: "HFI"},
		},
		Languages: []profile.Language{
			{Language: "German", Fluency: "Native"},
			{Language: "Turkish", Fluency: "Native speaker"},
			{Language: "English", Fluency: "Fluent"},
			{Language: "French", Fluency: "Basic"},
		},
	}
}

// TestWeakAnswersOneFact: a question that asks one fact gets that fact,
// not the section it lives in, and nothing in progress is claimed held.
func TestWeakAnswersOneFact(t *testing.T) {
	ilse := converse.Compile(careerChangerProfile(), profile.Privacy{}, today)
	student := mustIndex(t, "student")
	rosa := mustIndex(t, "rosa")
	librarian := mustIndex(t, "librarian")
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"graduation still to come", student, []string{"when do they graduate?"}, []string{"expected to graduate in May 2026"}, []string{"Westlake", "3.7"}},
		{"graduation past: the latest degree", ilse, []string{"when did she graduate"}, []string{"graduated in July 2010", "Master"}, []string{"Goethe"}},
		{"graduation with a result is not a date question", ilse, []string{"did she graduate with honours"}, nil, []string{"graduated in July 2010"}},
		{"the school at the level asked", student, []string{"what did Sam study?", "What about high school?"}, []string{"Westlake High School"}, []string{"University of Texas"}},
		{"secondary school by its own word", ilse, []string{"which secondary school did she go to"}, []string{"Goethe Secondary School"}, []string{"Universität"}},
		{"the last of the native languages", ilse, []string{"which languages is she native in?", "the last one?"}, []string{"Turkish"}, []string{"French"}},
		{"the last of the whole list after a partial one", ilse, []string{"which languages is she native in?", "what languages does she speak", "the last one?"}, []string{"French"}, []string{"Turkish"}},
		{"the last of the whole list", ilse, []string{"what languages does she speak", "how good is the last one?"}, []string{"French", "Basic"}, nil},
		{"a certificate in progress among held ones: no yes", ilse, []string{"is she usability certified?"}, []string{"Certified Usability Analyst", "in progress"}, []string{"Yes."}},
		{"a certificate in progress asked as a role: working towards", ilse, []string{"is she a certified usability lead?"}, []string{"working towards"}, []string{"holds the certificate"}},
		{"before becoming a designer: the job her first design work ran beside", ilse, []string{"what did she do before becoming a product designer"}, []string{"Head of Art"}, []string{"Art Teacher at"}},
		{"before becoming a UX researcher", librarian, []string{"what did she do before becoming a ux researcher"}, []string{"Branch Manager"}, []string{"Teen Services"}},
		{"a bachelor's in business administration is no MBA", mustIndex(t, "retail"), []string{"Does she have an MBA?"}, []string{"doesn't list an MBA"}, nil},
		{"where she started is her first job, not where she lives", ilse, []string{"where did she start?"}, []string{"Art Teacher", "Kepler Gymnasium"}, nil},
		{"the size of the hotel in focus", rosa, []string{"Tell me about her time as General Manager", "how big was that hotel?"}, []string{"240"}, []string{"700 staff", "front desk"}},
		{"a summary sentence after a bracketed aside", mustIndex(t, "sample"), []string{"Is he a senior developer?"}, []string{"Before starting Pied Piper"}, []string{"Sooners"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.questions...)
			checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
		})
	}
}
