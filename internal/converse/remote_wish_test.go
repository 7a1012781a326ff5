package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestRemoteInWhatSheSeeks: a summary saying what work she looks for with
// "remote" in it answers the remote questions in its own words; "remote"
// elsewhere (a product) does not.
func TestRemoteInWhatSheSeeks(t *testing.T) {
	seeker := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Label: "Backend Engineer", Location: profile.Location{City: "Warsaw", CountryCode: "PL"},
			Summary: "Backend engineer with nine years in payments. Currently open to staff-level roles in Europe, remote or in Warsaw."},
		Work: []profile.Work{{Name: "Paylane", Position: "Senior Engineer", StartDate: "2021-03", Location: "Warsaw"}},
	}, profile.Privacy{}, today)
	product := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Dana Wu", Label: "Controller", Summary: "Finance lead at a company selling remote patient monitoring. Looking for a CFO role."},
		Work:   []profile.Work{{Name: "Vitalink", Position: "Controller", StartDate: "2020-01", Location: "Boston"}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{seeker, "would she work remotely?", []string{"remote or in Warsaw"}, []string{"doesn't say whether"}},
		{seeker, "is she remote", []string{"remote or in Warsaw"}, []string{"doesn't say whether"}},
		{seeker, "is she open to remote work", []string{"remote or in Warsaw"}, nil},
		{product, "would she work remotely?", []string{"doesn't say whether"}, []string{"patient monitoring"}},
	} {
		checkText(t, c.q, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}

// TestNoticePeriodUnsaid: "what's her notice period" says first that the
// profile gives none, then what it says of her search; a summary that says
// when she could start is quoted without that.
func TestNoticePeriodUnsaid(t *testing.T) {
	open := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Label: "Backend Engineer", Summary: "Backend engineer. Currently open to staff-level roles in Europe."},
		Work:   []profile.Work{{Name: "Paylane", Position: "Senior Engineer", StartDate: "2021-03"}},
	}, profile.Privacy{}, today)
	dated := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Nurse", Summary: "ICU nurse looking for a day-shift role. I am available from September 2025."},
		Work:   []profile.Work{{Name: "St Olav", Position: "Nurse", StartDate: "2019-03"}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{open, "what's her notice period?", []string{"doesn't give a notice period", "open to staff-level roles"}, nil},
		{open, "when could she start", []string{"doesn't give a notice period", "open to staff-level roles"}, nil},
		{open, "is she open to new roles", []string{"open to staff-level roles"}, []string{"notice period"}},
		{dated, "when could she start?", []string{"available from September 2025"}, []string{"doesn't give"}},
		{dated, "what's her notice period", []string{"available from September 2025"}, []string{"doesn't give"}},
	} {
		checkText(t, c.q, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}

// TestWhatJobSheWants: "what kind of job does she want" is her search in
// her own words, or that the profile doesn't say, never her summary as if
// it answered.
func TestWhatJobSheWants(t *testing.T) {
	open := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Marta Nowak", Label: "Backend Engineer", Summary: "Backend engineer with nine years in payments. Currently open to staff-level roles in Europe."},
		Work:   []profile.Work{{Name: "Paylane", Position: "Senior Engineer", StartDate: "2021-03"}},
	}, profile.Privacy{}, today)
	silent := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Sam Rivera", Label: "Computer Science Student", Summary: "Third-year student who likes building bots."},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{open, "what kind of job does she want", []string{"staff-level roles"}, []string{"nine years"}},
		{open, "what does she want to do next?", []string{"staff-level roles"}, nil},
		{silent, "what kind of job does she want", []string{"doesn't say"}, []string{"likes building bots"}},
	} {
		checkText(t, c.q, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}
