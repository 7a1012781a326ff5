package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestPartnerAsATitle: "is she a partner" of a lawyer whose title is
// Partner asks about her job; "does she have a partner" stays personal.
func TestPartnerAsATitle(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Sofia Reyes", Label: "Litigation Partner"},
		Work: []profile.Work{
			{Name: "Hale & Whitcombe LLP", Position: "Partner", StartDate: "2021-01"},
			{Name: "Hale & Whitcombe LLP", Position: "Associate", StartDate: "2015-09", EndDate: "2020-12"},
		},
	}, profile.Privacy{}, today)
	checkText(t, "is she a partner", ask(x, "is she a partner")[0].Text, []string{"Partner", "Hale & Whitcombe"}, []string{"relationship"})
	checkText(t, "does she have a partner", ask(x, "does she have a partner")[0].Text, []string{"relationship status"}, nil)
}
