package converse_test

import (
	"testing"
	"unicode/utf8"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// guideProfile is written for these tests: a mountain guide and rescuer
// whose name starts with a letter outside ASCII, with a freelance current
// job, a film among his projects, a skill group named by one word and a
// role ("steward") only a sentence gives years to.
func guideProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ørjan Bakke", Label: "Mountain Guide · Rescue Technician",
			Summary:  "IFMGA mountain guide based in Tromsø. I guide three days a week in winter.",
			Location: profile.Location{City: "Tromsø", CountryCode: "NO"}},
		Work: []profile.Work{
			{Name: "Lyngen Guiding", Position: "Mountain Guide", StartDate: "2018", Location: "Lyngen, Norway",
				Summary: "Freelance guiding for ski touring groups in the Lyngen Alps."},
			{Name: "Norwegian Red Cross", Position: "Rescue Technician", StartDate: "2012-11", EndDate: "2018-05", Location: "Tromsø, Norway",
				Summary: "Avalanche and glacier rescue in Troms county.", Highlights: []string{"Led 60 call-outs", "Ran a division of 14 rescuers"}},
			{Name: "Narvikfjellet", Position: "Seasonal Ski Patroller", StartDate: "2008", EndDate: "2012", Location: "Narvik, Norway"},
			{Name: "Norwegian Mountain Workers' Union", Position: "Branch Secretary", StartDate: "2016", EndDate: "2020",
				Summary: "Elected branch secretary after four years as a union steward."},
		},
		Projects: []profile.Project{
			{Name: "Snow Tells", Description: "Short film on reading avalanche terrain.", StartDate: "2021", EndDate: "2022"},
			{Name: "Lyngen Snow Atlas", Description: "Mapping slopes and their avalanche history.", StartDate: "2023-02"},
		},
		Certificates: []profile.Certificate{
			{Name: "Hazardous Materials Awareness", Date: "2014"},
			{Name: "IFMGA Mountain Guide", Date: "2017-06"},
		},
		Skills: []profile.Skill{
			{Name: "Drone", Level: "Licensed", Keywords: []string{"DJI Matrice 30T"}},
			{Name: "Rescue", Keywords: []string{"Rope rescue", "Avalanche transceivers"}},
		},
	}
}

func TestFieldWorkGenerality(t *testing.T) {
	guide := converse.Compile(guideProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"a name's first letter outside ASCII stays whole", []string{"is he scuba certified"}, []string{"Ørjan's certificates"}, []string{"\uFFFD"}},
		{"a clipped compound of a title is listed", []string{"is he hazmat certified"}, []string{"Hazardous Materials Awareness"}, []string{"doesn't list"}},
		{"has he worked for a named employer", []string{"has he worked for the red cross"}, []string{"Rescue Technician"}, []string{"Lyngen Guiding", "Narvikfjellet"}},
		{"what he did for them", []string{"did he work at the red cross", "what did he do for them"}, []string{"60 call-outs"}, nil},
		{"a kind of job by a title word", []string{"did he ever have a seasonal job"}, []string{"Seasonal Ski Patroller"}, []string{"doesn't describe"}},
		{"a kind of job no title names is not denied", []string{"did he ever have a management job"}, nil, []string{"doesn't describe"}},
		{"a one-word cue the profile uses", []string{"what films has he made"}, []string{"Snow Tells"}, []string{"only answer"}},
		{"a one-word cue about nobody stays off-topic", []string{"what's your favourite film"}, []string{"only answer"}, nil},
		{"a skill group named by the word", []string{"can he fly drones"}, []string{"DJI Matrice 30T"}, []string{"doesn't mention"}},
		{"a photographer's service", []string{"can he film my wedding"}, []string{"only answer"}, nil},
		{"the visitor's own emergency", []string{"im stuck on the mountain what do i do"}, []string{"only answer"}, nil},
		{"projects under way", []string{"what is he working on now"}, []string{"Lyngen Snow Atlas"}, []string{"Snow Tells"}},
		{"freelance from the current job's summary", []string{"is he freelance"}, []string{"Yes", "Mountain Guide"}, []string{"doesn't describe"}},
		{"a role's years said only in a sentence", []string{"how long was he a steward"}, []string{"four years as a union steward"}, []string{"work experience"}},
		{"hours said only in the summary", []string{"is he full time"}, []string{"freelance", "three days a week"}, []string{"doesn't say whether"}},
		{"a division counts a team", []string{"how many people did he manage"}, []string{"division of 14"}, nil},
		{"time in a place", []string{"how long did he work in narvik"}, []string{"in all", "Seasonal Ski Patroller"}, []string{"Red Cross"}},
		{"a favour asked of him", []string{"can he get me a guide licence"}, []string{"only answer"}, nil},
		{"a role held by title keeps its sum", []string{"how long was he a rescue technician"}, []string{"Norwegian Red Cross", "in all"}, []string{"No job title"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(guide, c.questions...)
			last := replies[len(replies)-1]
			if !utf8.ValidString(last.Text) {
				t.Errorf("%q: reply is not valid UTF-8: %q", c.questions, last.Text)
			}
			checkText(t, c.questions, last.Text, c.want, c.not)
		})
	}
}
