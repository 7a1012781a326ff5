package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// therapistProfile is written for these tests: a speech therapist who owns
// a clinic and teaches part-time beside it, licensed in two states, with
// services and insurers only in the summary.
func therapistProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Priyanka Dube", Label: "Speech-Language Pathologist", Email: "priyanka@example.org",
			Summary: "Speech-language pathologist licensed in Oregon and Washington. Works with children and teens who stutter. In network with Regence and Providence. Does not offer autism evaluations."},
		Work: []profile.Work{
			{Name: "Clearwater Speech Clinic", Position: "Owner and Lead Clinician", Location: "Portland, Oregon", StartDate: "2019-04",
				Summary: "A clinic with three clinicians and a receptionist; about 60 visits a week."},
			{Name: "Michigan State University", Position: "Clinical Instructor (part-time)", Location: "East Lansing, Michigan", StartDate: "2020-09",
				Summary: "Supervises graduate students' clinic hours online."},
			{Name: "Lumen Learning Co", Position: "Advisor", StartDate: "2021-01", EndDate: "2022-06", Summary: "Advised on reading apps."},
			{Name: "Hearth Health", Position: "Clinical Advisor", StartDate: "2023-02", Summary: "Reviews the speech-therapy content of a parenting app."},
			{Name: "Riverbend Teaching Hospital", Position: "Staff Therapist", Location: "Spokane, Washington", StartDate: "2014-06", EndDate: "2019-03",
				Summary: "Outpatient therapy for young patients aged 3 to 10 with language delays.", Highlights: []string{"Ran the fluency group, eight teens per term"}},
			{Name: "Riverbend Teaching Hospital", Position: "Clinical Fellow", Location: "Spokane, Washington", StartDate: "2013-07", EndDate: "2014-05"},
			{Name: "Cedar Hills School District", Position: "Classroom Aide", StartDate: "2008-09", EndDate: "2010-06"},
		},
		Volunteer: []profile.Volunteer{{Organization: "Michigan Stuttering Camp", Position: "Counselor", StartDate: "2016", EndDate: "2018",
			Summary: "Summer camp for 40 teens who stutter."}},
		Education: []profile.Education{
			{Institution: "Portland State University", StudyType: "MS", Area: "Speech-Language Pathology", StartDate: "2011-09", EndDate: "2013-06"},
			{Institution: "University of Oregon", StudyType: "BA", Area: "Linguistics", StartDate: "2006-09", EndDate: "2010-06"},
			{Institution: "Lean Launch Lab", StudyType: "Bootcamp", Area: "Clinic business skills", StartDate: "2018-01", EndDate: "2018-03"},
		},
		Certificates: []profile.Certificate{
			{Name: "Certificate of Clinical Competence (CCC-SLP)", Date: "2014-06", Issuer: "ASHA"},
			{Name: "Licensed SLP, Oregon", Date: "2019-02", Issuer: "Oregon Board of Examiners"},
			{Name: "Licensed SLP, Washington", Date: "2014-05", Issuer: "Washington Department of Health"},
		},
		Skills: []profile.Skill{{Name: "Tools", Keywords: []string{"JavaScript (basic)", "Excel"}}},
	}
}

// restaurateurProfile is written for these tests: a founder of two
// companies, one sold for an undisclosed sum and one whose price is never
// given, with a board-free advisory role and a venture partnership, a
// first job before either, and an accelerator among the studies.
func restaurateurProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Ana Okoye", Label: "Founder and CEO", Email: "ana@example.org",
			Summary: "Founder of three companies. Angel investor in 20 companies, mostly fintech. Not taking on new mentees."},
		Work: []profile.Work{
			{Name: "Fernleaf", Position: "Co-founder & CEO", StartDate: "2021-03",
				Summary:    "Scheduling software for dental offices. Raised an $8M seed round led by Northgate in 2022; 25 employees.",
				Highlights: []string{"Used by 900 dental offices"}},
			{Name: "Juniper AI", Position: "Advisor", StartDate: "2022-01"},
			{Name: "Harrow Capital", Position: "Venture Partner", StartDate: "2019-01", EndDate: "2020-12"},
			{Name: "Brightway Labs", Position: "Founder", StartDate: "2017-01", EndDate: "2020-12",
				Summary: "Meal kits for offices. Grew to 40 employees and $5M in revenue; acquired by Square in June 2020.", Highlights: []string{"Raised $3M from angels"}},
			{Name: "Paddock", Position: "Founder", StartDate: "2013-01", EndDate: "2016-12",
				Summary: "Restaurant ordering app. Bootstrapped to 300 restaurants; acquired by Toast in 2016 for an undisclosed sum."},
			{Name: "Ledgerly project", Position: "Maintainer", StartDate: "2018-01", Summary: "Funded by a grant from a open-source foundation."},
			{Name: "Deloitte", Position: "Analyst", StartDate: "2010-07", EndDate: "2012-12"},
		},
		Projects: []profile.Project{{Name: "Ledgerly", Description: "Open-source accounting library with 2,000 GitHub stars and 40 releases.", StartDate: "2018-01"}},
		Education: []profile.Education{
			{Institution: "Techstars", StudyType: "Accelerator", Area: "Paddock, 2013", StartDate: "2013-01", EndDate: "2013-04"},
			{Institution: "University of Lagos", StudyType: "BSc", Area: "Economics", StartDate: "2006-09", EndDate: "2010-06"},
			{Institution: "Duke University", StudyType: "DPT", Area: "Physical Therapy", StartDate: "2003", EndDate: "2006"},
		},
	}
}

func TestUnseenResumesTwelfthSession(t *testing.T) {
	th := converse.Compile(therapistProfile(), profile.Privacy{}, today)
	fo := converse.Compile(restaurateurProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		x         *converse.Index
		questions []string
		want, not []string
	}{
		// qualified.go, answer_category.go
		{"a skill with a bracketed qualifier keeps its family", th, []string{"can she code"}, []string{"JavaScript (basic)"}, []string{"doesn't mention any programming languages"}},
		// qualified.go, answer_education.go: an accelerator is no degree, a DPT is a doctorate
		{"an accelerator neither is nor hides an MBA", fo, []string{"does she have an mba"}, []string{"doesn't list an MBA"}, nil},
		{"a doctorate asked by level", fo, []string{"where did she get her doctorate"}, []string{"Duke University", "DPT"}, []string{"Lagos"}},
		// offer.go, cues.go
		{"new patients not mentioned", th, []string{"is she accepting new patients"}, []string{"doesn't say whether Priyanka is taking new patients"}, []string{"new role"}},
		{"a request for a service, answered in the profile's words", fo, []string{"could she mentor my team"}, []string{"Not taking on new mentees"}, nil},
		{"whom she sees, not her family", th, []string{"does she see kids"}, []string{"children and teens"}, []string{"family status"}},
		{"her own kids are still her family", th, []string{"does she have kids"}, []string{"family status"}, nil},
		{"what about a thing never named, after a quoted sentence", th, []string{"does she take regence", "what about aetna"}, []string{"doesn't mention Aetna"}, []string{"Sorry"}},
		{"what about a thing named: the sentence", th, []string{"does she take regence", "what about providence"}, []string{"Providence"}, []string{"doesn't mention"}},
		// roles_by_verb.go, answer_role.go, only_job.go
		{"roles by the verb of their title", th, []string{"who does she advise"}, []string{"Clinical Advisor at Hearth Health", "Advisor at Lumen Learning Co"}, nil},
		{"vc is a venture title", fo, []string{"was she ever a vc"}, []string{"Venture Partner", "Harrow Capital"}, []string{"doesn't describe"}},
		{"not her only job", fo, []string{"what does fernleaf do", "is that her only job"}, []string{"No.", "Juniper AI", "Fernleaf"}, nil},
		{"other jobs: yes", th, []string{"does she have other jobs"}, []string{"Yes.", "Michigan State University"}, nil},
		// money_raised.go, search.go, focus_narrow.go, guard.go, resolve_search.go, answer_business.go
		{"money raised by the company just discussed", fo, []string{"what does fernleaf do", "how many offices use it", "how much have they raised"}, []string{"$8M"}, []string{"$3M"}},
		{"how many employees of the company in focus", fo, []string{"what does fernleaf do", "how many employees"}, []string{"25 employees"}, []string{"Sorry", "40 employees"}},
		{"how big did it get: the company in focus", fo, []string{"tell me about brightway labs", "how big did it get"}, []string{"40 employees"}, []string{"25 employees"}},
		{"the company's size leaves that company in focus", fo, []string{"tell me about brightway labs", "how big is it", "how long was she there"}, []string{"2017"}, []string{"years of work experience"}},
		{"a job listed under the project's name answers for it", fo, []string{"what is ledgerly", "how many releases", "how is it funded"}, []string{"grant"}, []string{"Fernleaf"}},
		{"a count asked of the jobs just named", th, []string{"did she work at riverbend teaching hospital", "how many teens there?"}, []string{"eight teens"}, []string{"40 teens"}},
		{"search after there keeps to the job in focus", th, []string{"tell me about riverbend teaching hospital", "what age group did she work with there"}, []string{"aged 3 to 10"}, []string{"Clearwater"}},
		// entities.go, resolve_service.go
		{"two words of a name pick that entry", th, []string{"does she teach at michigan state"}, []string{"Clinical Instructor"}, []string{"Stuttering Camp"}},
		// licensed_where.go
		{"which states she may practise in", th, []string{"which states can she practice in"}, []string{"Licensed SLP, Oregon", "Licensed SLP, Washington"}, []string{"Clearwater", "Clinical Competence"}},
		{"where she practises is her workplace", th, []string{"where does she practice"}, []string{"Clearwater"}, []string{"licences"}},
		// before_study.go
		{"before grad school", th, []string{"what did she do before grad school"}, []string{"Classroom Aide"}, []string{"Staff Therapist"}},
		{"after grad school", th, []string{"what did she do after grad school"}, []string{"Clinical Fellow"}, []string{"Classroom Aide"}},
		// first_founded.go
		{"a founder's first company", fo, []string{"what was her first company"}, []string{"Paddock", "Deloitte"}, nil},
		{"vc-backed or bootstrapped", fo, []string{"tell me about paddock", "was it vc backed"}, []string{"Bootstrapped"}, nil},
		{"what she invests in, not a kind of project", fo, []string{"does she invest in consumer apps"}, []string{"angel investor in 20 companies"}, []string{"projects"}},
		// sale_price.go
		{"a sale price never given", fo, []string{"how much did brightway sell for"}, []string{"doesn't give the price", "Square"}, []string{"Yes"}},
		{"a sale price undisclosed", fo, []string{"how much did paddock sell for"}, []string{"not disclosed", "Toast"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ask(c.x, c.questions...)
			checkText(t, c.questions, r[len(r)-1].Text, c.want, c.not)
		})
	}
}
