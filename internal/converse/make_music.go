package converse

import "strings"

// "Does he make music", "is she a musician", asked of a profile whose jobs
// aren't musical: the industry answer reads "music" as media and
// entertainment and quotes any job sentence with the word ("detect if
// their music was violating copyright"). What hints at music-making is an
// interest (a guitar, a choir, DJing) or an account on a music platform.

// asksMusic reports a word that asks about making music; a switch, as the
// test runs on every turn that gets this far.
func asksMusic(ts []string) bool {
	for _, t := range ts {
		switch t {
		case "music", "musician", "musical", "instrument", "instruments":
			return true
		}
	}
	return false
}

// musicWords are the words of an interest that make music.
var musicWords = []string{"music", "guitar", "piano", "violin", "cello", "drum", "choir", "choral", "chorus", "singing", "sing ", "band", "djing", " dj", "bass", "saxophone", "trumpet", "ukulele", "flute", "orchestra", "songwrit", "compos"}

// musicTitleWords are job titles of people who make music for a living:
// their jobs answer.
var musicTitleWords = setOf(`musician bassist guitarist pianist drummer composer singer songwriter dj vocalist producer violinist cellist organist`)

// musicNetworks are platforms for one's own music.
var musicNetworks = []string{"soundcloud", "bandcamp", "mixcloud", "spotify", "audiomack"}

// makesMusic answers from music interests, or a music platform account.
func (r *resolver) makesMusic() bool {
	x, q := r.x, r.q
	if !asksMusic(q.ts) || len(q.ents) > 0 || len(q.techs) > 0 || q.hasWin || !yesNoQuestion(q.ts) {
		return false
	}
	for _, it := range x.sorted(secWork) {
		if hasAnyTokenIn(it.roleTokens(), musicTitleWords) {
			return false
		}
	}
	o := r.o
	var hobbies []string
	for i, in := range x.r.Interests {
		low := " " + strings.ToLower(in.Name+" "+strings.Join(in.Keywords, " ")) + " "
		if containsAny(low, musicWords) {
			hobbies = append(hobbies, interestPhrase(in.Name, in.Keywords))
			o.cite(secInterests, i, "")
		}
	}
	var accounts []string
	for _, p := range x.r.Basics.Profiles {
		if containsAny(strings.ToLower(p.Network), musicNetworks) {
			accounts = append(accounts, strings.TrimSpace(p.Network+" ("+nonBlank(p.Username, p.URL)+")"))
			o.cite(secBasics, 0, "profiles")
		}
	}
	switch {
	case len(hobbies) > 0:
		o.in = iInterests
		o.say("Yes, as an interest: %s lists %s.", x.who(), list(hobbies))
	case len(accounts) > 0:
		o.in = iInterests
		o.say("The profile doesn't say %s makes music, but it lists an account on %s.", x.who(), list(accounts))
	default:
		return false
	}
	return true
}
