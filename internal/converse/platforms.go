package converse

import "strings"

// "What platform does she stream on", "which platforms is he on", "where
// does she post her videos": the services a creator works on are named in
// the work's sentences ("I stream strategy games on Twitch") and in the
// profile links, while the questions' words ("stream", "platform") sit in
// an award's title ("Best Strategy Streamer") that a search would quote.

// platformNames are services people stream, post, publish or sell on, as
// folded tokens; the profile's own link networks are added per profile.
var platformNames = setOf(`twitch youtube tiktok instagram kick facebook twitter linkedin patreon substack
spotify soundcloud bandcamp medium steam itch behance dribbble vimeo threads bluesky mastodon etsy`)

// platformVerbs are the stems of doing work on a platform.
var platformVerbs = setOf(`stream post publish upload broadcast sell vlog podcast`)

// platformsAsked answers which platforms the person works on: the first
// platform each sentence names after the verb asked, or every one named
// when no verb is, then the profile's other links. It reports whether it
// answered.
func (r *resolver) platformsAsked() bool {
	x, o, q := r.x, r.o, r.q
	asked := hasAnyToken(q.ts, "platform", "platforms")
	if q.hasWin || !q.third || at(q.ts, 0) == "how" {
		return false
	}
	verb := ""
	for _, t := range q.ts {
		if platformVerbs[stem(t)] {
			verb = stem(t)
		}
	}
	if !asked && verb == "" {
		return false // most questions: no map built
	}
	known := x.platformSet()
	one := "" // "does she stream on Twitch": that platform
	if verb != "" {
		switch at(q.ts, 0) {
		case "does", "do", "did", "is", "has":
			for _, t := range q.ts {
				if known[t] {
					one = t
				}
			}
		}
	}
	// an entry named by the verb's word ("The Streamer Awards") is no
	// reason to leave the question, one named otherwise is
	if !asked && one == "" && (verb == "" || at(q.ts, 0) != "where" || len(q.ents) > 0) {
		return false
	}
	var named []string
	var quoted []*snippet
	for _, sn := range x.summaryFirst() {
		if one != "" && !containsStr(sn.toks, one) {
			continue
		}
		from := 0
		if verb != "" {
			from = -1
			for k, t := range sn.toks {
				if stem(t) == verb {
					from = k
					break
				}
			}
			if from < 0 {
				continue
			}
		}
		hit := false
		for _, t := range sn.toks[from:] {
			if known[t] {
				hit = true
				named = appendNew(named, t)
				if verb != "" {
					break // "streams on Twitch and … on YouTube": Twitch
				}
			}
		}
		if hit && len(quoted) < 3 {
			quoted = append(quoted, sn)
		}
	}
	if len(named) == 0 {
		return false
	}
	o.in = iWork
	if one != "" {
		o.say("Yes: the profile says %s.", x.quotedList(o, quoted))
		return true
	}
	o.say("%s: the profile says %s.", list(x.platformSpelt(named)), x.quotedList(o, quoted))
	var others []string
	for _, p := range x.r.Basics.Profiles {
		if n := strings.ToLower(p.Network); n != "" && !containsStr(named, n) && known[n] {
			others = append(others, p.Network)
		}
	}
	if len(others) > 0 {
		o.say("%s also links profiles on %s.", x.Who(), list(others))
		o.cite(secBasics, 0, "profiles")
	}
	return true
}

// summaryFirst returns the snippets with the summary's first: a person
// says there what the work is now.
func (x *Index) summaryFirst() []*snippet {
	out := make([]*snippet, 0, len(x.snippets))
	for i := range x.snippets {
		if x.snippets[i].cite.Section == secBasics {
			out = append(out, &x.snippets[i])
		}
	}
	for i := range x.snippets {
		if x.snippets[i].cite.Section != secBasics {
			out = append(out, &x.snippets[i])
		}
	}
	return out
}

// platformSet is platformNames with the profile's link networks.
func (x *Index) platformSet() map[string]bool {
	m := make(map[string]bool, len(platformNames)+len(x.r.Basics.Profiles))
	for k := range platformNames {
		m[k] = true
	}
	for _, p := range x.r.Basics.Profiles {
		if ts := tokens(p.Network); len(ts) == 1 {
			m[ts[0]] = true
		}
	}
	return m
}

// platformSpelt writes folded platform tokens as the profile's links
// spell them ("YouTube"), else with a capital.
func (x *Index) platformSpelt(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = capital(t)
		for _, p := range x.r.Basics.Profiles {
			if strings.EqualFold(p.Network, t) {
				out[i] = p.Network
			}
		}
	}
	return out
}

// quotedList quotes the sentences, each with where it stands, and cites
// them.
func (x *Index) quotedList(o *out, sns []*snippet) string {
	parts := make([]string, len(sns))
	for i, sn := range sns {
		parts[i] = "“" + strings.TrimRight(sn.text, ".") + "” (" + sn.where + ")"
		o.cite(sn.cite.Section, sn.cite.Index, sn.cite.Field)
	}
	return strings.Join(parts, "; ")
}

// appendNew appends s unless it is already in ss.
func appendNew(ss []string, s string) []string {
	if containsStr(ss, s) {
		return ss
	}
	return append(ss, s)
}

// containsStr reports whether ss holds s.
func containsStr(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}
