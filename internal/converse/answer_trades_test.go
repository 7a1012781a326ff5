package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// tradesProfile is written for these tests: no e-mail and no phone, an
// apprenticeship, a part-time job beside an owned shop, a secondment
// inside a longer job, a long name with a closing country, a stint abroad
// only a highlight names, albums as publications and dated projects.
func tradesProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ana Ruiz", Label: "Baker",
			Summary:  "I trained in Lyon before opening my bakery.",
			Location: profile.Location{City: "Seville", CountryCode: "ES"},
			Profiles: []profile.SocialProfile{{Network: "Instagram", URL: "https://instagram.com/anaruiz"}}},
		Work: []profile.Work{
			{Name: "Horno Ruiz", Position: "Owner", StartDate: "2019-05", Summary: "A bakery with a team of 6 bakers, opened after years of teaching."},
			{Name: "Escuela de Pan", Position: "Baking Tutor (part-time)", StartDate: "2021-01"},
			{Name: "Institute of Bread and Pastry Arts Spain", Position: "Instructor", StartDate: "2012-01", EndDate: "2019-04"},
			{Name: "Boulangerie Lyon", Position: "Baker (secondment)", Location: "Lyon, France", StartDate: "2015-01", EndDate: "2016-01",
				Highlights: []string{"Ran a pop-up in Kyoto for a month"}},
			{Name: "Panadería Sol", Position: "Apprentice Baker", StartDate: "2009", EndDate: "2011"},
		},
		Projects:     []profile.Project{{Name: "Bread Fair Madrid", StartDate: "2022-04", EndDate: "2022-04"}},
		Publications: []profile.Publication{{Name: "Crumb Songs", Publisher: "Self-released", ReleaseDate: "2020", Summary: "An album of baking songs."}},
		Awards: []profile.Award{{Title: "Golden Loaf", Date: "2023", Awarder: "Bread Guild"},
			{Title: "Best Croissant", Date: "2021", Awarder: "Seville Fair"}},
	}
}

func TestTradesQuestions(t *testing.T) {
	x := converse.Compile(tradesProfile(), profile.Privacy{}, today)
	tests := []struct {
		q       string
		want    []string
		not     []string
		refused bool
	}{
		{q: "whats her email", want: []string{"doesn't list an e-mail address", "Instagram"}},
		{q: "phone?", want: []string{"doesn't list a phone number"}, not: []string{"can't share"}, refused: true},
		{q: "whats her bakery called", want: []string{"Horno Ruiz"}},
		{q: "is she full time", want: []string{"part-time: Baking Tutor (part-time) at Escuela de Pan"}, not: []string{"Owner at Horno Ruiz"}},
		{q: "how many people work there", want: []string{"6 bakers"}},
		{q: "did she ever teach", want: []string{"Yes", "Baking Tutor"}},
		{q: "any albums", want: []string{"Crumb Songs"}},
		{q: "any awards besides the golden loaf", want: []string{"Best Croissant"}, not: []string{"Besides Best"}},
		{q: "did she work in japan", want: []string{"doesn't list a job in Japan", "Kyoto"}},
		{q: "has she worked abroad", want: []string{"Boulangerie Lyon in Lyon"}},
		{q: "where did she train", want: []string{"trained in Lyon", "Apprentice Baker at Panadería Sol"}},
		{q: "what did she work on in 2022", want: []string{"Bread Fair Madrid"}},
	}
	for _, tt := range tests {
		r, _ := x.Turn(converse.State{}, tt.q, today)
		checkReply(t, tt.q, r.Text, tt.want, tt.not)
		if r.Refused != tt.refused {
			t.Errorf("%q: refused %v, want %v (reply %q)", tt.q, r.Refused, tt.refused, r.Text)
		}
	}
}

func TestTradesFollowUps(t *testing.T) {
	x := converse.Compile(tradesProfile(), profile.Privacy{}, today)
	tests := []struct {
		thread []string
		want   []string
	}{
		{[]string{"tell me about the golden loaf", "what for"}, []string{"Golden Loaf"}},
		{[]string{"tell me about the golden loaf", "is that paid"}, []string{"doesn't say", "Golden Loaf"}},
		// ISED-style initials: the closing country is left out
		{[]string{"what did she do at the IBPA"}, []string{"Instructor"}},
		{[]string{"tell me about Horno Ruiz", "and before that?"}, []string{"Boulangerie Lyon", "fell within Instructor"}},
	}
	for _, tt := range tests {
		var st converse.State
		var r converse.Reply
		for _, q := range tt.thread {
			r, st = x.Turn(st, q, today)
		}
		for _, w := range tt.want {
			if !strings.Contains(r.Text, w) {
				t.Errorf("%q: reply %q lacks %q", tt.thread, r.Text, w)
			}
		}
	}
}
