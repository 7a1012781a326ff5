package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestSummaryOfBulletedLines: a job summary written as "- " lines is a
// list, and "what did he do there" gives its lines, not the first alone;
// prose with line breaks still gives its first sentence.
func TestSummaryOfBulletedLines(t *testing.T) {
	x := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Derek Okafor"},
		Work: []profile.Work{
			{Name: "Northern Rail Tickets", Position: "Software Developer", StartDate: "2015-01", EndDate: "2017-02",
				Summary: "- Maintained the ticket booking API (Java, Spring)\n- Wrote the first automated test suite\n• On-call rota for the booking platform"},
			{Name: "Basketcase", Position: "Backend Engineer", StartDate: "2017-03", EndDate: "2021-05",
				Summary: "Built the order-routing service in Python.\nIntroduced PostgreSQL partitioning."},
		},
	}, profile.Privacy{}, today)
	checkLast(t, x, []string{"what did he do at northern rail tickets"},
		[]string{"Maintained the ticket booking API", "Wrote the first automated test suite", "On-call rota"}, []string{"- Wrote", "•"})
	checkLast(t, x, []string{"what did he do at basketcase"}, []string{"Built the order-routing service"}, []string{"partitioning"})
}
