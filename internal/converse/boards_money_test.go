package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// boardProfile is written for these tests: a paid job with unpaid board
// seats at the same time, money raised in highlights, a certificate whose
// name writes a compound in two words.
func boardProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Iris Vale", Summary: "Raised over €9 million for arts charities."},
		Work: []profile.Work{
			{Name: "Harbour Arts Trust", Position: "Chief Executive", StartDate: "2019-01",
				Highlights: []string{"Secured €3 million from the Arts Council", "Doubled the number of members"}},
			{Name: "Youth Music Fund", Position: "Board Member", StartDate: "2020-05", Summary: "Unpaid."},
			{Name: "City Choir", Position: "Board Chair", StartDate: "2017-01", EndDate: "2022-12", Summary: "Unpaid."},
		},
		Volunteer:    []profile.Volunteer{{Organization: "Sea Scouts", Position: "Committee Member", StartDate: "2015-01"}},
		Certificates: []profile.Certificate{{Name: "Certified Book Keeping Practitioner", Date: "2012"}},
	}
}

func TestBoardsAndMoneyGenerality(t *testing.T) {
	x := converse.Compile(boardProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"roles by a word of their titles", []string{"what boards has she served on"}, []string{"Youth Music Fund", "City Choir"}, []string{"Harbour Arts Trust"}},
		{"a question word alone", []string{"what"}, nil, []string{"Board"}},
		{"volunteer roles too", []string{"which committees has she sat on"}, []string{"Sea Scouts"}, []string{"City Choir"}},
		{"money brought in", []string{"how much money has she raised"}, []string{"€9 million", "€3 million"}, []string{"Doubled"}},
		{"a compound written in two words", []string{"is she a certified bookkeeper"}, []string{"Book Keeping"}, []string{"doesn't describe"}},
		{"a foundation the profile never names", []string{"did she get money from the gates foundation"}, []string{"doesn't mention the Gates Foundation"}, nil},
		{"a council the profile names", []string{"did she get money from the arts council"}, []string{"Arts Council"}, []string{"doesn't mention"}},
		{"how much without a verb of money is no amount", []string{"how much experience does she have"}, nil, []string{"€"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
