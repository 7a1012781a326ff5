package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestContractWork: "which contracts did he do", "contract work?" list the
// roles whose title, employer or description says contract, contractor or
// freelance, and only those.
func TestContractWork(t *testing.T) {
	r := mustLoad(t, "sample")
	r.Basics.Label = ""
	r.Work = []profile.Work{
		{Name: "Harbor Bank", Position: "Data Engineer", StartDate: "2022-01", EndDate: "2023-06", Summary: "Six-month contract to move the ledger to Postgres, extended twice."},
		{Name: "Quill Media", Position: "Backend Contractor", StartDate: "2021-02", EndDate: "2021-11"},
		{Name: "Self-employed", Position: "Freelance Web Developer", StartDate: "2018-01", EndDate: "2020-12"},
		{Name: "Atlas Insurance", Position: "Software Engineer", StartDate: "2014-01", EndDate: "2017-12", Summary: "Permanent staff role. Negotiated the vendor contract for the new CRM."},
	}
	x := converse.Compile(r, profile.Privacy{}, today)
	want := []string{"Harbor Bank", "Quill Media", "Freelance Web Developer"}
	for _, q := range []string{"which contracts did he do", "contract work?", "has he done any contract work", "what freelance work has he done", "any freelance roles?"} {
		checkText(t, q, ask(x, q)[0].Text, want, []string{"Atlas Insurance"})
	}
	// the eval profiles: a contractor's title and a contract in brackets
	for _, c := range []struct {
		profile, q string
		want, not  []string
	}{
		{"oss", "which contracts did she do", []string{"Ferrous Systems", "Adyen", "Contractor, Networking at Mozilla"}, []string{"Albert Heijn", "Bol.com"}},
		{"clinician", "any contract work?", []string{"Cross Country Nurses"}, []string{"Harborview"}},
	} {
		checkText(t, c.q, ask(mustIndex(t, c.profile), c.q)[0].Text, c.want, c.not)
	}
	// asked of one contract, or of when, it is no list
	for _, q := range []string{"what was his last contract", "what did he do before going freelance", "how long has he been freelancing", "is he available for contract work"} {
		checkText(t, q, ask(x, q)[0].Text, nil, []string{"contract and freelance roles"})
	}
}
