// Interests asked by object ("is he into music") and by the networks a
// profile links.

package converse

import (
	"strings"
)

// leisureTimes say when, not what: "what does she do on weekends".
var leisureTimes = setOf(`weekend weekends evening evenings holiday holidays vacation vacations saturday saturdays sunday sundays
like likes enjoy enjoys love loves fan fond keen fun leisure spare pastime pastimes`)

// interestCheck answers "is he into music", "does she like hiking": the
// interest that names it, else where the profile mentions it, else a
// plain no followed by the interests listed. It reports whether the
// question named a thing at all.
// namesInterest reports whether a word of ts is an interest's own word
// or its stem ("surf" for Surfing, "climbs" for Climbing).
func (x *Index) namesInterest(ts []string) bool {
	for _, t := range ts {
		if len(t) < 3 || (searchStop[t] || commonWords[t]) && activityWords[t] == nil || x.isNameTok(t) || cueTable[t] != nil {
			continue
		}
		st := stem(t)
		for _, words := range x.interestToks {
			for _, w := range words {
				if w == t || len(st) >= 4 && strings.HasPrefix(w, st) || inflects(w, t) || hasPrefixAny(w, activityWords[t]) {
					return true
				}
			}
		}
	}
	return false
}

// hobbyVerbAsked reports "what N does @p V" where V is the verb of an
// interest ("collect" for "Record collecting"): the object asked is what
// the hobby is about.
func (x *Index) hobbyVerbAsked(ts []string) bool {
	n := len(ts)
	if n < 5 || at(ts, 0) != "what" && at(ts, 0) != "which" || auxSet[ts[1]] || ts[n-2] != "@p" || !auxSet[ts[n-3]] {
		return false
	}
	v := ts[n-1]
	for _, words := range x.interestToks {
		for _, w := range words {
			if inflects(w, v) {
				return true
			}
		}
	}
	return false
}

// activityAsked reports "does she read novels", "does he like to
// cook": a pastime asked with its verb, an interest whether or not the
// profile lists one.
func activityAsked(ts []string) bool {
	if len(ts) < 3 || ts[0] != "does" && ts[0] != "do" || ts[1] != "@p" {
		return false
	}
	v := ts[2]
	if v == "like" || v == "enjoy" || v == "love" {
		v = at(ts, 3)
		if v == "to" {
			v = at(ts, 4)
		}
	}
	return activityWords[v] != nil
}

// inflects reports whether w is a short verb t with an ending: "running"
// for "run", "swims" for "swim".
func inflects(w, t string) bool {
	if len(t) < 3 || !strings.HasPrefix(w, t) {
		return false
	}
	switch rest := w[len(t):]; rest {
	case "s", "ing", "er", "ers":
		return true
	default:
		return len(rest) == 4 && rest[0] == t[len(t)-1] && rest[1:] == "ing" // run -> running
	}
}

// containsWordPrefix reports whether text (" a b c ") has a word starting
// with one of ps.
func containsWordPrefix(text string, ps []string) bool {
	for _, p := range ps {
		if strings.Contains(text, " "+p) {
			return true
		}
	}
	return false
}

func hasPrefixAny(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// activityWords are what a visitor says for a hobby the profile names in
// other words: "what does she read" is about literature.
var activityWords = map[string][]string{
	"read": {"read", "literature", "book", "novel", "fiction", "poetry"}, "reads": {"read", "literature", "book", "novel", "fiction", "poetry"},
	"cook": {"cook", "baking", "food", "culinary"}, "cooks": {"cook", "baking", "food", "culinary"},
	"watch": {"film", "cinema", "movie", "theatre", "theater"}, "listen": {"music", "podcast", "jazz"},
	"play": {"music", "guitar", "piano", "game", "chess", "football", "tennis", "violin", "drum"}, "plays": {"music", "guitar", "piano", "game", "chess", "football", "tennis", "violin", "drum"},
	"climb": {"climb", "boulder", "mountain"}, "climbs": {"climb", "boulder", "mountain"},
	"hike": {"hik", "trek", "mountain", "outdoor"}, "hikes": {"hik", "trek", "mountain", "outdoor"},
	"travel": {"travel", "trip"}, "travels": {"travel", "trip"},
	"marathon": {"marathon", "running"}, "marathons": {"marathon", "running"}, "jog": {"running", "jog"},
	"ride": {"cycl", "bike", "motorcycl", "horse", "riding"}, "rides": {"cycl", "bike", "motorcycl", "horse", "riding"},
	"bike": {"cycl", "bike", "motorcycl"}, "bikes": {"cycl", "bike", "motorcycl"},
	"sport": sportStems, "sports": sportStems, "sporty": sportStems, "athletic": sportStems, "exercise": sportStems, "fitness": sportStems, "active": sportStems,
	"sing": singStems, "sings": singStems, "singing": singStems, "singer": singStems,
	"bake": {"bak", "bread", "sourdough", "pastr", "cake"}, "bakes": {"bak", "bread", "sourdough", "pastr", "cake"},
	"paint": {"paint", "art", "watercolo", "draw"}, "paints": {"paint", "art", "watercolo", "draw"},
	"knit": {"knit", "crochet", "sew", "craft"}, "knits": {"knit", "crochet", "sew", "craft"},
	"garden": {"garden", "allotment", "plant"}, "gardens": {"garden", "allotment", "plant"},
	"dance": {"danc", "salsa", "tango", "ballet"}, "dances": {"danc", "salsa", "tango", "ballet"},
	"swim": {"swim"}, "swims": {"swim"}, "sail": {"sail", "yacht", "boat"}, "sails": {"sail", "yacht", "boat"},
	"ski": {"ski"}, "skis": {"ski"}, "surf": {"surf"}, "surfs": {"surf"},
	"music": musicStems, "musical": musicStems, "instrument": instrumentStems, "instruments": instrumentStems,
}

// Hobby families: "is she into sport" is answered by her sea swimming,
// "does she sing" by her choir.
var (
	sportStems = []string{"sport", "swim", "run", "cycl", "football", "soccer", "tennis", "climb", "boulder", "hik", "surf", "rowing",
		"yoga", "ski", "snowboard", "basketball", "golf", "marathon", "triathlon", "rugby", "hockey", "cricket", "volleyball",
		"martial", "karate", "judo", "boxing", "gym", "crossfit", "fitness", "sailing", "kayak", "trail", "badminton", "squash", "padel"}
	singStems       = []string{"sing", "choir", "vocal", "opera", "chorus", "karaoke", "a cappella"}
	instrumentStems = []string{"guitar", "piano", "violin", "cello", "drum", "bass", "flute", "sax", "trumpet", "ukulele", "harp", "clarinet", "keyboard"}
	musicStems      = []string{"music", "choir", "guitar", "piano", "violin", "cello", "band", "drum", "sing", "jazz", "orchestra", "bass", "dj", "compos"}
)

func (x *Index) interestCheck(o *out, q *query) bool {
	var words []string
	for _, t := range q.ts {
		if len(t) < 3 || searchStop[t] || t == "@p" || cueTable[t] != nil || x.isNameTok(t) || leisureTimes[t] {
			continue
		}
		words = append(words, t)
	}
	if len(words) == 0 {
		return false
	}
	best, bestScore := -1, 0
	for i, in := range x.r.Interests {
		text := " " + strings.Join(tokens(in.Name+" "+strings.Join(in.Keywords, " ")), " ") + " "
		if sc := interestScore(text, words); sc > bestScore {
			best, bestScore = i, sc
		}
		if bestScore == directMatch {
			break
		}
	}
	if best >= 0 {
		i, in := best, x.r.Interests[best]
		o.in = iInterests
		if yesNoQuestion(q.ts) {
			o.say("Yes: %s interests include %s.", x.whose(), interestPhrase(in.Name, in.Keywords))
		} else {
			o.say("%s interests include %s.", capital(x.whose()), interestPhrase(in.Name, in.Keywords))
		}
		o.cite(secInterests, i, "")
		return true
	}
	sub := &out{x: x}
	// "does she read novels": the novels are searched for, not "read",
	// which "smart-meter readings" would answer; the verb alone is no
	// search
	sought := words
	if objs := objectWords(words); len(objs) < len(words) {
		sought = objs
		if activityWords[objs[0]] != nil {
			sought = nil
		}
	}
	if len(sought) > 0 && x.searchCover(sub, &query{ts: sought}) > 0 {
		o.say("The profile doesn't list %s among %s interests, but it mentions it:", strings.Join(words, " "), x.whose())
		o.adopt(sub)
		if n := x.networkNamed(words); n != "" {
			o.say("%s", n)
		}
		return true
	}
	o.in = iInterests
	o.say("The profile doesn't mention %s.", strings.Join(objectWords(words), " "))
	x.interests(o)
	return true
}

// interestScore says how well the words asked name the interest whose
// tokens are text (" a b c "): directMatch when one word names it, else
// how many words name it through an activity's family ("what does she
// play": Board games), or 0. A word the interest does not name and that
// has no family asks for something else: "does she play chess" is not
// answered by Board games. A family word that misses ("play" for Padel,
// asked "what sports does he play") says nothing either way.
func interestScore(text string, words []string) int {
	n := 0
	for _, w := range words {
		switch {
		case sameFamily(text, w):
			return directMatch
		case containsWordPrefix(text, activityWords[w]):
			n++
		case activityWords[w] == nil:
			return 0
		}
	}
	return n
}

const directMatch = 1 << 10

// sameFamily reports whether a word of text (" a b c ") is w or of its
// family ("sailing" for "sail", "games" for "game"): whole words, so "go"
// is not "golf" nor "read" "ready".
func sameFamily(text, w string) bool {
	sw := stem(w)
	for _, t := range strings.Fields(text) {
		if t == w || stem(t) == sw || inflects(t, w) || inflects(w, t) || len(sw) >= 5 && strings.HasPrefix(t, sw) && wordEnding[t[len(sw):]] {
			return true
		}
	}
	return false
}

// wordEnding are the endings of a word of the same family as its stem:
// "photography" of "photograph", "gardening" of "garden".
var wordEnding = setOf(`y ies ic ics er ers ing ings s es ed ist ists`)

// objectWords drops the activity verbs from words when something else is
// left: "does she play chess" does not mention chess, not "play chess".
func objectWords(words []string) []string {
	var objs []string
	for _, w := range words {
		if activityWords[w] == nil {
			objs = append(objs, w)
		}
	}
	if len(objs) == 0 {
		return words
	}
	return objs
}

func interestPhrase(name string, kws []string) string {
	if len(kws) == 0 {
		return name
	}
	return name + " (" + strings.Join(kws, ", ") + ")"
}

// networkNamed finds a social profile whose network or user name holds
// one of the words ("music": SoundCloud user dandymusicnl).
func (x *Index) networkNamed(words []string) string {
	for _, p := range x.r.Basics.Profiles {
		low := strings.ToLower(p.Network + " " + p.Username)
		for _, w := range words {
			if strings.Contains(low, w) {
				return "The profile also links a " + p.Network + " account (" + nonBlank(p.URL, p.Username) + ")."
			}
		}
	}
	return ""
}
