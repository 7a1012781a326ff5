package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestTechJSSuffix: a library the profile lists as "Grunt.js" is the one
// asked about as "Grunt", and "Knockout" is asked about as "knockoutjs";
// a short stem ("Go" of "Go.js") and a stem as an everyday word without
// a technology cue are not.
func TestTechJSSuffix(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Web developer"},
		Work: []profile.Work{{Name: "Acme", Position: "Front-end developer", StartDate: "2019-01",
			Highlights: []string{"Moved the build from Gulp to webpack"}}},
		Skills: []profile.Skill{
			{Name: "Build tools", Keywords: []string{"Gulp.js, Grunt.js"}},
			{Name: "Libraries", Keywords: []string{"Three.js", "Knockout", "Go.js", "Paper.JS", "D3.JS", "p5.js"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	for _, c := range []struct {
		q         string
		want, not []string
	}{
		{"does she know Grunt?", []string{"Yes", "Grunt.js", "Build tools"}, []string{"doesn't mention"}},
		{"has she used gulp", []string{"Yes", "Gulp.js", "Build tools"}, []string{"“"}},
		{"which papers has she written", nil, []string{"Paper.JS"}},
		{"does she know knockoutjs", []string{"Yes", "Knockout"}, []string{"doesn't mention"}},
		{"does she know grunt js", []string{"Yes", "Grunt.js"}, nil},
		// a keyword listing several is named once, by its parts
		{"does she know Go", []string{"doesn't mention Go", "Gulp.js, Grunt.js, Three.js"}, []string{"Yes", "Grunt.js, Gulp.js"}},
		{"where did she work in three cities", nil, []string{"Three.js"}},
		// a short stem with a digit names one library, as "d3" and "p5" do
		{"does she know d3", []string{"Yes", "D3.JS"}, []string{"doesn't mention"}},
		{"has she used p5", []string{"Yes", "p5.js"}, []string{"doesn't mention"}},
	} {
		checkText(t, c.q, ask(x, c.q)[0].Text, c.want, c.not)
	}
}
