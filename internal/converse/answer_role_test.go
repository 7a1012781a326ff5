package converse_test

import (
	"strings"
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// careerProfile is a small profile written for these tests: a promotion at
// one employer, a gap, a past teaching job and a summary that says nothing
// about looking for work.
func careerProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Zoë Ármán", Label: "Product Manager", Email: "zoe@example.com",
			Summary: "Builds products for logistics companies."},
		Work: []profile.Work{
			{Name: "Cargo Co", Position: "Senior Product Manager", StartDate: "2022-01"},
			{Name: "Cargo Co", Position: "Product Manager", StartDate: "2020-01", EndDate: "2021-12"},
			{Name: "Westside Academy", Position: "Maths Teacher", StartDate: "2012-09", EndDate: "2018-07",
				Highlights: []string{"Coached the chess club"}},
		},
		Education: []profile.Education{{Institution: "Uni of Leeds", StudyType: "PhD", Area: "Mathematics", StartDate: "2008", EndDate: "2012"}},
	}
}

func TestCareerQuestions(t *testing.T) {
	x := converse.Compile(careerProfile(), profile.Privacy{}, today)
	tests := []struct {
		q, intent string
		want      []string
		not       []string
	}{
		{"is she a teacher", "role_check", []string{"Not currently", "Maths Teacher at Westside Academy", "Senior Product Manager"}, []string{"Yes"}},
		{"is she a manager", "role_check", []string{"Yes", "Senior Product Manager at Cargo Co"}, nil},
		{"is she a doctor", "role_check", []string{"PhD in Mathematics"}, nil},
		{"is she a pilot", "role_check", []string{"doesn't describe Zoë as a pilot", "Senior Product Manager"}, []string{"Yes"}},
		{"was she a chess coach", "role_check", []string{"doesn't list a job titled chess coach", "Coached the chess club"}, nil},
		{"is she open to work", "availability", []string{"doesn't say whether Zoë is looking", "zoe@example.com"}, []string{"Yes"}},
		{"any gaps in her cv", "gaps", []string{"July 2018", "January 2020", "Westside Academy", "Cargo Co"}, nil},
		{"how long has she been at cargo co", "duration", []string{"since January 2020", "2 roles"}, nil},
		{"who is zoe arman", "summary", []string{"Product Manager"}, nil},
		{"how long was she a teacher", "duration", []string{"worked as a teacher for almost 6 years", "Maths Teacher at Westside Academy"}, nil},
		{"why did she leave westside academy", "employer", []string{"doesn't say why", "Westside Academy"}, nil},
		{"whats her linkedin", "contact", []string{"doesn't list Zoë's LinkedIn", "zoe@example.com"}, nil},
		{"has she ever managed people", "role_check", []string{"Yes", "Senior Product Manager at Cargo Co"}, nil},
		{"does she have leadership experience", "role_check", []string{"Senior Product Manager"}, nil},
		{"is she senior", "role_check", []string{"Yes", "Senior Product Manager"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r, _ := x.Turn(converse.State{}, tt.q, today)
			if r.Intent != tt.intent {
				t.Errorf("intent %q, want %q", r.Intent, tt.intent)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Text, w) {
					t.Errorf("reply lacks %q: %s", w, r.Text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(r.Text, w) {
					t.Errorf("reply has %q: %s", w, r.Text)
				}
			}
			if len(r.Citations) == 0 {
				t.Errorf("no citations: %s", r.Text)
			}
			for _, c := range r.Citations {
				if !x.Valid(c) {
					t.Errorf("citation %+v points at no fact", c)
				}
			}
		})
	}
}

func TestAvailabilityQuotesTheProfile(t *testing.T) {
	r := careerProfile()
	r.Basics.Summary = "Builds products. Open to product roles in Berlin from 2026."
	x := converse.Compile(r, profile.Privacy{}, today)
	got, _ := x.Turn(converse.State{}, "is she looking for a job", today)
	if !strings.Contains(got.Text, "Open to product roles in Berlin from 2026.") || got.Intent != "availability" {
		t.Errorf("[%s] %s", got.Intent, got.Text)
	}
}

func TestNoGap(t *testing.T) {
	r := careerProfile()
	r.Work = r.Work[:2]
	x := converse.Compile(r, profile.Privacy{}, today)
	got, _ := x.Turn(converse.State{}, "did she take a career break", today)
	if !strings.Contains(got.Text, "no gap") {
		t.Errorf("[%s] %s", got.Intent, got.Text)
	}
}
