package converse

import (
	"net/url"
	"strings"

	"github.com/parleyhq/parley/internal/profile"
)

// namesAccount reports "whats her kaggle", "his github profile": a network
// after a possessive, ending the question or followed by a word for the
// account, asks for the account rather than entries that name the network
// ("her kaggle rank" is about the awards).
func namesAccount(raw []string, i int) bool {
	switch at(raw, i-1) {
	case "her", "his", "their":
	default:
		return false
	}
	switch at(raw, i+1) {
	case "", "account", "profile", "handle", "username", "page", "link", "url":
		return true
	}
	return false
}

// networkMeasure reports what a network counts or ranks: "github stars",
// "kaggle rank" ask about a project or an award, not the account. A switch,
// not a map: it runs for every word of every question.
func networkMeasure(t string) bool {
	switch t {
	case "stars", "star", "forks", "followers", "downloads", "contributions", "contributors", "rank", "ranking",
		"rankings", "medals", "medal", "points", "score":
		return true
	}
	return false
}

// cueNetwork reports the networks the contact cues name.
func cueNetwork(t string) bool {
	return t == "linkedin" || t == "github" || t == "twitter"
}

// namedProfiles returns the profiles with a network named from the URL's
// host where the résumé gives only a URL ({"url": "https://github.com/x"},
// as some exporters write it), so "does she have a GitHub" finds it. The
// résumé's own slice is left alone: the caller may share it.
func namedProfiles(ps []profile.SocialProfile) []profile.SocialProfile {
	var out []profile.SocialProfile
	for i, p := range ps {
		if strings.TrimSpace(p.Network) != "" || p.URL == "" {
			continue
		}
		u, err := url.Parse(strings.TrimSpace(p.URL))
		if err != nil || u.Host == "" {
			continue
		}
		for _, label := range strings.Split(strings.ToLower(u.Hostname()), ".") {
			if name, ok := knownNetworks[label]; ok {
				if out == nil {
					out = append([]profile.SocialProfile(nil), ps...)
				}
				out[i].Network = name
				break
			}
		}
	}
	if out == nil {
		return ps
	}
	return out
}
