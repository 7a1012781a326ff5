package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestKindsOfTestingAndCompute: a kind of testing asked by name
// (performance, load, API, mobile) lists that kind's tools, not every
// testing tool; containers and HPC are families of their own; a mainframe
// database (Db2) is a database.
func TestKindsOfTestingAndCompute(t *testing.T) {
	r := profile.Resume{
		Basics: profile.Basics{Name: "Rui Costa", Label: "SDET"},
		Work:   []profile.Work{{Name: "Cargo", Position: "SDET", StartDate: "2020-01", Summary: "Selenium and Cypress suites; JMeter load tests before each release."}},
		Skills: []profile.Skill{
			{Name: "Tools", Keywords: []string{"Selenium", "Cypress", "JMeter", "Gatling", "REST Assured", "Appium"}},
			{Name: "Platform", Keywords: []string{"Docker", "Singularity", "Slurm", "Terraform", "DB2"}},
		},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	cases := []struct {
		name      string
		questions []string
		want, not []string
	}{
		{"performance testing", []string{"has he done performance testing?"}, []string{"JMeter", "Gatling"}, []string{"Selenium", "Cypress", "doesn't"}},
		{"load testing", []string{"load testing?"}, []string{"JMeter", "Gatling"}, []string{"Selenium"}},
		{"api testing", []string{"API testing?"}, []string{"REST Assured"}, []string{"Selenium", "JMeter"}},
		{"mobile testing", []string{"does he do mobile testing"}, []string{"Appium"}, []string{"Selenium", "JMeter"}},
		{"testing as a whole", []string{"what testing tools does he know"}, []string{"Selenium", "Cypress"}, nil},
		{"containers", []string{"does he know containers?"}, []string{"Docker", "Singularity"}, []string{"Terraform"}},
		{"hpc", []string{"HPC experience?"}, []string{"Slurm"}, []string{"Terraform", "doesn't"}},
		{"db2 is a database", []string{"database experience?"}, []string{"Db2"}, []string{"doesn't"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkLast(t, x, c.questions, c.want, c.not) })
	}
}
