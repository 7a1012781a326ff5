package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// pastProfile has no job held now, a bare past job (a name and a start
// year only) followed by a later one, two projects and three languages.
func pastProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ana Costa", Label: "Engineer",
			Summary: "Engineer who likes maps. Ana retired from competitive rowing in 2014 after a shoulder injury. Before Cafe Lume she taught swimming."},
		Work: []profile.Work{
			{Name: "Orbit Labs", Position: "Engineer", StartDate: "2020-03", EndDate: "2023-05"},
			{Name: "Kestrel", StartDate: "2016"},
			{Name: "City Hospital", Position: "Nurse", StartDate: "2012-01", EndDate: "2015-12"},
			{Name: "Cafe Lume", Position: "Barista", StartDate: "2008", EndDate: "2011"},
		},
		Projects: []profile.Project{
			{Name: "Trailmap", StartDate: "2021-01", EndDate: "2021-06", Keywords: []string{"Rust", "Leaflet"}},
			{Name: "Tidebot", StartDate: "2022-02", EndDate: "2022-05", Keywords: []string{"Python"}},
		},
		Languages: []profile.Language{{Language: "Portuguese", Fluency: "Native"}, {Language: "English", Fluency: "Fluent"},
			{Language: "German", Fluency: "Basic"}},
	}
}

// rankProfile holds a rank now and held another before, at one employer.
func rankProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Sam Okoro"},
		Work: []profile.Work{
			{Name: "Harbor Police", Position: "Sergeant", StartDate: "2019-01"},
			{Name: "Harbor Police", Position: "Patrol Officer", StartDate: "2012-01", EndDate: "2018-12"},
		},
	}
}

// TestFollowUpThreads: follow-ups resolved from the turn before, as
// visitors ask them (eleventh session).
func TestFollowUpThreads(t *testing.T) {
	past := converse.Compile(pastProfile(), profile.Privacy{}, today)
	rank := converse.Compile(rankProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"no job now: the most recent one", past, []string{"what does ana do"}, []string{"most recent job", "Orbit Labs"}, nil},
		{"and it stays in focus", past, []string{"what does ana do", "how long was she there"}, []string{"Orbit Labs", "3 years"}, []string{"work experience"}},
		{"which one was first: in time", past, []string{"what projects has she done", "which one was first?"}, []string{"Trailmap"}, []string{"Tidebot"}},
		{"which was last", past, []string{"what projects has she done", "which was last?"}, []string{"Tidebot"}, []string{"Trailmap"}},
		{"written in: the project's technologies", past, []string{"tell me about trailmap", "what was it written in?"}, []string{"Rust", "Leaflet"}, []string{"publication"}},
		{"built with", past, []string{"tell me about tidebot", "what is it built with"}, []string{"Python"}, []string{"Rust"}},
		{"before stops at a bare past job", past, []string{"where did she work before orbit labs"}, []string{"Kestrel"}, []string{"City Hospital"}},
		{"a bare past job is not current", past, []string{"where does she work now"}, nil, []string{"Kestrel"}},
		{"its length is not counted to today", past, []string{"how long was she at kestrel"}, []string{"no end date"}, []string{"so far", "9 years"}},
		{"no title to give", past, []string{"where did she work before orbit labs", "what was her role there"}, []string{"doesn't give", "Kestrel"}, []string{"was a role"}},
		{"the last language", past, []string{"what languages does she speak", "how good is the last one?"}, []string{"German", "Basic"}, []string{"Portuguese"}},
		{"the first language", past, []string{"what languages does she speak", "and the first one?"}, []string{"Portuguese", "Native"}, []string{"German"}},
		{"a reason the profile gives", past, []string{"why did she retire from rowing"}, []string{"shoulder injury"}, []string{"doesn't say why"}},
		{"a reason it doesn't give", past, []string{"why did she leave orbit labs"}, []string{"doesn't say why"}, []string{"shoulder"}},
		{"year-only dates: the years between", past, []string{"how long was she at cafe lume"}, []string{"3 years"}, []string{"4 years"}},
		{"the summary on what came before the earliest job", past, []string{"tell me about cafe lume", "and before that?"}, []string{"earliest", "taught swimming"}, nil},
		{"no summary sentence, nothing quoted", rank, []string{"what rank is he", "and before that?", "and before that?"}, []string{"earliest"}, []string{"summary says"}},
		{"rank: the title held now", rank, []string{"what rank is sam"}, []string{"Sergeant"}, []string{"Patrol Officer"}},
		{"and before that", rank, []string{"what rank is he", "and before that?"}, []string{"Patrol Officer"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, c.x, c.questions, c.want, c.not) })
	}
}

// TestBareJobAloneStaysCurrent: a bare entry with no later job is read as
// JSON Resume reads a missing end, still going.
func TestBareJobAloneStaysCurrent(t *testing.T) {
	x := converse.Compile(profile.Resume{Basics: profile.Basics{Name: "Ola Berg"},
		Work: []profile.Work{{Name: "Nordlys", StartDate: "2017"}}}, profile.Privacy{}, today)
	checkLast(t, x, []string{"where does he work now"}, []string{"Nordlys", "since 2017"}, []string{"no end date"})
}
