package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// performerProfile is written for these tests: a stage actor whose union
// is only in the summary, whose shows are projects at theatres, who
// worked at a company with "Players" in its name, and whose entries say
// the thing asked in a second sentence.
func performerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Wren Adeyemi", Label: "Actor", Email: "wren@example.org",
			Summary: "Stage actor based in Leeds. Member of Actors' Equity since 2015.", Location: profile.Location{City: "Leeds", CountryCode: "GB"}},
		Work: []profile.Work{
			{Name: "Harbor Lane Repertory", Position: "Company Actor", Location: "Hull", StartDate: "2019-02", EndDate: "2021-08",
				Summary: "Two seasons of new plays in the studio theatre. Also understudied the lead in two shows and ran the youth workshop on Saturdays."},
			{Name: "Riverside Players", Position: "Ensemble Member", Location: "York", StartDate: "2016-01", EndDate: "2018-12",
				Summary: "Touring rural halls with a company of six."},
			{Name: "Kestrel Haulage", Position: "Van Driver", Location: "Bradford", StartDate: "2012-05", EndDate: "2015-12",
				Summary: "Unite the Union member; drove the Bradford to Sheffield run. Helped the shop steward with a private equity buyout."},
			{Name: "Adeyemi Couriers", Position: "Owner-Driver", StartDate: "2010-03", EndDate: "2012-04",
				Summary: "Same-day courier work around West Yorkshire. Sold the van in 2012 to go to drama school."},
		},
		Education: []profile.Education{{Institution: "Yorkshire Van Driving Academy", StudyType: "Certificate", Area: "Van Driving", EndDate: "2009"}},
		Projects: []profile.Project{
			{Name: "Hedda Gabler", Type: "production", Entity: "Leeds Playhouse", Roles: []string{"Hedda"}, StartDate: "2023-02", EndDate: "2023-03"},
			{Name: "The Seagull", Type: "production", Entity: "Sheffield Crucible", Roles: []string{"Nina"}, StartDate: "2024-09", EndDate: "2024-10"},
			{Name: "Blood Wedding", Type: "production", Entity: "Hull Truck Theatre", Roles: []string{"The Bride"}, StartDate: "2022-04", EndDate: "2022-05"},
		},
	}
}

func TestUnseenResumesTwelfthSessionSecondRound(t *testing.T) {
	x := converse.Compile(performerProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
		refused   bool
	}{
		// entry_sentences.go: a later sentence of the summary holds the word asked
		{"a later summary sentence quoted", []string{"did she understudy at harbor lane"}, []string{"understudied the lead"}, nil, false},
		{"a later sentence by an exact word", []string{"did she run a workshop at harbor lane repertory"}, []string{"youth workshop"}, nil, false},
		{"only the first sentence when nothing later is asked", []string{"tell me about harbor lane repertory"}, []string{"Two seasons of new plays"}, []string{"understudied"}, false},
		// union.go: performers' unions, not private equity; the union job in focus
		{"actors' equity is a union", []string{"is she in a union"}, []string{"Actors' Equity"}, nil, false},
		{"the job that named the union is in focus", []string{"was she ever in a union", "where was that"}, []string{"Bradford"}, []string{"Leeds, "}, false},
		// cues.go, followup.go: shows are projects
		{"her last show", []string{"whats her last show"}, []string{"The Seagull"}, []string{"Hedda Gabler"}, false},
		{"where the last show was", []string{"whats the last show she was in", "where was that"}, []string{"Sheffield Crucible"}, nil, false},
		// guard.go, resolve_guard.go: a recommendation about a place is off-topic
		{"a restaurant near a theatre", []string{"whats a good restaurant near harbor lane repertory"}, nil, nil, true},
		{"the best food in a city she names", []string{"whats the best curry in hull"}, nil, nil, true},
		{"the best way to reach her is no recommendation", []string{"whats the best way to reach her"}, []string{"wren@example.org"}, nil, false},
		// answer_ownorg.go, resolve_work.go: "his own X" at any time, before entries a word names
		{"her own van, an owner's job of the past", []string{"did she own her own van"}, []string{"Yes.", "Adeyemi Couriers", "Sold the van"}, []string{"Driving Academy"}, false},
		// entities.go: "played" does not name "Riverside Players"
		{"a verb names no agent noun", []string{"has she played hedda"}, []string{"Leeds Playhouse"}, []string{"Riverside Players"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			replies := ask(x, c.questions...)
			r := replies[len(replies)-1]
			if r.Refused != c.refused {
				t.Errorf("%q: refused %v, want %v (%q)", c.questions, r.Refused, c.refused, r.Text)
			}
			checkText(t, c.questions, r.Text, c.want, c.not)
		})
	}
}
