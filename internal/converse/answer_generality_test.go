package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// writerProfile is a small profile written for these tests: a freelance
// current job, books and an article among the publications, a skill group
// with a two-word name, a volunteer role that shares a word with a degree,
// a certificate, and a summary that says where the person would work.
func writerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Lía Ortega", Label: "Writer", Email: "lia@example.com",
			Summary:  "Reporter and author. Open to staff roles in Madrid or Berlin.",
			Location: profile.Location{City: "Seville", CountryCode: "ES"}},
		Work: []profile.Work{
			{Name: "Freelance", Position: "Reporter", StartDate: "2021-01", Summary: "Features for El País and Die Zeit."},
			{Name: "El Mundo", Position: "Staff writer", Location: "Madrid, Spain", StartDate: "2015-01", EndDate: "2020-12",
				Highlights: []string{"Cut the desk's paper use and carbon emissions by a third", "Ran four regional bureaus"}},
		},
		Education: []profile.Education{{Institution: "Universidad de Navarra", Area: "Science Writing", StudyType: "MA", StartDate: "2012", EndDate: "2014"}},
		Volunteer: []profile.Volunteer{{Organization: "Science Writing Club", Position: "Mentor", StartDate: "2019"}},
		Publications: []profile.Publication{
			{Name: "Salt Roads", Publisher: "Anagrama", ReleaseDate: "2023-03-01", Summary: "Book. A history of salt."},
			{Name: "The dry river", Publisher: "El País", ReleaseDate: "2022-05-01", Summary: "Long read on drought."},
			{Name: "Olive Years", Publisher: "Planeta", ReleaseDate: "2018-01-01", Summary: "Book about olive farmers."},
		},
		Awards: []profile.Award{
			{Title: "Ortega y Gasset Award", Date: "2022-05-01", Awarder: "El País", Summary: "For the drought series."},
			{Title: "Young Reporter Prize", Date: "2016-01-01", Awarder: "APM", Summary: "For coverage of Madrid's housing."},
		},
		Certificates: []profile.Certificate{{Name: "Drone pilot licence", Issuer: "AESA", Date: "2020-01-01"}},
		Skills:       []profile.Skill{{Name: "Data journalism", Level: "Intermediate", Keywords: []string{"Datawrapper", "Flourish"}}},
		Interests:    []profile.Interest{{Name: "Sailing"}},
	}
}

func TestGeneralityThreads(t *testing.T) {
	x := converse.Compile(writerProfile(), profile.Privacy{}, today)
	tests := []struct {
		name      string
		questions []string
		want      []string // in the last reply
		not       []string
	}{
		{"relocation quotes the summary", []string{"would she relocate"}, []string{"Madrid or Berlin", "Seville"}, []string{"doesn't mention"}},
		{"an unlisted employer with the", []string{"has she worked for the new york times"}, []string{"doesn't list a job at The New York Times"}, nil},
		{"initials after the", []string{"did she work for the bbc"}, []string{"doesn't list a job at The BBC"}, nil},
		{"a name with an industry's word", []string{"has she worked for the financial times"}, []string{"doesn't list a job at The Financial Times"}, nil},
		{"an industry after the", []string{"has she worked in the public sector"}, nil, []string{"doesn't list a job at The"}},
		{"not an employer: the same company", []string{"has she worked for the same company"}, nil, []string{"doesn't list a job at"}},
		{"a skill group by name", []string{"data journalism?"}, []string{"Datawrapper", "Intermediate"}, nil},
		{"study words pick the degree", []string{"where did she study science writing"}, []string{"Universidad de Navarra"}, []string{"Science Writing Club"}},
		{"based then: the job's place", []string{"was she at el mundo", "where was she based then"}, []string{"Madrid"}, []string{"Seville"}},
		{"what for after awards", []string{"any awards", "what did she win it for"}, []string{"drought series", "housing"}, nil},
		{"books apart from articles", []string{"has she written any books"}, []string{"Salt Roads", "Olive Years"}, []string{"dry river"}},
		{"the other one of a pair", []string{"has she written any books", "tell me about salt roads", "and the other one?"}, []string{"Olive Years"}, nil},
		{"a freelancer's clients", []string{"who does she work for"}, []string{"works freelance", "Die Zeit"}, nil},
		{"who she writes for", []string{"who does she write for"}, []string{"Die Zeit", "Anagrama", "Planeta"}, nil},
		{"a role a certificate names", []string{"is she a drone operator"}, []string{"doesn't describe", "Drone pilot licence"}, []string{"Yes"}},
		{"an agent noun finds the hobby", []string{"is she a sailor"}, []string{"Sailing"}, nil},
		{"the publisher of the one in focus", []string{"when was olive years published", "who is the publisher"}, []string{"Planeta"}, []string{"Anagrama"}},
		{"sustainability reads emissions", []string{"any sustainability experience"}, []string{"carbon emissions"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ask(x, tt.questions...)
			r := rs[len(rs)-1]
			for _, w := range tt.want {
				if !strings.Contains(r.Text, w) {
					t.Errorf("reply lacks %q: %s", w, r.Text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(r.Text, n) {
					t.Errorf("reply has %q: %s", n, r.Text)
				}
			}
		})
	}
}

// appProfile has two apps as projects whose highlights share words, and a
// certificate whose title holds a platform's name.
func appProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ola Berg", Label: "Mobile developer", Summary: "Indie developer. I take on freelance projects for small shops."},
		Work: []profile.Work{{Name: "Self-employed", Position: "App developer", StartDate: "2020-01",
			Highlights: []string{"Built apps for clients in retail and tourism"}}},
		Projects: []profile.Project{
			{Name: "Stitchwise", Description: "Knitting pattern app for iPhone.", StartDate: "2022-01",
				Keywords: []string{"iOS", "Swift"}, Highlights: []string{"300,000 downloads", "4.7 star rating", "Featured by Apple"}},
			{Name: "Rowcount", Description: "Row counter for Android.", StartDate: "2020-01", EndDate: "2021-06",
				Keywords: []string{"Android", "Kotlin"}, Highlights: []string{"90,000 downloads", "4.2 star rating", "Sold to a publisher in 2022"}},
		},
		Certificates: []profile.Certificate{{Name: "Associate Android Developer", Issuer: "Google", Date: "2019-01-01"}},
	}
}

func TestItMeansTheProject(t *testing.T) {
	x := converse.Compile(appProfile(), profile.Privacy{}, today)
	tests := []struct {
		name      string
		questions []string
		want      []string // in the last reply
		not       []string
	}{
		{"its rating: that app's", []string{"tell me about stitchwise", "whats its rating"}, []string{"4.7"}, []string{"4.2"}},
		{"is it on a platform the app lacks", []string{"tell me about stitchwise", "is it on android"}, []string{"doesn't mention Android in connection with Stitchwise"}, nil},
		{"is it on its platform", []string{"tell me about rowcount", "is it on android"}, []string{"Yes", "Rowcount"}, nil},
		{"was it featured: that app's sentence", []string{"tell me about stitchwise", "was it featured"}, []string{"Featured by Apple"}, nil},
		{"a freelancer's availability", []string{"is she available for freelance work"}, []string{"take on freelance projects"}, []string{"doesn't say"}},
		{"what kind of clients: the entries", []string{"what kind of clients"}, []string{"retail and tourism"}, nil},
		{"what kind of developer: the headline", []string{"what kind of developer is she"}, []string{"Mobile developer"}, nil},
		{"what happened to it: the rest", []string{"tell me about rowcount", "what happened to it"}, []string{"Sold to a publisher"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ask(x, tt.questions...)
			got := rs[len(rs)-1].Text
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("reply %q lacks %q", got, w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("reply %q has %q", got, w)
				}
			}
		})
	}
}

// Availability is read only from phrases that offer work, not from any
// sentence with "taking on" or "new projects" in it.
func TestAvailabilityNeedsAnOffer(t *testing.T) {
	for _, tt := range []struct {
		summary string
		offers  bool
	}{
		{"I love taking on hard problems.", false},
		{"Leads new projects across the platform team.", false},
		{"Currently taking on new clients for 2025.", true},
		{"I take on contract work for startups.", true},
		{"Open to staff roles in Berlin.", true},
	} {
		r := profile.Resume{Basics: profile.Basics{Name: "Ada Park", Summary: tt.summary},
			Work: []profile.Work{{Name: "Acme", Position: "Engineer", StartDate: "2020-01"}}}
		x := converse.Compile(r, profile.Privacy{}, today)
		reply, _ := x.Turn(converse.State{}, "is she open to work", today)
		if got := strings.Contains(reply.Text, "profile says"); got != tt.offers {
			t.Errorf("summary %q: reply %q; want an offer quoted: %v", tt.summary, reply.Text, tt.offers)
		}
	}
}
