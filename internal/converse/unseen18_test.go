package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// optometristProfile is written for these tests: an optometrist who owns
// her practice after a hospital residency whose name shares its noun,
// with certificates visitors name by clipped or abbreviated forms.
func optometristProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ruth Adeyemi", Label: "Optometrist"},
		Work: []profile.Work{
			{Name: "Clearview Eye Care", Position: "Owner and Optometrist", StartDate: "2019-05",
				Highlights: []string{"Grew the practice to 3 exam lanes and 7 staff"}},
			{Name: "Aston University", Position: "Visiting Clinical Tutor", StartDate: "2021-09",
				Summary: "Teaches final-year students in the university eye clinic two afternoons a week."},
			{Name: "Leeds Teaching Hospitals", Position: "Resident Optometrist", StartDate: "2016-09", EndDate: "2019-04",
				Summary: "Hospital practice residency in glaucoma and medical retina clinics."},
		},
		Education: []profile.Education{
			{Institution: "Aston University", StudyType: "MSc", Area: "Clinical Optometry", StartDate: "2014", EndDate: "2016"},
			{Institution: "Cardiff University", StudyType: "BSc", Area: "Optometry", StartDate: "2010", EndDate: "2013"},
		},
		Publications: []profile.Publication{{Name: "Owner-run practices and the referral gap", Publisher: "Optometry Today", ReleaseDate: "2021-04"}},
		Volunteer: []profile.Volunteer{
			{Organization: "Vision Aid Overseas", Position: "Volunteer", StartDate: "2017", EndDate: "2018"},
			{Organization: "Sight Camp Leeds", Position: "Volunteer Optometrist", StartDate: "2020"},
		},
		Certificates: []profile.Certificate{
			{Name: "Independent Prescribing (IP)", Date: "2018", Issuer: "General Optical Council"},
			{Name: "Lean Six Sigma Green Belt", Date: "2020-02", Issuer: "BSI"},
			{Name: "Hazardous Materials Awareness", Date: "2017"},
			{Name: "Paediatric First Aid (lapsed 2022)", Date: "2019"},
			{Name: "Basic Life Support, expires 2024-03", Date: "2022-03"},
			{Name: "Glaucoma Diploma (in progress)", Issuer: "College of Optometrists"},
		},
	}
}

// researcherProfile is written for these tests: employers whose names
// hold cue words of other sections ("Civic", "Award"), beside real
// volunteering and a real award.
func researcherProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ines Varga", Label: "UX Researcher"},
		Work: []profile.Work{
			{Name: "Civic Ledger Inc.", Position: "UX Researcher", StartDate: "2022-02", Summary: "Research for tax-filing tools used by small towns."},
			{Name: "Award Travel Labs", Position: "Research Assistant", StartDate: "2019", EndDate: "2022"},
		},
		Volunteer: []profile.Volunteer{{Organization: "Code for Szeged", Position: "Organiser", StartDate: "2020"}},
		Awards:    []profile.Award{{Title: "Best Paper", Awarder: "CHI", Date: "2023"}},
	}
}

// clerkProfile is written for these tests: a clerk with no business of
// his own, so "his own shop" must not be answered with his employer.
func clerkProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Piotr Nowicki", Label: "Sales Assistant"},
		Work:   []profile.Work{{Name: "Hartley's Hardware", Position: "Sales Assistant", StartDate: "2021"}},
	}
}

func TestUnseenResumesEleventhSession(t *testing.T) {
	opt := converse.Compile(optometristProfile(), profile.Privacy{}, today)
	clerk := converse.Compile(clerkProfile(), profile.Privacy{}, today)
	res := converse.Compile(researcherProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		{"her own practice though a residency shares the noun", opt, []string{"does she have her own practice"},
			[]string{"Yes", "Clearview Eye Care"}, []string{"Leeds"}},
		{"what her own practice is called", opt, []string{"what is her own practice called"}, []string{"Clearview Eye Care"}, []string{"Yes"}},
		{"when she opened her own practice asks a time", opt, []string{"when did she open her own practice"}, []string{"2019"}, nil},
		{"no owner's job: not his employer", clerk, []string{"does he run his own shop"}, nil, []string{"Yes"}},
		{"a certificate by its abbreviation", opt, []string{"is she IP certified"}, []string{"Yes,", "Independent Prescribing"}, nil},
		{"a certificate by a clipped compound", opt, []string{"is she sixsig certified"}, []string{"Yes,", "Lean Six Sigma Green Belt"}, []string{"Hazardous"}},
		{"a certificate by one of its words", opt, []string{"is she hazmat certified"}, []string{"Yes,", "Hazardous Materials Awareness"}, []string{"Six Sigma"}},
		{"a certificate by a word of its name", opt, []string{"does she have a green belt"}, []string{"Yes,", "Lean Six Sigma Green Belt"}, nil},
		{"a certificate expired by the date in its name is no yes", opt, []string{"is she BLS certified"}, []string{"Basic Life Support"}, []string{"Yes"}},
		{"a certificate in progress is no yes", opt, []string{"does she have the glaucoma diploma"}, []string{"Glaucoma Diploma"}, []string{"Yes"}},
		{"volunteering asked by a post's title word: all of it", opt, []string{"does she volunteer"}, []string{"Vision Aid Overseas", "Sight Camp Leeds"}, nil},
		{"a volunteer post named by its own words", opt, []string{"what did she do at sight camp"}, []string{"Sight Camp Leeds"}, []string{"Vision Aid"}},
		{"when she became a role a paper's title shares a word with", opt, []string{"when did she become owner"}, []string{"May 2019"}, []string{"referral gap"}},
		{"the role she became, then what came before it", opt, []string{"when did she become owner", "and before that"}, []string{"Resident Optometrist"}, []string{"publication"}},
		{"an employer named with a volunteering cue word", res, []string{"what about civic ledger"}, []string{"tax-filing"}, []string{"Code for Szeged"}},
		{"an employer named with an awards cue word", res, []string{"what did she do at award travel labs"}, []string{"Research Assistant"}, []string{"Best Paper"}},
		{"the cue word alone still asks its section", res, []string{"does she do any civic volunteering"}, []string{"Code for Szeged"}, nil},
		{"where she got a degree names the degree too", opt, []string{"where did she do her masters"}, []string{"Aston University", "MSc in Clinical Optometry", "2014"}, nil},
		{"still at a volunteer post that ended", opt, []string{"is she still at vision aid overseas"}, []string{"2018"}, []string{"Yes", "Clearview"}},
		{"still at a volunteer post that goes on", opt, []string{"is she still with sight camp leeds"}, []string{"since 2020"}, []string{"Clearview"}},
		{"a bare how often after two current jobs: the one that says", opt, []string{"where does she work now", "how often"}, []string{"two afternoons a week"}, []string{"Sorry"}},
		{"a lapsed certificate is no yes", opt, []string{"is she certified in paediatric first aid"}, []string{"Paediatric First Aid"}, []string{"Yes"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.questions...)
			checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
		})
	}
}
