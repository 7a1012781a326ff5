package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestSupervisionOfSystems: "supervision" of servers with monitoring tools
// (as French and IT English say it) is no leading of people; supervising
// staff still is.
func TestSupervisionOfSystems(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Camille Roux"},
		Work: []profile.Work{
			{Name: "Mobiliz", Position: "Ingénieure logicielle", StartDate: "2022-03", Highlights: []string{
				"Mise en place de la supervision avec Prometheus et Grafana",
				"Encadrement de deux développeurs juniors"}},
			{Name: "Hosto", Position: "Ops lead", StartDate: "2018-03", EndDate: "2022-02", Highlights: []string{
				"Server supervision with Nagios", "Supervised a team of 4 technicians"}},
		},
	}, profile.Privacy{}, today)
	checkLast(t, x, []string{"has she managed people"}, []string{"Encadrement", "Supervised a team of 4"}, []string{"Prometheus", "Nagios"})
}
