package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// guardProfile is written for these tests: one job, a summary the cases
// vary, and a volunteering entry whose name shares a city with a visitor's
// question about the weather.
func guardProfile(position, summary string, awards ...profile.Award) *converse.Index {
	return converse.Compile(profile.Resume{
		Awards: awards,
		Basics: profile.Basics{Name: "Alex Moreno", Label: position, Summary: summary,
			Location: profile.Location{City: "San Antonio", Region: "TX", CountryCode: "US"}},
		Work: []profile.Work{
			{Name: "Moreno & Co", Position: position, StartDate: "2015-03"},
		},
		Volunteer: []profile.Volunteer{
			{Organization: "San Antonio Food Bank", Position: "Volunteer Driver", StartDate: "2020-03"},
		},
	}, profile.Privacy{}, today)
}

func TestOffTopicWordOfThePersonsField(t *testing.T) {
	actor := guardProfile("Actor", "Stage actor, also on-camera and in voice-over. Represented by Stewart Talent.")
	bassist := guardProfile("Session Bassist", "Bassist on more than 60 albums and recordings.")
	journalist := guardProfile("Reporter", "Reporter covering European politics for twenty years.")
	broker := guardProfile("Real Estate Broker", "Broker in Phoenix. Over 600 homes sold since 2009.")
	olympian := guardProfile("Sprinter", "Two-time Olympian in the 100 m (London 2012, Rio 2016).",
		profile.Award{Title: "Olympic Games, 100 m, semi-finalist", Date: "2012"})
	footballer := guardProfile("Professional Footballer", "Former midfielder: 13 seasons of professional football in four countries.")
	pilot := guardProfile("Airline Captain", "Airline pilot with 11,400 flight hours.")
	coder := guardProfile("Software Engineer", "Backend engineer working in Go and PostgreSQL.")
	cases := []struct {
		name     string
		x        *converse.Index
		question string
		refused  bool
		want     []string
	}{
		// a cue word of the person's field, though the profile never says it
		{"movies of an on-camera actor", actor, "has she been in any movies", false, nil},
		{"film or tv of an on-camera actor", actor, "has she done any film or tv", false, nil},
		{"songs of a bassist on albums", bassist, "what songs has he recorded", false, nil},
		{"a league phrase of a footballer", footballer, "did he play in the premier league", false, nil},
		{"elections of a political reporter", journalist, "has he covered elections", false, nil},
		{"bad weather of a pilot", pilot, "does he fly in bad weather", false, nil},
		// ... and still declined where the field is not the person's
		{"a league phrase of a software engineer", coder, "did he play in the premier league", true, nil},
		{"bad weather of a software engineer", coder, "does he fly in bad weather", true, nil},
		{"his vote, of a political reporter", journalist, "which party does he vote for", true, nil},
		{"movies of a software engineer", coder, "has she been in any movies", true, nil},
		{"songs of a software engineer", coder, "what songs has he recorded", true, nil},
		// opinions have no field: declined even of a political reporter
		{"political views of a political reporter", journalist, "what are his political views", true, nil},
		// two cues of another subject outweigh a name the profile shares
		{"the weather in a city of the profile", actor, "whats the weather like in san antonio today", true, nil},
		{"who won at the olympics", olympian, "who won the 100m at the last olympics", true, nil},
		{"his own olympics still answered", olympian, "has he been to the olympics", false, nil},
		// houses sold are a trade, a house alone a home
		{"houses sold", broker, "how many houses has he sold", false, []string{"600"}},
		{"his house still private", broker, "where is his house", true, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.question)[0]
			if r.Refused != c.refused {
				t.Errorf("%q: refused %v, want %v (%s: %s)", c.question, r.Refused, c.refused, r.Intent, r.Text)
			}
			checkText(t, c.question, r.Text, c.want, nil)
		})
	}
}
