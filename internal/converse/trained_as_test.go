package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTrainedAs: "where did she train as an accountant" asks where the
// training happened — the sentence of the job that says so, then school —
// not where the certificate named "accountant" took place; "is she
// qualified to practise" stays a question about credentials.
func TestTrainedAs(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Helen Ward", Label: "CFO"},
		Work: []profile.Work{
			{Name: "Fernleaf", Position: "CFO", StartDate: "2022-03"},
			{Name: "Grant & Ashby LLP", Position: "Audit Senior", StartDate: "2001-09", EndDate: "2006-07",
				Summary: "Trained as a chartered accountant in audit; charity clients."},
		},
		Education:    []profile.Education{{Institution: "University of Exeter", Area: "Economics", StudyType: "BA", StartDate: "1998-09", EndDate: "2001-06"}},
		Certificates: []profile.Certificate{{Name: "Chartered Accountant (ACA)", Date: "2004-11", Issuer: "ICAEW"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"train as", []string{"where did she train as an accountant?"}, []string{"Grant & Ashby LLP", "Trained as a chartered accountant"}, []string{"took place"}},
		{"qualify as", []string{"where did she qualify as an accountant?"}, []string{"Grant & Ashby LLP"}, []string{"took place"}},
		{"train alone", []string{"where did she train?"}, []string{"Grant & Ashby LLP", "University of Exeter"}, nil},
		{"qualified to practise", []string{"is she qualified to practise?"}, nil, []string{"Trained as a chartered accountant"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
