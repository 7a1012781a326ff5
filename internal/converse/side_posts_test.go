package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// sidePostProfile is written for these tests: an engineer laid off from
// one job (the summary names the employer), a part-time open-source post
// held since before it that runs on through the gap, a project whose name
// begins with a technology's short name, monitoring tools beside
// infrastructure ones.
func sidePostProfile() profile.Resume {
	return profile.Resume{
		Basics: profile.Basics{Name: "Tomasz Brandt", Label: "Platform Lead",
			Summary: "Platform engineer. I was laid off when Quarry Labs closed its Berlin office in March 2022, and spent the next nine months on open source."},
		Work: []profile.Work{
			{Name: "Northlight", Position: "Platform Lead", StartDate: "2023-01"},
			{Name: "helmsman-lint", Position: "Maintainer (open source, part-time)", Location: "Remote", StartDate: "2019"},
			{Name: "Quarry Labs", Position: "Site Reliability Engineer", StartDate: "2019-04", EndDate: "2022-03"},
			{Name: "Ostwind Media", Position: "DevOps Engineer", StartDate: "2016-02", EndDate: "2019-03",
				Summary: "Ran the build servers until the company's restructuring."},
		},
		Skills: []profile.Skill{
			{Name: "Infrastructure", Keywords: []string{"Kubernetes", "Terraform", "Helm", "Ansible"}},
			{Name: "Observability", Keywords: []string{"Prometheus", "Grafana", "Datadog"}},
			{Name: "Practices", Keywords: []string{"Open source"}},
		},
		Projects: []profile.Project{{Name: "kube-ledger", Description: "A cost report for clusters.", StartDate: "2021"}},
	}
}

func TestSidePostsAndNames(t *testing.T) {
	x := converse.Compile(sidePostProfile(), profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"why he left: the summary's sentence naming the employer",
			[]string{"what did he do at quarry labs", "why did he leave there"}, []string{"laid off when Quarry Labs closed"}, []string{"doesn't say why"}},
		{"why he left a named job: its own sentence",
			[]string{"why did he leave ostwind media"}, []string{"restructuring"}, []string{"doesn't say why"}},
		{"a part-time post by its title fills no gap",
			[]string{"is there a gap in his cv"}, []string{"March 2022", "January 2023", "laid off"}, []string{"no gap"}},
		{"during it, after the gaps",
			[]string{"any gaps in his career", "what did he do during it"}, []string{"nine months on open source"}, []string{"doesn't say anything"}},
		{"a project's name is no technology it begins with",
			[]string{"what is kube-ledger"}, []string{"cost report"}, []string{"Kubernetes"}},
		{"the technology itself still is one",
			[]string{"does he know kubernetes"}, []string{"Yes", "Kubernetes"}, nil},
		{"monitoring tools are not all the infrastructure tools",
			[]string{"what monitoring tools does he know"}, []string{"Prometheus", "Datadog"}, []string{"Terraform", "Ansible"}},
		{"open source work, not open-source projects only",
			[]string{"any open source work"}, []string{"Yes"}, []string{"doesn't mention"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ask(x, c.questions...)
			checkText(t, c.questions, got[len(got)-1].Text, c.want, c.not)
		})
	}
}
