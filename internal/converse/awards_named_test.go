package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// awardsNamedProfile is written for these tests: awards given by an
// employer (one by a body of it), one given by no entry while two jobs were
// held, and a job with no award.
func awardsNamedProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Nora Vell", Label: "Estate Agent"},
		Work: []profile.Work{
			{Name: "Harbour Lane Realty", Position: "Estate Agent", StartDate: "2018-01", Summary: "Sells family homes."},
			{Name: "Sunday Market Stall", Position: "Stallholder (part-time)", StartDate: "2018-06", Summary: "Sells plants on Sundays."},
			{Name: "Pemberton Hotels", Position: "Night Manager", StartDate: "2012-01", EndDate: "2017-12", Summary: "Ran the hotel overnight."},
			{Name: "Pemberton Hotels", Position: "Receptionist", StartDate: "2010-01", EndDate: "2011-12"},
			{Name: "Corner Cafe", Position: "Barista", StartDate: "2008-01", EndDate: "2009-12", Highlights: []string{"Trained four new baristas"}},
		},
		Awards: []profile.Award{
			{Title: "Top Seller", Awarder: "Harbour Lane Realty", Date: "2021-03"},
			{Title: "Civic Medal", Awarder: "Town Council", Date: "2019-05"},
			{Title: "Staff Star", Awarder: "Pemberton Hotels", Date: "2014"},
			{Title: "Guest Choice", Awarder: "Pemberton Hotels Guest Committee"},
		},
	}
}

// TestAwardsAtNamedPlace: what was won at a named employer is the awards won
// there or while there, else none with what that time achieved; never
// every award.
func TestAwardsAtNamedPlace(t *testing.T) {
	x := converse.Compile(awardsNamedProfile(), profile.Privacy{}, today)
	cases := []struct {
		q         string
		want, not []string
	}{
		{"did she win anything at pemberton hotels", []string{"Staff Star", "Guest Choice"}, []string{"Top Seller", "Civic Medal"}},
		{"what did she win at harbour lane", []string{"Top Seller", "Civic Medal"}, []string{"Staff Star", "Guest Choice"}},
		{"any awards while she was at the sunday market", []string{"Civic Medal"}, []string{"Top Seller", "Staff Star"}},
		{"any prizes from her time at corner cafe", []string{"no award", "Corner Cafe", "Trained four new baristas"}, []string{"Top Seller", "Staff Star", "Civic Medal"}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			checkText(t, []string{c.q}, ask(x, c.q)[0].Text, c.want, c.not)
		})
	}
}

// TestElseAtTheSameTime: "anywhere else at the same time" leaves out the
// entry in focus and the other roles at its place.
func TestElseAtTheSameTime(t *testing.T) {
	x := converse.Compile(awardsNamedProfile(), profile.Privacy{}, today)
	cases := []struct {
		qs        []string
		want, not []string
	}{
		{[]string{"tell me about the sunday market stall", "did she work anywhere else at the same time"}, []string{"Harbour Lane Realty"}, []string{"Stallholder", "Pemberton"}},
		{[]string{"when did she work at pemberton hotels", "was she working anywhere else during that time"}, []string{"no other job"}, []string{"Receptionist at", "Corner Cafe"}},
	}
	for _, c := range cases {
		t.Run(c.qs[len(c.qs)-1], func(t *testing.T) {
			rs := ask(x, c.qs...)
			checkText(t, c.qs, rs[len(rs)-1].Text, c.want, c.not)
		})
	}
}

// TestBesidesTheMainJob: the main job of several held now is the one not
// part-time nor a side post (a board seat, an advisory role); of several
// such, the longest-running, saying that the profile does not tell.
func TestBesidesTheMainJob(t *testing.T) {
	nurse := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ada Quill", Label: "Nurse"},
		Work: []profile.Work{
			{Name: "Ash Lane Surgery", Position: "Practice Nurse", StartDate: "2019-04"},
			{Name: "Fenwick Clinic", Position: "Charge Nurse", StartDate: "2020-02"},
			{Name: "Fenwick Clinic", Position: "Staff Nurse", StartDate: "2016-01", EndDate: "2020-01"},
			{Name: "Kestrel Hospital", Position: "Nurse", StartDate: "2012-01", EndDate: "2015-12"},
		},
	}, profile.Privacy{}, today)
	founder := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Olaf Brand", Label: "Founder"},
		Work: []profile.Work{
			{Name: "Tern Robotics", Position: "Independent Board Director", StartDate: "2019-06"},
			{Name: "Plover Labs", Position: "Advisor", StartDate: "2020-02"},
			{Name: "Curlew", Position: "Founder & CEO", StartDate: "2022-01"},
			{Name: "Dunlin Bank", Position: "Analyst", StartDate: "2010-01", EndDate: "2015-12"},
		},
	}, profile.Privacy{}, today)
	cases := []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{nurse, "what does she do besides her main job", []string{"none of them marked part-time", "Besides the main job (Charge Nurse at Fenwick Clinic)", "Practice Nurse at Ash Lane Surgery"}, []string{"Kestrel"}},
		{founder, "does he have another job besides his main one", []string{"Besides the main job (Founder & CEO at Curlew)", "Tern Robotics", "Plover Labs"}, []string{"Dunlin", "none of them"}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			checkText(t, []string{c.q}, ask(c.x, c.q)[0].Text, c.want, c.not)
		})
	}
}

// TestSpellingVariantsMatch: a question in one spelling finds the profile's
// words in the other, both ways.
func TestSpellingVariantsMatch(t *testing.T) {
	british := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jon Aske", Label: "Coach"},
		Certificates: []profile.Certificate{
			{Name: "UEFA B Licence", Date: "2019-05"},
			{Name: "UEFA A Licence", Date: "2023-06"},
		},
	}, profile.Privacy{}, today)
	american := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Jon Aske", Label: "Coach"},
		Certificates: []profile.Certificate{
			{Name: "USSF B License", Date: "2019-05"},
			{Name: "USSF A License", Date: "2023-06"},
		},
		Work: []profile.Work{{Name: "Tarn FC", Position: "Youth Coach", StartDate: "2020-01", Summary: "Leads the goalkeeping program at the regional center."}},
	}, profile.Privacy{}, today)
	cases := []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{british, "when did he get the a license", []string{"June 2023"}, []string{"May 2019"}},
		{american, "when did he get the a licence", []string{"June 2023"}, []string{"May 2019"}},
		{american, "is he in charge of a programme at a centre", []string{"goalkeeping program"}, []string{"doesn"}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			checkText(t, []string{c.q}, ask(c.x, c.q)[0].Text, c.want, c.not)
		})
	}
}
