package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestMarketPricesOffTopic: today's price of a commodity or an exchange
// rate is another subject, even when the commodity is one the profile
// names ("corn"); a profile that says "futures" itself is still asked
// about them.
func TestMarketPricesOffTopic(t *testing.T) {
	farm := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ole Berg", Label: "Agronomist"},
		Work:   []profile.Work{{Name: "Berg Farms", Position: "Farm Manager", StartDate: "2015-01", Summary: "Runs 900 acres of corn and soybeans."}},
	}, profile.Privacy{}, today)
	trader := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ada Kim", Label: "Trader"},
		Work:   []profile.Work{{Name: "Grain Desk", Position: "Trader", StartDate: "2018-01", Summary: "Trades corn and wheat futures for a grain elevator."}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		name     string
		x        *converse.Index
		q        string
		want, no []string
	}{
		{"a commodity's price today", farm, "what's the price of corn futures today", []string{"Sorry"}, []string{"Berg Farms"}},
		{"an exchange rate", farm, "what is the dollar to euro exchange rate", []string{"Sorry"}, nil},
		{"futures the profile names", trader, "does she trade futures", []string{"futures"}, []string{"Sorry"}},
	} {
		checkText(t, c.name, ask(c.x, c.q)[0].Text, c.want, c.no)
	}
}
