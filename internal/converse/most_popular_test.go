package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestMostPopularProject: the project whose own words give the largest
// count of stars, downloads or users, with scales (k, million) read; when
// no project gives one, that is said and the projects listed.
func TestMostPopularProject(t *testing.T) {
	counted := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Noor Haddad", Label: "Developer"},
		Projects: []profile.Project{
			{Name: "quickparse", StartDate: "2018", Description: "A parser library; 9,500 GitHub stars."},
			{Name: "tinytodo", StartDate: "2020", Description: "A todo app with 1.2 million downloads on Google Play."},
			{Name: "dotfiles", StartDate: "2016", Description: "My editor setup, 800 stars."},
		},
	}, profile.Privacy{}, today)
	plain := converse.Compile(profile.Resume{
		Basics:   profile.Basics{Name: "Ivo Stan", Label: "Developer"},
		Projects: []profile.Project{{Name: "gridline", StartDate: "2019", Description: "A layout engine."}, {Name: "hexkit", StartDate: "2021", Description: "Colour tools."}},
	}, profile.Privacy{}, today)
	checkText(t, "largest count", ask(counted, "what's her most popular project")[0].Text, []string{"tinytodo", "1.2 million downloads"}, []string{"quickparse is"})
	checkText(t, "no counts", ask(plain, "which is his most popular project")[0].Text, []string{"no stars, downloads", "gridline", "hexkit"}, nil)
}
