package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// shopProfile owns a small shop whose résumé names its goods but no
// prices or hours; a course name holds the word "cost".
func shopProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Owner, Ruiz Tamales"},
		Work: []profile.Work{{Name: "Ruiz Tamales", Position: "Owner", StartDate: "2020-05",
			Summary: "Family shop selling tamales and champurrado"}},
		Education: []profile.Education{{Institution: "Valley College", StudyType: "Certificate", Area: "Culinary Arts",
			Courses: []string{"Food Cost Control"}}},
		Skills: []profile.Skill{{Name: "Cooking", Keywords: []string{"Tamales", "Champurrado"}}},
	}
}

// TestBusinessUnsaid: what a customer asks of a business a résumé leaves
// out is said plainly, and an order is declined, not searched for.
func TestBusinessUnsaid(t *testing.T) {
	x := converse.Compile(shopProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
		refused   bool
	}{
		{"opening hours", []string{"what are the opening hours"}, []string{"doesn't give opening hours"}, nil, false},
		{"open on a day", []string{"is it open on sunday"}, []string{"doesn't give opening hours"}, nil, false},
		{"what time", []string{"what time do you open"}, []string{"doesn't give opening hours"}, nil, false},
		{"what hours", []string{"what hours is the shop open"}, []string{"doesn't give opening hours"}, nil, false},
		{"price of a listed good", []string{"how much is a dozen tamales"}, []string{"doesn't mention", "prices"}, []string{"Yes"}, false},
		{"a course named cost is no price", []string{"how much does a tamal cost"}, []string{"prices"}, []string{"Food Cost Control"}, false},
		{"an order", []string{"can i order two dozen tamales for saturday"}, nil, nil, true},
		{"an order, other words", []string{"i'd like to order champurrado"}, nil, nil, true},
		{"a question about orders is no order", []string{"what did she order"}, nil, nil, false},
		{"how long the shop has been open", []string{"when did she open the shop"}, []string{"2020"}, []string{"opening hours"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			last := got[len(got)-1]
			if last.Refused != c.refused {
				t.Fatalf("refused = %v, want %v: %s", last.Refused, c.refused, last.Text)
			}
			checkText(t, c.questions, last.Text, c.want, c.not)
		})
	}
}

// TestPriceWithFigureLeftToSearch: a profile that does give a price keeps
// answering from its own sentence.
func TestPriceWithFigureLeftToSearch(t *testing.T) {
	r := shopProfile()
	r.Work[0].Highlights = []string{"Catering at a price of $3 a tamal"}
	x := converse.Compile(r, profile.Privacy{}, today)
	checkLast(t, x, []string{"how much is a tamal"}, nil, []string{"doesn't mention Ana's prices"})
}
