package converse_test

import (
	"testing"

	"github.com/parleyhq/parley/internal/converse"
	"github.com/parleyhq/parley/internal/profile"
)

// TestNetIsNoDotNet: the bare word "net" ("net income", "safety net") is
// no .NET, in a question or in the profile's text; ".net", "dotnet",
// "dot net" and "asp.net" still are.
func TestNetIsNoDotNet(t *testing.T) {
	fin := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ana Reyes", Label: "Finance Director"},
		Work: []profile.Work{{Name: "Brightloop", Position: "Finance Director", StartDate: "2019-01",
			Highlights: []string{"Grew net income by 40%", "Built a safety net of six months' cash"}}},
	}, profile.Privacy{}, today)
	dev := converse.Compile(profile.Resume{
		Basics: profile.Basics{Name: "Ben Okafor", Label: "Backend Developer"},
		Work: []profile.Work{{Name: "Ledgerly", Position: "Backend Developer", StartDate: "2019-01",
			Highlights: []string{"Moved the billing API to ASP.NET Core on .NET 8"}}},
	}, profile.Privacy{}, today)
	for _, c := range []struct {
		x         *converse.Index
		q         string
		want, not []string
	}{
		{fin, "did she grow net income", []string{"net income"}, []string{".NET"}},
		{fin, "safety net?", nil, []string{".NET"}},
		{fin, "does she know .net", []string{"doesn't mention .NET"}, []string{"net income"}},
		{dev, "does he know .net", []string{".NET"}, []string{"doesn't mention"}},
		{dev, "does he know dotnet", []string{".NET"}, []string{"doesn't mention"}},
		{dev, "any dot net?", []string{".NET"}, []string{"doesn't mention"}},
		{dev, "has he used asp.net", []string{"ASP.NET"}, []string{"doesn't mention"}},
	} {
		checkText(t, c.q, ask(c.x, c.q)[0].Text, c.want, c.not)
	}
}
