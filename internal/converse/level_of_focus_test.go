package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestLevelOfFocus: a bare "what level?" after one entry asks that entry's
// level (a certificate's from its name, a course's type, a language's
// fluency, a skill's level), never for the whole skills section; an entry
// that states none is said to state none.
func TestLevelOfFocus(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Ailsa Brodie", Label: "Rope Access Supervisor"},
		Work:   []profile.Work{{Name: "Cairn Access Ltd", Position: "Rope Access Supervisor", StartDate: "2019-01"}},
		Education: []profile.Education{{Institution: "Forth Valley College", Area: "Mechanical Engineering", StudyType: "HND",
			StartDate: "2012-09", EndDate: "2014-06"}},
		Certificates: []profile.Certificate{
			{Name: "SPRAT Level II Rope Access Technician", Issuer: "SPRAT", Date: "2021-03"},
			{Name: "Confined Space Entry", Issuer: "City & Guilds", Date: "2020-05"},
			{Name: "PRINCE2 Practitioner", Issuer: "Axelos", Date: "2022-09"},
		},
		Skills:    []profile.Skill{{Name: "Inspection", Level: "Advanced", Keywords: []string{"Ultrasonic testing", "Magnetic particle inspection"}}},
		Languages: []profile.Language{{Language: "Norwegian", Fluency: "Conversational"}},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"certificate", []string{"is she sprat certified?", "what level?"}, []string{"Level II"}, []string{"Inspection", "Ultrasonic"}},
		{"at what level", []string{"is she sprat certified?", "at what level?"}, []string{"Level II"}, []string{"Ultrasonic"}},
		{"level word", []string{"does she have prince2?", "which level is it"}, []string{"Practitioner"}, []string{"Ultrasonic"}},
		{"none stated", []string{"does she have the confined space entry certificate?", "what level?"}, []string{"doesn't give a level", "Confined Space Entry"}, []string{"Ultrasonic"}},
		{"several", []string{"what certificates does she have", "what level?"}, []string{"Level II", "Practitioner", "no level for “Confined Space Entry”"}, []string{"Ultrasonic"}},
		{"degree", []string{"where did she study", "what level?"}, []string{"HND"}, []string{"Ultrasonic"}},
		{"language", []string{"does she speak norwegian", "at what level?"}, []string{"Conversational"}, []string{"Ultrasonic"}},
		{"skill", []string{"does she know ultrasonic testing", "how good?"}, []string{"Advanced"}, nil},
		{"the person", []string{"is she sprat certified?", "how senior is she"}, nil, []string{"Level II"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
