package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// financeProfile is a small profile written for these tests: a CFO with
// two audit roles at one Big Four firm, a certificate from a board, a
// product keyword with its vendor and a summary that says "remote" about a
// product, not about where she works.
func financeProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Chief Financial Officer"},
		Work: []profile.Work{
			{Name: "Medly", Position: "Chief Financial Officer", StartDate: "2022-01",
				Summary: "Finance for a company selling remote patient monitoring."},
			{Name: "KPMG", Position: "Audit Manager", Location: "Oslo, Norway", StartDate: "2016-01", EndDate: "2021-12"},
			{Name: "KPMG", Position: "Audit Associate", StartDate: "2012-09", EndDate: "2015-12"},
		},
		Education:    []profile.Education{{Institution: "University College Dublin", StudyType: "BSc", Area: "Economics", StartDate: "2008", EndDate: "2012"}},
		Certificates: []profile.Certificate{{Name: "Chartered Accountant", Issuer: "Chartered Accountants Board", Date: "2014-01"}},
		Skills: []profile.Skill{{Name: "Finance", Level: "Expert", Keywords: []string{"Financial modeling", "Adobe Captivate", "US GAAP"}},
			{Name: "Tools", Level: "Intermediate", Keywords: []string{"Excel"}}},
	}
}

func TestFinanceQuestions(t *testing.T) {
	x := converse.Compile(financeProfile(), profile.Privacy{}, today)
	tests := []struct {
		q    string
		want []string
		not  []string
	}{
		{"was she ever at a big four firm", []string{"KPMG is a Big Four firm", "Audit Manager", "Audit Associate"}, nil},
		{"did she work at faang", []string{"doesn't list a job at a big tech company"}, []string{"Yes"}},
		{"did she work at pwc", []string{"doesn't list a job at PWC", "Medly"}, []string{"Yes"}},
		{"can she do financial modelling", []string{"Financial modeling"}, nil},
		{"does she use captivate", []string{"Adobe Captivate"}, nil},
		{"is she a cfo", []string{"Yes", "Chief Financial Officer at Medly"}, nil},
		{"was she ever ceo", []string{"doesn't describe Ola as a CEO"}, []string{"Yes"}},
		{"has she worked remotely", []string{"doesn't say whether"}, []string{"Yes"}},
		{"any board experience", nil, []string{"Chartered Accountant"}},
		{"is she an expert in anything", []string{"Finance", "Expert"}, nil},
		{"what did she study at ucd", []string{"Economics", "University College Dublin"}, nil},
		{"what accounting software does she use", []string{"doesn't mention any accounting and ERP systems"}, nil},
		{"does she have a phd", []string{"doesn't list a PhD", "highest degree", "BSc in Economics"}, nil},
		{"did she work at kpmg in london", []string{"not in London"}, []string{"Yes"}},
		{"did she grow up in dublin", []string{"doesn't say where Ola grew up"}, []string{"Yes"}},
	}
	for _, tt := range tests {
		r, _ := x.Turn(converse.State{}, tt.q, today)
		checkReply(t, tt.q, r.Text, tt.want, tt.not)
	}
}

func TestFinanceFollowUps(t *testing.T) {
	x := converse.Compile(financeProfile(), profile.Privacy{}, today)
	threads := [][]struct{ q, want string }{
		{{"is she a chartered accountant", "Chartered Accountant"}, {"since when", "2014"}},
		{{"how long was she at kpmg", "in 2 roles"}, {"what was her title there", "an Audit Manager at KPMG (2016–2021)"}},
		{{"does she know excel", "Excel"}, {"gaap?", "US GAAP"}, {"ifrs?", "doesn't mention Ifrs"}, {"hmm", "not sure"}},
		{{"does she know excel", "Excel"}, {"how well?", "Intermediate"}},
		{{"where did she work", "Medly"}, {"what about google?", "doesn't list a job at Google"}},
	}
	for _, th := range threads {
		var st converse.State
		for _, turn := range th {
			r, next := x.Turn(st, turn.q, today)
			st = next
			if !strings.Contains(r.Text, turn.want) {
				t.Errorf("%q: reply %q lacks %q", turn.q, r.Text, turn.want)
			}
		}
	}
}

// checkReply fails t unless text contains every want and none of not.
func checkReply(t *testing.T, q, text string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%q: reply %q lacks %q", q, text, w)
		}
	}
	for _, n := range not {
		if strings.Contains(text, n) {
			t.Errorf("%q: reply %q has %q", q, text, n)
		}
	}
}
