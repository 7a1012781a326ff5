package converse

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/profile"
)

// techTable finds technologies in text: those the alias table knows and
// those the profile itself lists as skill or project keywords (which may
// be absent from the table).
type techTable struct {
	alias *profile.TechIndex // the shared alias table
	vocab map[string]string  // phrase form of a profile keyword -> display name
	fuzzy map[string]string  // single-token vocabulary for typo matching -> display
	// fuzzyKeys are fuzzy's words by length: the typo scan reads only the
	// words within the largest typo budget (2) of the question word's length.
	fuzzyKeys []string
	// fuzzyMasks are byteMask of each of fuzzyKeys.
	fuzzyMasks []uint64
	// compact is the vocabulary without spaces: "Google Maps" finds the
	// keyword "GoogleMaps" and the other way round.
	compact map[string]string
	maxLen  int             // longest vocabulary phrase, in tokens
	first   map[string]bool // first tokens of the profile's multi-word keywords
	// tails are product names without their vendor ("Captivate" for the
	// keyword "Adobe Captivate"); a question's word counts as one only
	// with a technology cue, as everyday words do.
	tails map[string]string
	// multi are the profile's keywords of several words by their first
	// word, for a question that misspells a later word ("soil fertilty").
	multi map[string][]multiKeyword
	// hyphenParts are the hyphenated words of the profile's keywords of
	// several words, compact ("snapon" of "Snap-on Zeus"): tech_hyphen.go.
	hyphenParts map[string]string
	// words are the tables' answers for each single word (tech_words.go).
	words map[string]tableWord
}

type multiKeyword struct {
	rest []string // the words after the first
	name string
}

// aliasForms is the alias table in the engine's own token form, built
// once, so a question is matched with map look-ups that allocate nothing:
// phrases are tokens joined by spaces, compact forms drop the separators
// ("node js" and "nodejs" both find Node.js).
type aliasForms struct {
	phrase  map[string]string
	compact map[string]string
	first   map[string]bool // first tokens of multi-word forms
	maxLen  int
}

var aliasTable = sync.OnceValue(func() *aliasForms {
	a := &aliasForms{phrase: map[string]string{}, compact: map[string]string{}, first: map[string]bool{}, maxLen: 1}
	for _, t := range profile.Technologies().Techs() {
		for _, form := range append(append([]string{t.Name}, t.Aliases...), t.Exact...) {
			ts := tokens(form)
			if len(ts) == 0 {
				continue
			}
			a.phrase[strings.Join(ts, " ")] = t.Name
			a.compact[string(compactKey(nil, ts))] = t.Name
			if len(ts) > 1 {
				a.first[ts[0]] = true
				a.maxLen = max(a.maxLen, len(ts))
			}
		}
	}
	return a
})

// compactKey appends the tokens with separators dropped to b. A leading
// dot is no separator: ".net" keys as ".net", so the bare word "net" ("net
// income", "safety net") is no .NET, while "asp.net" still keys as "aspnet".
func compactKey(b []byte, ts []string) []byte {
	for j, t := range ts {
		for i := 0; i < len(t); i++ {
			if c := t[i]; c != '.' && c != '-' || c == '.' && i == 0 && j == 0 && len(b) == 0 {
				b = append(b, c)
			}
		}
	}
	return b
}

func newTechTable(r profile.Resume) *techTable {
	t := &techTable{alias: profile.Technologies(), vocab: map[string]string{}, fuzzy: map[string]string{}, compact: map[string]string{},
		maxLen: aliasTable().maxLen, first: map[string]bool{}, tails: map[string]string{}}
	add := func(kw string) {
		name := t.canonical(kw)
		ts := tokens(name)
		if len(ts) == 0 || len(ts) > 5 {
			return
		}
		t.vocab[strings.Join(tokens(kw), " ")] = name
		t.vocab[strings.Join(ts, " ")] = name
		t.compact[string(compactKey(nil, ts))] = name
		t.compact[string(compactKey(nil, tokens(kw)))] = name
		t.maxLen = max(t.maxLen, len(ts), len(tokens(kw)))
		for _, f := range [][]string{ts, tokens(kw)} {
			if len(f) > 1 {
				t.first[f[0]] = true
			}
		}
		if len(ts) > 1 {
			if t.multi == nil {
				t.multi = map[string][]multiKeyword{}
			}
			t.multi[ts[0]] = append(t.multi[ts[0]], multiKeyword{rest: ts[1:], name: name})
		}
		if len(ts) == 1 && len(ts[0]) >= 5 {
			t.fuzzy[ts[0]] = name
		}
		if kt := tokens(kw); len(kt) == 2 && vendors[kt[0]] && len(kt[1]) >= 4 && !commonWords[kt[1]] {
			t.tails[kt[1]] = name
		}
		// "ArcGIS" for the keyword "ArcGIS Pro", "Burp" for "Burp Suite":
		// a product is asked for without its edition word. Like a tail, the
		// bare name counts only with a technology cue.
		// So is "ROS" for "ROS 2": a version is an edition (a short name in capitals only).
		if kt := tokens(kw); len(kt) == 2 && (editionWords[kt[1]] && len(kt[0]) >= 4 || isDigits(kt[1]) && len(kt[1]) <= 2 && (len(kt[0]) >= 4 || capsWord(kw))) &&
			!commonWords[kt[0]] && !vendors[kt[0]] {
			if _, own := t.tails[kt[0]]; !own {
				t.tails[kt[0]] = name
			}
		}
		t.addJSForms(kw, name)
		t.addHyphenParts(kw, name)
		// "TMS" for the keyword "TMS (The Museum System)": a name glossed in
		// brackets is asked for by the name alone.
		if i := strings.IndexByte(kw, '('); i > 0 {
			if head := tokens(kw[:i]); len(head) > 0 && len(head) <= 5 {
				t.vocab[strings.Join(head, " ")] = name
				t.compact[string(compactKey(nil, head))] = name
				if len(head) > 1 {
					t.first[head[0]] = true
				}
			}
		}
		t.addAmpersandForm(kw, name)
		// "ms project" for "Microsoft Project", "ms excel" for "Microsoft Excel"
		if kt := tokens(kw); len(kt) > 1 && kt[0] == "microsoft" {
			t.vocab["ms "+strings.Join(kt[1:], " ")] = name
			t.first["ms"] = true
		}
		// "Class actions" is found in "a pro bono class action": a keyword
		// of several words ending in a plural is written in the singular
		// too (the one word alone stays as written: "Sales", "Pandas")
		if kt := tokens(kw); len(kt) > 1 {
			last := kt[len(kt)-1]
			if one := singular(last); one != last && len(one) >= 4 && !strings.HasSuffix(last, "ics") {
				alt := strings.Join(kt[:len(kt)-1], " ") + " " + one
				if _, taken := t.vocab[alt]; !taken {
					t.vocab[alt] = name
				}
			}
		}
		// The other side of the Atlantic: "financial modelling" finds the
		// keyword "Financial modeling", "data visualization" finds
		// "Data visualisation".
		if alt, ok := otherSpelling(tokens(kw)); ok {
			t.vocab[strings.Join(alt, " ")] = name
			t.compact[string(compactKey(nil, alt))] = name
			if len(alt) > 1 {
				t.first[alt[0]] = true
			}
		}
	}
	for _, s := range r.Skills {
		for _, k := range withParts(s.Keywords) {
			add(k)
		}
		if len(s.Keywords) == 0 {
			add(s.Name) // "VMWare ESXi" listed as a skill of its own
		}
	}
	for _, p := range r.Projects {
		for _, k := range withParts(p.Keywords) {
			add(k)
		}
	}
	t.fuzzyKeys = slices.Collect(maps.Keys(t.fuzzy))
	slices.SortFunc(t.fuzzyKeys, func(a, b string) int { return cmp.Or(len(a)-len(b), strings.Compare(a, b)) })
	t.words = t.wordsOf()
	t.fuzzyMasks = make([]uint64, len(t.fuzzyKeys))
	for i, k := range t.fuzzyKeys {
		t.fuzzyMasks[i] = byteMask(k)
	}
	return t
}

// canonical names one technology as the alias table spells it, or as the
// profile wrote it when the table does not know it.
func (t *techTable) canonical(name string) string {
	name = strings.TrimSpace(name)
	if t.alias != nil {
		if c, ok := t.alias.Canonical(name); ok {
			return c
		}
	}
	return name
}

// canon canonicalises a keyword list, deduplicated, dropping empties.
func (t *techTable) canon(kws []string) []string {
	var out []string
	for _, k := range kws {
		if strings.TrimSpace(k) == "" {
			continue
		}
		out = mergeTechs(out, []string{t.canonical(k)})
	}
	return out
}

// lookup resolves an exact phrase (tokens joined by spaces).
func (t *techTable) lookup(phrase string) (string, bool) {
	if v, ok := t.vocab[phrase]; ok {
		return v, true
	}
	if t.alias != nil {
		return t.alias.Canonical(phrase)
	}
	return "", false
}

// find returns the technologies named in free text: those of the alias
// table (with its rules for everyday words) and the profile's own keywords.
func (t *techTable) find(texts ...string) []string {
	var out []string
	for _, text := range texts {
		if text == "" {
			continue
		}
		text = dropStarCounts(dropFundingRounds(text))
		if t.alias != nil {
			for _, m := range t.alias.Find(text) {
				if !m.Fuzzy {
					out = mergeTechs(out, []string{m.Name})
				}
			}
		}
		ts := tokens(text)
		var buf [64]byte // the phrase is looked up, not kept
		for i := 0; i < len(ts); i++ {
			for n := min(t.maxLen, len(ts)-i); n >= 1; n-- {
				if name, ok := t.vocab[string(appendPhrase(buf[:0], ts[i:i+n]))]; ok {
					if n == 1 && verbTech[ts[i]] && !strings.Contains(text, strings.ToUpper(ts[i])) {
						break // "can" the verb, in a profile that lists CAN
					}
					out = mergeTechs(out, []string{name})
					i += n - 1
					break
				}
			}
		}
	}
	return out
}

type techHit struct {
	name  string
	size  int // tokens consumed
	fuzzy bool
	// ambiguous: an everyday word that names a technology ("go") and the
	// profile does not list it; it counts only with a technology cue.
	ambiguous bool
}

// ambiguousTech are technology names that are also everyday words; in a
// question they count only next to a technology cue ("know Go"), in profile
// text only when the profile lists them as a keyword.
var ambiguousTech = setOf(`go c r d swift spring express rest less make dart shell ember elm
chef puppet salt flask rails unity julia crystal pig hive sass scheme access word office teams
spark storm ant nest next bun play meteor backbone polymer aurelia grunt gulp bower jade pug
`)

// spellingPairs are American and British spellings of words résumés use in
// skill names, both ways.
var spellingPairs = func() map[string]string {
	m := map[string]string{}
	for _, p := range strings.Fields(`modeling:modelling modeled:modelled labeling:labelling labeled:labelled
traveling:travelling counseling:counselling signaling:signalling tunneling:tunnelling marshaling:marshalling
leveling:levelling fueling:fuelling analyze:analyse analyzing:analysing analyzed:analysed color:colour
colors:colours behavior:behaviour behavioral:behavioural center:centre centers:centres license:licence
licensing:licencing defense:defence catalog:catalogue favor:favour labor:labour harbor:harbour
optimize:optimise optimizing:optimising organize:organise organizing:organising visualize:visualise
prioritize:prioritise prioritization:prioritisation utilize:utilise standardize:standardise`) {
		a, b, _ := strings.Cut(p, ":")
		m[a], m[b] = b, a
	}
	return m
}()

// otherSpelling returns ts in the other common spelling ("modelling" for
// "modeling", "-isation" for "-ization"), and whether any word changed.
func otherSpelling(ts []string) ([]string, bool) {
	var out []string
	for i, t := range ts {
		alt, ok := spellingPairs[t]
		if !ok {
			switch {
			case strings.HasSuffix(t, "ization") || strings.HasSuffix(t, "izations"):
				alt, ok = strings.Replace(t, "ization", "isation", 1), true
			case strings.HasSuffix(t, "isation") || strings.HasSuffix(t, "isations"):
				alt, ok = strings.Replace(t, "isation", "ization", 1), true
			}
		}
		if ok {
			if out == nil {
				out = append([]string(nil), ts...)
			}
			out[i] = alt
		}
	}
	return out, out != nil
}

// vendors are company names that lead product names ("Adobe Captivate",
// "Articulate Storyline"); people often drop them.
var vendors = setOf(`adobe microsoft ms google apple amazon aws azure articulate oracle ibm autodesk atlassian
salesforce sap jetbrains apache hashicorp cisco vmware intuit sage zoho us uk eu`)

// dropFundingRounds blanks the letter of a funding round ("a Series C
// fintech", "series-b"), which is no C or R language.
func dropFundingRounds(text string) string {
	i := strings.Index(text, "eries")
	if i < 1 {
		return text
	}
	b := []byte(text)
	for ; i >= 1 && i+7 <= len(b); i = indexFrom(text, "eries", i+5) {
		if c := b[i-1]; (c == 'S' || c == 's') && (b[i+5] == ' ' || b[i+5] == '-') && (i+7 == len(b) || !isWordByte(b[i+7])) {
			b[i+6] = ' '
		}
	}
	return string(b)
}

func indexFrom(s, sub string, from int) int {
	if from >= len(s) {
		return -1
	}
	if j := strings.Index(s[from:], sub); j >= 0 {
		return from + j
	}
	return -1
}
